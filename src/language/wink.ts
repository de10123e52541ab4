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

/**
 * A wink-nlp instance that runs only sentence splitting and POS tagging: about twice as fast as the
 * full pipe, with the same tokens and tags (negation, sentiment and NER run after and beside the tagger;
 * checked equal on 1.1 M tokens of news text).
 */
export function winkTagger(): Wink {
  if (!lean) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    lean = winkNLP(model, ['sbd', 'pos']);
  }
  return lean;
}

/** Tokens of a text: character offsets, values, universal POS tags, and wink's sentence token ranges. */
export interface LineTokens {
  starts: number[];
  ends: number[];
  values: string[];
  pos: string[];
  sentences: Array<[number, number]>;
}

// The sentences and entities stages read the same document one after the other; wink is run once
// over the whole text (one call costs about half as much per character as a call per line) and the
// result is kept for the last few texts. The output depends on the text alone, so stages stay pure.
const cache = new Map<string, LineTokens | null>();
const CACHE_TEXTS = 8;

/** Tokenizes and POS-tags a whole text (cached); undefined when wink's tokens cannot be placed in it. */
export function analyzeText(text: string): LineTokens | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const r = analyzeUncached(text);
  if (cache.size >= CACHE_TEXTS) cache.delete(cache.keys().next().value as string);
  cache.set(text, r ?? null);
  return r;
}

/** Index of the first element >= pos in an ascending array (binary search): the first token starting at or after pos. */
export function firstAtOrAfter(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tokens of `text[lineStart, lineEnd)` (one line of a text analysed whole), with offsets
 * relative to the line and wink's sentences cut at the line's ends.
 */
export function lineTokens(text: string, lineStart: number, lineEnd: number): LineTokens | undefined {
  const all = analyzeText(text);
  if (!all) return undefined;
  const a = firstAtOrAfter(all.starts, lineStart);
  const b = firstAtOrAfter(all.starts, lineEnd);
  const starts: number[] = new Array(b - a);
  const ends: number[] = new Array(b - a);
  for (let k = a; k < b; k++) {
    starts[k - a] = all.starts[k] - lineStart;
    ends[k - a] = all.ends[k] - lineStart;
  }
  const sentences: Array<[number, number]> = [];
  // Sentences are in token order: start at the first that does not end before the line (binary search).
  const ss = all.sentences;
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid][1] < a) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < ss.length; k++) {
    const [s, e] = ss[k];
    if (s >= b) break;
    if (e < a) continue;
    sentences.push([Math.max(s, a) - a, Math.min(e, b - 1) - a]);
  }
  return { starts, ends, values: all.values.slice(a, b), pos: all.pos.slice(a, b), sentences };
}

/** Tokenizes and POS-tags one line on its own. */
export function analyzeLine(line: string): LineTokens | undefined {
  return lineTokens(line, 0, line.length);
}

function analyzeUncached(text: string): LineTokens | undefined {
  const w = winkTagger();
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
  return analyzeText(text);
}
