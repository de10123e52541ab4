/**
 * Finding numbers in text: every place a number is written, in digits or words, with its value
 * and what is glued to it (a unit, an ordinal suffix, an identifier prefix). Deciding which of
 * them are counts, amounts or measures is normalize.ts's job.
 */
import { COUNTED_HEADS, DURATION_UNITS, MULTIPLIERS, NEGATIVE, ONE_AFTER, ONE_BEFORE, ORDINALS, SCALES, SPACED_SUFFIXES, SUFFIXES, TENS, UNITS, VULGAR } from './data.js';
import { readDigitFraction, readDigits, readFraction, readWords, type Reading, type Subtype } from './parse.js';
import { NUM, SYM, WORD, glued, sameLine, tokenize, type Tokens } from './tokens.js';

/** One number written in the text. Token indexes are `[tokStart, tokEnd)`; positions are UTF-16. */
export interface NumberMention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  value: number;
  subtype: Subtype;
  /** Written (at least partly) in words. */
  words: boolean;
  /** Letters glued after the digits that are not a multiplier (`km` in `29km`, `th` in `810th`). */
  glued?: string;
  /** Letters written right before the digits, or before a hyphen (`F-16`, `Covid-19`, `G7`): an identifier. */
  idPrefix?: string;
  /** The word after a hyphen (`day` in `1,000-day`, `strong` in `1,500-strong`). */
  hyphenWord?: string;
  /** A share written as a ratio (`one out of three`, `4 in 10`). */
  ratio?: boolean;
}

function isSym(t: Tokens, a: number, ch: string): boolean {
  return a >= 0 && a < t.n && t.type[a] === SYM && t.low[a] === ch;
}

function startsWordNumber(t: Tokens, i: number): boolean {
  const w = t.low[i];
  if (UNITS.has(w) || TENS.has(w) || w === 'half') return true;
  // `quarter million`, `quarter of a million`.
  if (w === 'quarter' && sameLine(t, i)) return SCALES.has(t.low[i + 1]) || (t.low[i + 1] === 'of' && t.low[i + 2] === 'a' && SCALES.has(t.low[i + 3]));
  if ((w === 'a' || w === 'an') && sameLine(t, i)) {
    const nx = t.low[i + 1];
    return SCALES.has(nx) || MULTIPLIERS.has(nx) || TENS.has(nx) || (ORDINALS.has(nx) && nx !== 'first' && nx !== 'firsts');
  }
  return false;
}

/** Reads an exponent glued to a number: `1e10`, `12.32e+14`, `1.1^23`, `2.5^-1`. */
function readPower(t: Tokens, r: Reading): Reading | undefined {
  const j = r.end;
  if (j >= t.n || !glued(t, j - 1)) return undefined;
  const w = t.low[j];
  let k = j + 1;
  let neg = false;
  if (t.type[j] === WORD && w === 'e') {
    if ((isSym(t, k, '+') || isSym(t, k, '-')) && glued(t, k - 1)) {
      neg = t.low[k] === '-';
      k++;
    }
    if (t.type[k] !== NUM || !glued(t, k - 1) || (k + 1 < t.n && glued(t, k) && t.type[k + 1] === WORD)) return undefined;
    const e = parseInt(t.low[k], 10) * (neg ? -1 : 1);
    return { value: e < 0 ? r.value / Math.pow(10, -e) : r.value * Math.pow(10, e), end: k + 1, subtype: 'power' };
  }
  if (isSym(t, j, '^')) {
    let minus = 0;
    while ((isSym(t, k, '+') || isSym(t, k, '-')) && glued(t, k - 1)) {
      if (t.low[k] === '-') minus++;
      k++;
    }
    if (t.type[k] !== NUM || !glued(t, k - 1)) return undefined;
    const e = readDigits(t, k);
    if (!e) return undefined;
    const exp = e.value * (minus === 1 ? -1 : 1);
    return { value: Math.pow(r.value, exp), end: e.end, subtype: 'power' };
  }
  return undefined;
}

/** Applies a multiplier suffix glued (`12k`, `1.2b`) or spaced (`2.33 k`) after digits. */
function readSuffix(t: Tokens, r: Reading): { reading: Reading; glued?: string } {
  const j = r.end;
  if (j >= t.n) return { reading: r };
  if (t.type[j] === WORD && glued(t, j - 1)) {
    const raw = t.text.slice(t.start[j], t.end[j]);
    const m = SUFFIXES.get(raw);
    if (m !== undefined && !(j + 1 < t.n && glued(t, j) && t.type[j + 1] === NUM)) {
      return { reading: { value: r.value * m, end: j + 1, subtype: r.subtype === 'decimal' ? 'decimal' : 'integer' } };
    }
    return { reading: r, glued: t.low[j] };
  }
  if (t.type[j] === WORD && sameLine(t, j - 1)) {
    const raw = t.text.slice(t.start[j], t.end[j]);
    if (SPACED_SUFFIXES.has(raw) && !(j + 1 < t.n && glued(t, j) && (t.type[j + 1] !== SYM || t.low[j + 1] === '-'))) {
      const m = SUFFIXES.get(raw) ?? 1;
      return { reading: { value: r.value * m, end: j + 1, subtype: r.subtype } };
    }
  }
  return { reading: r };
}

/** `one over three`, `2000 over 3`, `one out of three`, `4 in 10 children`: a ratio. */
function readOver(t: Tokens, r: Reading, start: number): Reading | undefined {
  let j = r.end;
  if (!sameLine(t, j - 1) || t.type[j] !== WORD) return undefined;
  if (t.low[j] === 'over') j++;
  else if (t.low[j] === 'out' && t.low[j + 1] === 'of' && sameLine(t, j)) j += 2;
  else if (t.low[j] === 'in' && r.subtype === 'integer' && r.value >= 1) {
    // `1 in 5 adults`: a share only when a plural noun follows the smaller-over-larger pair.
    const den = t.type[j + 1] === NUM ? readDigits(t, j + 1) : readWords(t, j + 1);
    const nx = den && den.end < t.n && !t.brk[den.end] && t.type[den.end] === WORD ? t.low[den.end] : '';
    if (!den || den.subtype !== 'integer' || den.value <= r.value || !(/[^s]s$/.test(nx) || COUNTED_HEADS.has(nx)) || DURATION_UNITS.has(nx)) return undefined;
    return { value: r.value / den.value, end: den.end, subtype: 'fraction' };
  } else return undefined;
  if (!sameLine(t, j - 1)) return undefined;
  const den = t.type[j] === NUM ? readDigits(t, j) : readWords(t, j);
  if (!den || !den.value) return undefined;
  // `$2000 over 3 years` is an amount and a duration, not a ratio.
  if (t.low[r.end] === 'over' && sameLine(t, den.end - 1) && t.type[den.end] === WORD) return undefined;
  if (start > 0 && t.type[start - 1] === SYM && /[$£€¥]/.test(t.low[start - 1])) return undefined;
  // `12 out of 10` is no share: two numbers.
  if (t.low[r.end] === 'out' && r.value > den.value) return undefined;
  return { value: r.value / den.value, end: den.end, subtype: 'fraction' };
}

/**
 * Scales a fraction by the scale word after it (`one and a half million`, `half a million`,
 * `two thirds of a million`), or adds a trailing fraction of the last scale (`3 million and a half`).
 */
function scaleFraction(t: Tokens, r: Reading, whole: Reading | undefined): Reading {
  let k = r.end;
  if (r.subtype === 'fraction') {
    if (t.low[k] === 'of' && t.low[k + 1] === 'a' && sameLine(t, k)) k += 2;
    else if (t.low[k] === 'a' && sameLine(t, k - 1)) k += 1;
    const sc = k < t.n && !t.brk[k] && t.type[k] === WORD ? SCALES.get(t.low[k]) : undefined;
    if (sc !== undefined && sc >= 1000) return { value: r.value * sc, end: k + 1, subtype: 'fraction' };
    return r;
  }
  if (whole && t.low[k] === 'and' && sameLine(t, k) && t.type[k - 1] === WORD) {
    const sc = SCALES.get(t.low[k - 1]);
    const f = sc !== undefined && sc >= 1000 ? readFraction(t, k + 1) : undefined;
    if (f && f.value < 1 && sc !== undefined) return { value: r.value + f.value * sc, end: f.end, subtype: 'fraction' };
  }
  return r;
}

/** Reads the number (if any) that starts at token `i`, sign included. */
function readAt(t: Tokens, i: number): { reading: Reading; start: number; words: boolean; glued?: string; ratio: boolean } | undefined {
  const start = i;
  let sign = 1;
  let j = i;
  // `minus five`, `negative one`.
  if (t.type[i] === WORD && NEGATIVE.has(t.low[i]) && sameLine(t, i)) {
    sign = -1;
    j = i + 1;
  } else if (isSym(t, i, '-') || isSym(t, i, '−')) {
    // `-4/5`, ` -1`: a minus glued to the digits after a space or at the start of a line;
    // `- 1 4/5` with a space only at the start of a line.
    const atLineStart = t.brk[i] === 1;
    const prevOk =
      i === 0 || atLineStart || (t.start[i] > t.end[i - 1] && t.type[i - 1] !== NUM) || (t.type[i - 1] === SYM && '(<>=~'.includes(t.low[i - 1]));
    if (t.type[i + 1] === NUM && prevOk && (glued(t, i) || (atLineStart && sameLine(t, i)))) {
      sign = -1;
      j = i + 1;
    } else return undefined;
  }
  let reading: Reading | undefined;
  let words = false;
  let gluedWord: string | undefined;
  if (t.type[j] === NUM || (isSym(t, j, '.') && t.type[j + 1] === NUM)) {
    reading = readDigitFraction(t, j) ?? readDigits(t, j);
    if (!reading) return undefined;
    if (reading.subtype !== 'fraction') {
      const p = readPower(t, reading);
      if (p) reading = p;
      else {
        const s = readSuffix(t, reading);
        reading = s.reading;
        gluedWord = s.glued;
        if (!gluedWord) {
          // `2 million`, `1.3 million`, `322 hundred`, `3 dozens`.
          const w = readWords(t, j, { value: reading.value, end: reading.end });
          if (w && w.end > reading.end) reading = scaleFraction(t, { value: w.value, end: w.end, subtype: reading.subtype }, w);
        }
      }
    }
  } else if (t.type[j] === WORD && startsWordNumber(t, j)) {
    const f = t.low[j] === 'quarter' ? { value: 0.25, end: j + 1, subtype: 'fraction' as Subtype } : readFraction(t, j);
    const w = readWords(t, j);
    reading = f && (!w || f.end >= w.end) ? f : w;
    words = true;
    if (!reading) return undefined;
    reading = scaleFraction(t, reading, w);
  } else if (t.type[j] === SYM && VULGAR.has(t.low[j])) {
    reading = { value: VULGAR.get(t.low[j])!, end: j + 1, subtype: 'fraction' };
  } else return undefined;
  // `2½`.
  if (t.type[j] === NUM && reading.subtype === 'integer' && reading.end < t.n && glued(t, reading.end - 1) && VULGAR.has(t.low[reading.end])) {
    reading = { value: reading.value + VULGAR.get(t.low[reading.end])!, end: reading.end + 1, subtype: 'fraction' };
  }
  let ratio = false;
  if (!gluedWord) {
    const o = readOver(t, reading, start);
    if (o) {
      reading = o;
      ratio = true;
    }
  }
  if (sign < 0) reading = { ...reading, value: -reading.value };
  return { reading, start, words, glued: gluedWord, ratio };
}

/** Every number written in the tokens, left to right, without overlaps. */
export function findNumbersIn(t: Tokens): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < t.n) {
    const ty = t.type[i];
    const cand = ty === NUM || (ty === SYM && (t.low[i] === '.' || t.low[i] === '-' || t.low[i] === '−' || VULGAR.has(t.low[i]))) || (ty === WORD && (startsWordNumber(t, i) || NEGATIVE.has(t.low[i])));
    if (!cand) {
      i++;
      continue;
    }
    // `the one you mentioned`, `one another`: a pronoun, not a number.
    if (ty === WORD && t.low[i] === 'one' && ((i > 0 && !t.brk[i] && ONE_BEFORE.has(t.low[i - 1])) || ONE_AFTER.matchAt(t, i + 1))) {
      i++;
      continue;
    }
    const r = readAt(t, i);
    if (!r) {
      i++;
      continue;
    }
    const m: NumberMention = {
      start: t.start[r.start],
      end: t.end[r.reading.end - 1],
      tokStart: r.start,
      tokEnd: r.reading.end,
      value: r.reading.value,
      subtype: r.reading.subtype,
      words: r.words,
    };
    if (r.glued) m.glued = r.glued;
    if (r.ratio) m.ratio = true;
    const s = r.start;
    const prevEnd = out.length ? out[out.length - 1].tokEnd : -1;
    // Letters before the digits make an identifier (`F-16`, `G7`), unless they end the previous number (`5k-20k`).
    if (s > 0 && t.type[s] === NUM && glued(t, s - 1) && t.type[s - 1] === WORD && prevEnd < s - 1) m.idPrefix = t.low[s - 1];
    else if (s > 1 && isSym(t, s - 1, '-') && glued(t, s - 1) && glued(t, s - 2) && t.type[s - 2] === WORD && prevEnd < s - 1) m.idPrefix = t.low[s - 2];
    const e = r.reading.end;
    if (!r.glued && isSym(t, e, '-') && glued(t, e - 1) && glued(t, e) && t.type[e + 1] === WORD) m.hyphenWord = t.low[e + 1];
    out.push(m);
    i = r.reading.end;
    // The tail of a unit glued to the digits belongs to no number.
    if (r.glued) i++;
  }
  return out;
}

/** Every number written in `text` (digits, words, fractions, powers), as spans with values. */
export function findNumbers(text: string): NumberMention[] {
  return findNumbersIn(tokenize(text));
}
