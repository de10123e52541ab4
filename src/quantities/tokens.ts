/**
 * A small, allocation-light tokenizer for the quantities stage: digit runs, letter runs and single
 * symbols, with the whitespace between them kept implicit. One pass over the text, no regex per
 * token, so a document of any size tokenizes in linear time.
 */

/** Token types: a run of ASCII digits, a run of letters (with inner apostrophes), or one symbol. */
export const NUM = 1;
export const WORD = 2;
export const SYM = 3;

/** Tokens of a text as parallel arrays (cheaper than one object per token on long documents). */
export interface Tokens {
  text: string;
  n: number;
  start: Int32Array;
  end: Int32Array;
  type: Uint8Array;
  /** Lower-cased token text (digits and symbols as written). */
  low: string[];
  /** True when the gap before the token holds a line break (quantities never cross lines). */
  brk: Uint8Array;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER = /\p{L}|\p{M}/u;
function isLetter(c: number, ch: string): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  return LETTER.test(ch);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x2007 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 12;
}

/**
 * Splits `text` into digit runs, letter runs and single symbols. With `ranges` (sorted, disjoint
 * `[start, end)` pairs), only those parts are read, and each starts as if after a line break.
 */
export function tokenize(text: string, ranges?: ReadonlyArray<readonly [number, number]>): Tokens {
  const parts = ranges ?? [[0, text.length] as const];
  let covered = 0;
  for (const [a, b] of parts) covered += b - a;
  const cap = Math.max(16, (covered >> 1) + 1);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let type = new Uint8Array(cap);
  let brk = new Uint8Array(cap);
  const low: string[] = [];
  let n = 0;
  for (const [from, to] of parts) {
  const len = to;
  let sawBreak = 1;
  let i = from;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 || c === 13) sawBreak = 1;
      i++;
      continue;
    }
    if (n === start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
      const t2 = new Uint8Array(type.length * 2);
      t2.set(type);
      type = t2;
      const b2 = new Uint8Array(brk.length * 2);
      b2.set(brk);
      brk = b2;
    }
    const s = i;
    let t: number;
    if (isDigit(c)) {
      t = NUM;
      i++;
      while (i < len && isDigit(text.charCodeAt(i))) i++;
    } else if (isLetter(c, text[i])) {
      t = WORD;
      i++;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (isLetter(d, text[i])) i++;
        // An apostrophe inside a word (o'clock, don't) stays in the word.
        else if ((d === 39 || d === 0x2019) && i + 1 < len && isLetter(text.charCodeAt(i + 1), text[i + 1])) i += 2;
        else break;
      }
    } else {
      t = SYM;
      // Keep surrogate pairs whole.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1;
    }
    start[n] = s;
    end[n] = i;
    type[n] = t;
    brk[n] = sawBreak;
    const raw = text.slice(s, i);
    low.push(t === WORD ? raw.toLowerCase() : raw);
    sawBreak = 0;
    n++;
  }
  }
  return { text, n, start, end, type, low, brk };
}

/** True when tokens `a` and `a+1` touch (no whitespace between them). */
export function glued(t: Tokens, a: number): boolean {
  return a + 1 < t.n && t.end[a] === t.start[a + 1];
}

/** True when token `a+1` follows token `a` on the same line (any amount of inline whitespace). */
export function sameLine(t: Tokens, a: number): boolean {
  return a + 1 < t.n && !t.brk[a + 1];
}

/** A table of phrases (space-separated tokens, punctuation as its own token) for longest-match lookup. */
export class PhraseTable<V> {
  private byFirst = new Map<string, Array<{ words: string[]; value: V }>>();
  private byLast = new Map<string, Array<{ words: string[]; value: V }>>();

  constructor(entries: Iterable<[string, V]>) {
    for (const [phrase, value] of entries) {
      const words = splitPhrase(phrase);
      if (!words.length) continue;
      const e = { words, value };
      (this.byFirst.get(words[0]) ?? this.byFirst.set(words[0], []).get(words[0])!).push(e);
      const last = words[words.length - 1];
      (this.byLast.get(last) ?? this.byLast.set(last, []).get(last)!).push(e);
    }
    for (const m of [this.byFirst, this.byLast]) for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Longest phrase starting at token `i` (tokens on one line); returns its value and end token (exclusive). */
  matchAt(t: Tokens, i: number): { value: V; end: number } | undefined {
    if (i >= t.n) return undefined;
    const list = this.byFirst.get(t.low[i]);
    if (!list) return undefined;
    outer: for (const e of list) {
      if (i + e.words.length > t.n) continue;
      for (let k = 1; k < e.words.length; k++) {
        if (t.brk[i + k] || t.low[i + k] !== e.words[k]) continue outer;
      }
      return { value: e.value, end: i + e.words.length };
    }
    return undefined;
  }

  /** Longest phrase ending at token `j` (inclusive); returns its value and first token. */
  matchEndingAt(t: Tokens, j: number): { value: V; start: number } | undefined {
    if (j < 0) return undefined;
    const list = this.byLast.get(t.low[j]);
    if (!list) return undefined;
    outer: for (const e of list) {
      const s = j - e.words.length + 1;
      if (s < 0) continue;
      for (let k = 0; k < e.words.length - 1; k++) {
        if (t.low[s + k] !== e.words[k] || (k > 0 && t.brk[s + k])) continue outer;
      }
      if (e.words.length > 1 && t.brk[j]) continue;
      return { value: e.value, start: s };
    }
    return undefined;
  }
}

/** Splits a data-file phrase into the tokens the tokenizer would produce for it. */
export function splitPhrase(phrase: string): string[] {
  const t = tokenize(phrase);
  return t.low.slice(0, t.n);
}
