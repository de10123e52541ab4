/**
 * Reading the value of a number written in digits or in English words, token by token.
 * Each reader starts at a token and returns the value and the token where the number ends,
 * or undefined when no number starts there. Positions are token indexes (see tokens.ts).
 */
import { MULTIPLIERS, ORDINALS, SCALES, TENS, UNITS } from './data.js';
import { NUM, SYM, WORD, glued, sameLine, type Tokens } from './tokens.js';

/** How a number was written, after the Recognizers-Text subtypes (integer, decimal, fraction, power). */
export type Subtype = 'integer' | 'decimal' | 'fraction' | 'power';

/** A number read from tokens `[start, end)`. */
export interface Reading {
  value: number;
  end: number;
  subtype: Subtype;
}

function isSep(t: Tokens, a: number, ch: string): boolean {
  return a < t.n && t.type[a] === SYM && t.low[a] === ch;
}

/** True when token `a` is a digit run that belongs to a dotted identifier (`192.168.1.2`). */
function inDottedRun(t: Tokens, a: number): boolean {
  return a >= 2 && isSep(t, a - 1, '.') && glued(t, a - 2) && glued(t, a - 1) && t.type[a - 2] === NUM;
}

/**
 * Reads a number written in digits at token `i`: thousands groups with commas (`1,234,567`) or
 * single spaces (`1 234 567`), a decimal point or a lone decimal comma (`1,3`), a leading point
 * (`.25`). Dotted runs such as IP addresses and comma lists (`22,24,26`) give one number per group.
 */
export function readDigits(t: Tokens, i: number): Reading | undefined {
  let j = i;
  let digits = '';
  if (isSep(t, i, '.') && t.type[i + 1] === NUM && glued(t, i) && !(i > 0 && glued(t, i - 1) && t.type[i - 1] !== SYM)) {
    digits = '0.' + t.low[i + 1];
    return { value: parseFloat(digits), end: i + 2, subtype: 'decimal' };
  }
  if (t.type[i] !== NUM) return undefined;
  digits = t.low[i];
  j = i + 1;
  const first = digits.length;
  let grouped = false;
  // Comma thousands groups.
  if (first <= 3) {
    let k = j;
    let g = '';
    while (isSep(t, k, ',') && glued(t, k - 1) && glued(t, k) && t.type[k + 1] === NUM && t.low[k + 1].length === 3) {
      g += t.low[k + 1];
      k += 2;
    }
    // `22,24,26`: a comma followed by digits that are not a group means a list, not a number.
    const listAfter = isSep(t, k, ',') && glued(t, k - 1) && glued(t, k) && t.type[k + 1] === NUM;
    if (g && !listAfter) {
      digits += g;
      j = k;
      grouped = true;
    } else if (!g && !(isSep(t, i - 1, ',') && glued(t, i - 1)) && isSep(t, j, ',') && glued(t, j - 1) && glued(t, j) && t.type[j + 1] === NUM && t.low[j + 1].length <= 2) {
      // `1,3`: a decimal comma, only when nothing list-like follows.
      const after = j + 2;
      const more = isSep(t, after, ',') && glued(t, after - 1) && t.type[after + 1] === NUM;
      if (!more && !(after < t.n && glued(t, after - 1) && t.type[after] !== SYM)) {
        return { value: parseFloat(digits + '.' + t.low[j + 1]), end: after, subtype: 'decimal' };
      }
    }
    // Single-space thousands groups (`1 234 567`, also with no-break or thin spaces).
    if (!grouped) {
      let k2 = j;
      let g2 = '';
      while (
        k2 < t.n &&
        t.type[k2] === NUM &&
        t.low[k2].length === 3 &&
        !t.brk[k2] &&
        t.start[k2] - t.end[k2 - 1] === 1 &&
        !(k2 + 1 < t.n && glued(t, k2) && t.type[k2 + 1] === NUM)
      ) {
        g2 += t.low[k2];
        k2++;
      }
      if (g2) {
        digits += g2;
        j = k2;
        grouped = true;
      }
    }
  }
  let subtype: Subtype = 'integer';
  if (isSep(t, j, '.') && glued(t, j - 1) && glued(t, j) && t.type[j + 1] === NUM && !inDottedRun(t, i)) {
    // `192.168.1.2`: a second dot makes it a dotted identifier; read the first group alone.
    const dotted = isSep(t, j + 2, '.') && glued(t, j + 1) && glued(t, j + 2) && t.type[j + 3] === NUM;
    if (!dotted) {
      digits += '.' + t.low[j + 1];
      j += 2;
      subtype = 'decimal';
    }
  }
  return { value: parseFloat(digits), end: j, subtype };
}

/** Kinds of word in the number grammar, to check that each word may follow the previous one. */
type Prev = 'none' | 'a' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and' | 'mult' | 'digits';

/** What the word-number grammar read, with what fraction handling needs to know. */
export interface WordReading extends Reading {
  /** Value of a trailing tens word with no unit after it (`one hundred thirty` -> 30), else 0. */
  lastTens: number;
  /** True when `and` came right before the trailing tens or unit word. */
  andBeforeLast: boolean;
  /** Value of the trailing unit word when it followed `and`, for `... and three quarters`. */
  lastUnit: number;
  /** Whether the number started with `a`/`an` (`a hundred`). */
  article: boolean;
}

function wordAt(t: Tokens, j: number, i: number): string | undefined {
  if (j >= t.n || t.type[j] !== WORD) return undefined;
  if (j > i && t.brk[j]) return undefined;
  return t.low[j];
}

/**
 * Reads an English number in words from token `i` (`one hundred and sixty-one`, `twenty-one
 * trillion three hundred`, `three lakh crore`, `half a dozen`, `two hundred point zero three`).
 * With `init`, the number began with digits of that value (`1.3 million`, `322 hundred`): only
 * scale and multiplier words may follow. Does not read fractions (see readFraction).
 */
export function readWords(t: Tokens, i: number, init?: { value: number; end: number }): WordReading | undefined {
  let total = 0;
  let hund = 0;
  let small = 0;
  let lastScale = Infinity;
  let prev: Prev = 'none';
  let end = -1;
  let j = i;
  let lastTens = 0;
  let andBeforeLast = false;
  let lastUnit = 0;
  let article = false;
  let decimal = false;
  if (init) {
    small = init.value;
    prev = 'digits';
    j = init.end;
    end = init.end;
  }
  for (; j < t.n; j++) {
    if (j > i && t.brk[j]) break;
    const w = t.type[j] === WORD ? t.low[j] : t.type[j] === SYM ? t.low[j] : undefined;
    if (w === undefined) break;
    if (w === '-') {
      // A hyphen joins tens and unit (`twenty-one`, `fifty - two`) and nothing else here.
      const nx = wordAt(t, j + 1, i);
      if (prev === 'tens' && nx !== undefined && (UNITS.get(nx) ?? 0) >= 1 && (UNITS.get(nx) ?? 0) <= 9) continue;
      break;
    }
    if (prev === 'digits' && !SCALES.has(w) && !MULTIPLIERS.has(w)) break;
    const u = UNITS.get(w);
    if (u !== undefined) {
      if (prev === 'tens' && u >= 1 && u <= 9) {
        small += u;
        prev = 'unit';
        lastTens = 0;
      } else if (prev === 'none' || prev === 'hundred' || prev === 'scale' || prev === 'and') {
        if (u === 0 && prev !== 'none') break;
        andBeforeLast = prev === 'and';
        lastUnit = prev === 'and' && u < 10 ? u : 0;
        small = u;
        prev = u < 10 ? 'unit' : 'teen';
        lastTens = 0;
      } else break;
      end = j + 1;
      // Zero starts nothing bigger, but may take decimals (`nought point five`).
      if (u === 0 && wordAt(t, j + 1, i) !== 'point') {
        j++;
        break;
      }
      continue;
    }
    const tv = TENS.get(w);
    if (tv !== undefined) {
      if (!(prev === 'none' || prev === 'hundred' || prev === 'scale' || prev === 'and')) break;
      andBeforeLast = prev === 'and';
      small = tv;
      lastTens = tv;
      lastUnit = 0;
      prev = 'tens';
      end = j + 1;
      continue;
    }
    if (w === 'hundred') {
      if (!(prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'a' || prev === 'digits') || hund > 0) break;
      hund = prev === 'a' ? 100 : small * 100;
      small = 0;
      prev = 'hundred';
      lastTens = 0;
      lastUnit = 0;
      andBeforeLast = false;
      end = j + 1;
      continue;
    }
    const sc = SCALES.get(w);
    if (sc !== undefined) {
      const g = prev === 'a' ? 1 : hund + small;
      if (prev === 'scale' && g === 0 && sc > lastScale) {
        total *= sc;
      } else if ((prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'hundred' || prev === 'a' || prev === 'digits') && sc < lastScale) {
        total += g * sc;
      } else break;
      lastScale = Math.min(lastScale, sc);
      hund = small = 0;
      prev = 'scale';
      lastTens = 0;
      lastUnit = 0;
      andBeforeLast = false;
      end = j + 1;
      continue;
    }
    const mu = MULTIPLIERS.get(w);
    if (mu !== undefined) {
      if (!(prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'a' || prev === 'digits')) break;
      small = (prev === 'a' ? 1 : small) * mu;
      prev = 'mult';
      end = j + 1;
      j++;
      break;
    }
    if ((w === 'a' || w === 'an') && prev === 'none') {
      prev = 'a';
      article = true;
      continue;
    }
    if (w === 'half' && prev === 'none' && wordAt(t, j + 1, i) === 'a' && MULTIPLIERS.has(wordAt(t, j + 2, i) ?? '')) {
      small = (MULTIPLIERS.get(t.low[j + 2]) ?? 12) / 2;
      end = j + 3;
      j += 3;
      prev = 'mult';
      break;
    }
    if (w === 'and' && (prev === 'hundred' || prev === 'scale')) {
      const nx = wordAt(t, j + 1, i);
      if (nx !== undefined && (UNITS.has(nx) || TENS.has(nx))) {
        prev = 'and';
        continue;
      }
      break;
    }
    if (w === 'point' && !decimal && (prev === 'unit' || prev === 'teen' || prev === 'tens' || prev === 'hundred' || prev === 'scale')) {
      const frac = readDecimalWords(t, j + 1, i);
      if (!frac) break;
      small += frac.value;
      decimal = true;
      end = frac.end;
      j = frac.end;
      break;
    }
    break;
  }
  if (end < 0 || prev === 'a' || prev === 'none') return undefined;
  const value = total + hund + small;
  const subtype: Subtype = decimal || !Number.isInteger(value) ? 'decimal' : 'integer';
  return { value, end, subtype, lastTens, andBeforeLast, lastUnit, article };
}

/** Reads the digits after `point` (`zero three` -> .03, `seventy-one` -> .71, `eleven` -> .11). */
function readDecimalWords(t: Tokens, j: number, i: number): { value: number; end: number } | undefined {
  let s = '';
  let end = j;
  const w0 = wordAt(t, j, i);
  if (w0 === undefined) return undefined;
  const tv = TENS.get(w0);
  const u0 = UNITS.get(w0);
  if (tv !== undefined || (u0 !== undefined && u0 >= 10)) {
    let v = tv ?? u0!;
    end = j + 1;
    if (tv !== undefined) {
      let k = j + 1;
      if (t.low[k] === '-' && k < t.n) k++;
      const u = UNITS.get(wordAt(t, k, i) ?? '');
      if (u !== undefined && u >= 1 && u <= 9) {
        v += u;
        end = k + 1;
      }
    }
    s = String(v);
  } else {
    let k = j;
    while (true) {
      const u = UNITS.get(wordAt(t, k, i) ?? '');
      if (u === undefined || u > 9) break;
      s += String(u);
      k++;
    }
    end = k;
  }
  if (!s) return undefined;
  return { value: parseFloat('0.' + s), end };
}

/** The value of an ordinal word used as a denominator (`fifths` -> 5, `half` -> 2), or undefined. */
export function ordinalValue(w: string | undefined): number | undefined {
  return w === undefined ? undefined : ORDINALS.get(w);
}

/** The scale word (thousand and up) at the token before `and` at `andAt`, or 1. */
function scaleBefore(t: Tokens, andAt: number): number {
  if (andAt < 1 || t.low[andAt] !== 'and') return 1;
  const sc = SCALES.get(t.low[andAt - 1]);
  return sc !== undefined && sc >= 1000 ? sc : 1;
}

/** True when the ordinal word is plural (`fifths`, `halves`, `quarters`). */
function pluralOrdinal(w: string): boolean {
  return w.endsWith('s');
}

/**
 * Reads a number in words that ends in a fraction (`two thirds`, `a trillionth`, `one hundred
 * thirty-fifths` = 100/35, `one and a half`, `one hundred and three and two thirds`). Returns
 * undefined when no fraction is written at `i`.
 */
export function readFraction(t: Tokens, i: number): Reading | undefined {
  const w0 = wordAt(t, i, i);
  if (w0 === 'half' && !(wordAt(t, i + 1, i) === 'a' && MULTIPLIERS.has(wordAt(t, i + 2, i) ?? ''))) {
    return { value: 0.5, end: i + 1, subtype: 'fraction' };
  }
  const num = readWords(t, i);
  if (!num && !(w0 === 'a' || w0 === 'an')) return undefined;
  const nEnd = num ? num.end : i + 1;
  const nVal = num ? num.value : 1;
  if (num && num.subtype === 'decimal') return undefined;
  let k = nEnd;
  if (t.low[k] === '-' && !t.brk[k]) k++;
  const ow = wordAt(t, k, i);
  const ord = ordinalValue(ow);
  if (ord !== undefined && ow !== undefined) {
    const article = !num || num.article;
    // `thirty fifths` = 35ths unless `and` came before the tens (`one hundred and thirty fifths` = 130/5).
    if (num && num.lastTens && !num.andBeforeLast && ord >= 1 && ord <= 9) {
      const numer = nVal - num.lastTens;
      // `twenty fifths` = 20/5; `one hundred thirty-fifths` = 100/35.
      if (numer <= 0) return { value: nVal / ord, end: k + 1, subtype: 'fraction' };
      return { value: numer / (num.lastTens + ord), end: k + 1, subtype: 'fraction' };
    }
    if (ord === 1) return undefined;
    if (ord >= 100) {
      // Scale ordinals (`a hundredth`, `two millionths`) agree in number with the numerator.
      if (pluralOrdinal(ow) !== (nVal !== 1)) return undefined;
    }
    // `six million and two thirds` = 6 2/3 million; `one hundred and three quarters` = 100 + 3/4.
    const sc = num && num.lastUnit && num.andBeforeLast ? scaleBefore(t, nEnd - 2) : 1;
    if (num && num.lastUnit && num.andBeforeLast && (sc >= 1000 || ord === 2 || ord === 4)) {
      return { value: nVal - num.lastUnit + (num.lastUnit / ord) * sc, end: k + 1, subtype: 'fraction' };
    }
    if (!article && !num) return undefined;
    return { value: nVal / ord, end: k + 1, subtype: 'fraction' };
  }
  // `one one hundred fifth` = 1/105, `a twenty-first` = 1/21: the numerator stops where a new number starts.
  const den = readWords(t, nEnd);
  if (den && !den.article) {
    let k2 = den.end;
    if ((t.low[k2] === '-' || t.low[k2] === 'and') && !t.brk[k2]) k2++;
    const ow2 = wordAt(t, k2, i);
    const o2 = ordinalValue(ow2);
    if (o2 !== undefined && o2 < 100 && o2 > 0) {
      return { value: nVal / (den.value + o2), end: k2 + 1, subtype: 'fraction' };
    }
  }
  if (!num) return undefined;
  // `twenty and three fifths`, `one and a half`: a whole number, `and`, then a fraction.
  if (wordAt(t, nEnd, i) === 'and') {
    const f = readFraction(t, nEnd + 1);
    // `one million and a half` is a million and a half million.
    if (f && f.value < 1) return { value: nVal + f.value * scaleBefore(t, nEnd), end: f.end, subtype: 'fraction' };
  }
  return undefined;
}

/** Reads `N/M` written in digits (`3/4`), with an optional whole number before it (`2 1/4`). */
export function readDigitFraction(t: Tokens, i: number): Reading | undefined {
  if (t.type[i] !== NUM) return undefined;
  const simple = (a: number): Reading | undefined => {
    if (t.type[a] === NUM && isSep(t, a + 1, '/') && glued(t, a) && glued(t, a + 1) && t.type[a + 2] === NUM) {
      // `5/17/2018` is a date, not a fraction.
      if (isSep(t, a + 3, '/') && glued(t, a + 2)) return undefined;
      const d = parseInt(t.low[a + 2], 10);
      if (!d) return undefined;
      return { value: parseInt(t.low[a], 10) / d, end: a + 3, subtype: 'fraction' };
    }
    return undefined;
  };
  if (i > 0 && isSep(t, i - 1, '/') && glued(t, i - 1)) return undefined;
  const f = simple(i);
  if (f) return f;
  if (sameLine(t, i) && !glued(t, i) && t.type[i + 1] === NUM) {
    const g = simple(i + 1);
    if (g && g.value < 1) return { value: parseInt(t.low[i], 10) + g.value, end: g.end, subtype: 'fraction' };
  }
  return undefined;
}
