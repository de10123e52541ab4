import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The minimal slice of wink-nlp we use, typed locally (the package ships loose types). */
export interface WinkDoc {
  tokens(): { out(f?: unknown): unknown[] };
  sentences(): { out(f?: unknown): unknown[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let nlp: Wink | undefined;
let lean: Wink | undefined;

/** The shared wink-nlp instance with the English lite web model (full pipe), loaded once on first use. */
export function wink(): Wink {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    nlp = winkNLP(model);
  }
  return nlp;
}

/** A wink-nlp instance that runs only sentence splitting and POS tagging: about twice as fast. */
function winkLean(): Wink {
  if (!lean) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    lean = winkNLP(model, ['sbd', 'pos']);
  }
  return lean;
}

/** Tokens of one line: character offsets, values, universal POS tags, and wink's sentence token ranges. */
export interface LineTokens {
  starts: number[];
  ends: number[];
  values: string[];
  pos: string[];
  sentences: Array<[number, number]>;
}

// The sentences and entities stages read the same lines one after the other; a small cache keyed by
// the line's text lets them share one wink pass (the output depends on the text alone, so it stays pure).
const cache = new Map<string, LineTokens | null>();
let cachedChars = 0;
const CACHE_CHARS = 2_000_000;

/** Tokenizes and POS-tags one line (cached); undefined when wink's tokens cannot be placed in the text. */
export function analyzeLine(text: string): LineTokens | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const r = analyzeUncached(text);
  if (cachedChars + text.length > CACHE_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  cache.set(text, r ?? null);
  cachedChars += text.length;
  return r;
}

function analyzeUncached(text: string): LineTokens | undefined {
  const w = winkLean();
  const doc = w.readDoc(text);
  const values = doc.tokens().out(w.its.value) as string[];
  const spaces = doc.tokens().out(w.its.precedingSpaces) as string[];
  const pos = doc.tokens().out(w.its.pos) as string[];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    // wink keeps the text intact; if it ever does not, search forward, or give up.
    if (!text.startsWith(values[i], at)) {
      const found = text.indexOf(values[i], at);
      if (found < 0) return undefined;
      at = found;
    }
    starts.push(at);
    at += values[i].length;
    ends.push(at);
  }
  const sentences = doc.sentences().out(w.its.span) as Array<[number, number]>;
  return { starts, ends, values, pos, sentences };
}

/** Token boundaries of `text` as character offsets, with wink's sentence token ranges. */
export function tokenize(text: string): { starts: number[]; ends: number[]; sentences: Array<[number, number]> } | undefined {
  return analyzeLine(text);
}
