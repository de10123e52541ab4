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

/** The shared wink-nlp instance with the English lite web model, loaded once on first use. */
export function wink(): Wink {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as (model: unknown) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    nlp = winkNLP(model);
  }
  return nlp;
}

/** Token boundaries of `text` as character offsets, with wink's sentence token ranges. */
export function tokenize(text: string): { starts: number[]; ends: number[]; sentences: Array<[number, number]> } | undefined {
  const w = wink();
  const doc = w.readDoc(text);
  const values = doc.tokens().out(w.its.value) as string[];
  const spaces = doc.tokens().out(w.its.precedingSpaces) as string[];
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    pos += spaces[i].length;
    // wink keeps the text intact; if it ever does not, the caller falls back to rules.
    if (text.startsWith(values[i], pos)) {
      starts.push(pos);
      pos += values[i].length;
      ends.push(pos);
    } else {
      const at = text.indexOf(values[i], pos);
      if (at < 0) return undefined;
      starts.push(at);
      pos = at + values[i].length;
      ends.push(pos);
    }
  }
  const sentences = doc.sentences().out(w.its.span) as Array<[number, number]>;
  return { starts, ends, sentences };
}
