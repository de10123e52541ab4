/**
 * From numbers to quantities: drop what is not an amount (years, dates, times, ages, ordinals,
 * durations, identifiers, list numbers, phone numbers), join ranges, read hedges and bounds,
 * units (currency, percent, measures, rates), vague amounts and the counted noun phrase.
 *
 * Qualifiers (the `qualifier` field), with the interval each one sets:
 * - `exact`: a plain figure (`500 officers`): low = high = value.
 * - `approx`: about the value (`about`, `roughly`, `some`, `or so`): value only, low/high null.
 * - `nearly`: close to and below the value (`nearly`, `almost`): value and high.
 * - `min`: the value or more (`at least`, `no fewer than`, `or more`): low.
 * - `higher-than`: strictly more (`more than`, `over`, `above`): low (exclusive).
 * - `max`: the value or fewer (`up to`, `at most`, `as many as`): high.
 * - `lower-than`: strictly fewer (`fewer than`, `under`, `below`): high (exclusive).
 * - `range`: two figures (`10,000-12,000`, `between 8 and 10`): low and high, value null.
 * - `vague`: a vague amount (`thousands`, `dozens`, `a handful`, `1,000s`): the conventional
 *   reading in data/vague.json as low/high (null when there is none), value null.
 * A hedge before a range or a vague amount (`about 10-12,000`, `at least hundreds`) joins the span
 * but the qualifier stays `range` / `vague`.
 */
import {
  AGE_AFTER,
  CANDIDATE,
  CASUALTY_WORDS,
  AGE_BEFORE,
  CHANGE_WORDS,
  COUNTED_HEADS,
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  DURATION_UNITS,
  FRACTION_FOLLOWERS,
  HEDGES_AFTER,
  HEDGES_BEFORE,
  MEASURES,
  MONTHS,
  NOT_RATE_AFTER,
  NUMBERING_BEFORE,
  OF_DETERMINERS,
  OF_PRONOUNS,
  ORDINAL_SUFFIXES,
  PERCENT,
  RANGE_JOINERS,
  RANGE_OPENERS,
  RATES,
  STOP_WORDS,
  TIME_AFTER,
  VAGUE,
  YEAR_CUES,
  type BoundQualifier,
} from './data.js';
import { findNumbersIn, type NumberMention } from './find.js';
import { NUM, SYM, WORD, glued, sameLine, tokenize, type Tokens } from './tokens.js';

/** The qualifiers a quantity can carry; see the module comment for what each means. */
export type Qualifier = BoundQualifier | 'range' | 'vague';

/** One quantity: an interval, a point value when there is one, how it is qualified, its unit and what it counts. */
export interface Quantity {
  start: number;
  end: number;
  low: number | null;
  high: number | null;
  value: number | null;
  qualifier: Qualifier;
  /** `count`, `percent`, `fraction`, an ISO 4217 code (`USD`), a measure (`km2`), or a rate (`km2/day`). */
  unit: string;
  /** The counted noun phrase (`North Korean troops`), or null. */
  counted: string | null;
}

/** Why a number is not a quantity (kept for tests and for the times stage to reuse). */
export type NotQuantity = 'year' | 'date' | 'time' | 'age' | 'ordinal' | 'duration' | 'identifier' | 'list' | 'phone' | 'modifier' | 'glued';

function sym(t: Tokens, a: number, ch: string): boolean {
  return a >= 0 && a < t.n && t.type[a] === SYM && t.low[a] === ch;
}

function wordBefore(t: Tokens, a: number): string | undefined {
  return a > 0 && t.type[a - 1] === WORD && !t.brk[a] ? t.low[a - 1] : undefined;
}

function isMonthAt(t: Tokens, a: number): boolean {
  return a >= 0 && a < t.n && t.type[a] === WORD && MONTHS.has(t.low[a]);
}

/** Classifies a number by what is written around it that makes it something other than an amount. */
export function notQuantity(t: Tokens, m: NumberMention): NotQuantity | undefined {
  const s = m.tokStart;
  const e = m.tokEnd;
  if (m.glued !== undefined) {
    if (ORDINAL_SUFFIXES.has(m.glued)) return 'ordinal';
    if (TIME_AFTER.matchAt(t, e)) return 'time';
    if (MEASURES.matchAt(t, e) || m.glued === 'm') return undefined;
    if (m.glued === 's' && Number.isInteger(m.value)) return pluralFigure(m) ? undefined : 'year';
    return 'glued';
  }
  if (m.idPrefix !== undefined || inLink(t.text, m.start, m.end)) return 'identifier';
  if (s > 0 && t.type[s] === NUM && t.type[s - 1] === NUM && glued(t, s - 1)) return 'identifier';
  if (s > 0 && NUMBERING_BEFORE.matchEndingAt(t, s - 1) && !t.brk[s]) return 'identifier';
  if (sym(t, s - 1, '#') && glued(t, s - 1)) return 'identifier';
  if (sym(t, s - 1, '+') && glued(t, s - 1)) return 'phone';
  // Phone numbers, codes and ISO dates: three or more digit groups joined by hyphens or dots.
  if (t.type[s] === NUM) {
    const joint = (k: number) => (sym(t, k, '-') || sym(t, k, '.')) && glued(t, k - 1) && glued(t, k);
    let first = s;
    let groups = 1;
    while (joint(first - 1) && t.type[first - 2] === NUM) {
      first -= 2;
      groups++;
    }
    let last = e - 1;
    while (joint(last + 1) && t.type[last + 2] === NUM) {
      last += 2;
      groups++;
    }
    // `123-4567`, `(555) 123-4567`: the local part of a phone number.
    const local = (k: number) => t.low[k].length === 3 && sym(t, k + 1, '-') && glued(t, k) && glued(t, k + 1) && t.type[k + 2] === NUM && t.low[k + 2].length === 4;
    if (groups === 2 && (local(first) || (sym(t, s - 1, '(') && sym(t, e, ')') && t.low[s].length === 3 && t.type[e + 1] === NUM && local(e + 1)))) return 'phone';
    if (groups === 1 && sym(t, s - 1, '(') && sym(t, e, ')') && t.low[s].length === 3 && t.type[e + 1] === NUM && local(e + 1)) return 'phone';
    if (groups >= 3 && t.type[last] === NUM) {
      const iso = last - first === 4 && t.low[first].length === 4 && t.low[first + 2].length <= 2 && t.low[first + 4].length <= 2 && t.low[first + 1] === '-';
      return iso ? 'date' : 'phone';
    }
    if (s >= 2 && sym(t, s - 1, '/') && glued(t, s - 1) && glued(t, s - 2) && t.type[s - 2] === NUM) return 'date';
  }
  // Clock times (`10:30`), and dates written with slashes (`4/11/2024`).
  if ((sym(t, e, ':') && glued(t, e - 1) && t.type[e + 1] === NUM && glued(t, e)) || (sym(t, s - 1, ':') && glued(t, s - 1) && t.type[s - 2] === NUM)) return 'time';
  if (sym(t, e, '/') && glued(t, e - 1) && t.type[e + 1] === NUM) return 'date';
  if (sym(t, s - 1, '/') && glued(t, s - 1) && t.type[s - 2] === NUM) return 'date';
  // List numbering: `1.` or `2)` at the start of a line; footnotes `[3]`.
  if (t.brk[s] && (sym(t, e, '.') || sym(t, e, ')')) && glued(t, e - 1) && !(t.type[e + 1] === NUM && glued(t, e))) return 'list';
  if (sym(t, s - 1, '[') && sym(t, e, ']')) return 'identifier';
  const v = m.value;
  const intDay = Number.isInteger(v) && v >= 1 && v <= 31 && !m.words;
  // Dates next to a month name: `November 4`, `4 Nov`, `Nov. 4`, `November 2024`.
  if (!m.words && Number.isInteger(v)) {
    let p = s - 1;
    if (sym(t, p, '.')) p--;
    if (isMonthAt(t, p) && !t.brk[s] && (intDay || (v >= 1000 && v <= 2200))) return 'date';
    if (intDay && isMonthAt(t, e) && sameLine(t, e - 1)) return 'date';
    if (intDay && t.low[e] === 'of' && isMonthAt(t, e + 1)) return 'date';
    // `November 4, 2024`: the year after a date.
    if (sym(t, s - 1, ',') && t.type[s - 2] === NUM && isMonthAt(t, s - 3) && v >= 1000) return 'date';
  }
  if (t.type[s] === NUM && isYear(t, m)) return 'year';
  if (t.type[s] === NUM && namedNumber(t, m)) return 'identifier';
  // `2022-23`, `1939–45`, `2022/23`: the second year of a span of years.
  if (t.type[s] === NUM && t.low[s].length === 2 && s >= 2 && glued(t, s - 1) && glued(t, s - 2) && (sym(t, s - 1, '-') || sym(t, s - 1, '–') || sym(t, s - 1, '/'))) {
    const y = t.type[s - 2] === NUM && t.low[s - 2].length === 4 ? +t.low[s - 2] : 0;
    if (y >= 1000 && y <= 2200 && +t.low[s] > y % 100) return 'year';
  }
  return undefined;
}

/** True when the number sits in a web address, e-mail or handle (`?q=30%25`, `user@host`). */
function inLink(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  let n = 0;
  const ws = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
  // Only look within the whitespace-free chunk around the number, and not too far.
  while (a > 0 && !ws(text.charCodeAt(a - 1)) && n++ < 2000) a--;
  while (b < text.length && !ws(text.charCodeAt(b)) && n++ < 4000) b++;
  if (b - a === end - start) return false;
  const chunk = text.slice(a, b);
  return chunk.includes('://') || chunk.includes('www.') || (chunk.includes('@') && /\w@\w/.test(chunk));
}

/**
 * `Route 66`, `Boeing 737`, `FTSE 100`: a bare integer right after a capitalised word inside a
 * sentence, with no counted noun after it, is part of a name.
 */
function namedNumber(t: Tokens, m: NumberMention): boolean {
  const s = m.tokStart;
  if (m.tokEnd - s !== 1 || s < 2 || t.brk[s] || t.brk[s - 1] || t.type[s - 1] !== WORD) return false;
  const c = t.text.charCodeAt(t.start[s - 1]);
  if (c < 65 || c > 90) return false;
  // The capitalised word must not start a sentence (`About 30 ...`).
  if (t.type[s - 2] === SYM && '.!?"“:'.includes(t.low[s - 2])) return false;
  const w = t.low[s - 1];
  if (STOP_WORDS.has(w) || MONTHS.has(w) || HEDGES_BEFORE.matchEndingAt(t, s - 1) || CURRENCY_BEFORE.matchEndingAt(t, s - 1)) return false;
  const e = m.tokEnd;
  if (e < t.n && !t.brk[e] && t.type[e] === WORD) {
    // `CNN 500 soldiers`, `Kursk 30 killed`: a counted noun after it makes it a count again.
    const nx = t.low[e];
    if ((nx.length > 3 && nx.endsWith('s') && !nx.endsWith('ss')) || COUNTED_HEADS.has(nx) || CASUALTY_WORDS.has(nx) || nx === 'of') return false;
  }
  return !(unitAfter(t, e) || t.low[e] === '%');
}

/** `100s of`, `1,000s of people`: a round figure made plural is a vague amount (not `the 1990s`). */
function pluralFigure(m: NumberMention): boolean {
  const v = m.value;
  const round = v >= 10 && Math.log10(v) % 1 === 0;
  const grouped = m.tokEnd - m.tokStart > 1;
  return round && (grouped || v !== 1000) && m.glued === 's';
}

const STRONG_YEAR_CUES = new Set(['in', 'since', 'until', 'till', 'during', 'year', 'mid', 'early', 'late', 'circa', 'fiscal', 'summer', 'winter', 'spring', 'autumn']);

/** A plain four-digit number read as a year (`in 1953`, `the 2024 election`, `1939-45`). */
function isYear(t: Tokens, m: NumberMention): boolean {
  const s = m.tokStart;
  const e = m.tokEnd;
  if (m.tokEnd - m.tokStart !== 1 || t.low[s].length !== 4 || m.words) return false;
  const v = m.value;
  if (v < 1000 || v > 2200) return false;
  if (s > 0 && t.type[s - 1] === SYM && /[$£€¥₽₩₴₹]/.test(t.low[s - 1])) return false;
  if (PERCENT.matchAt(t, e) || MEASURES.matchAt(t, e) || CURRENCY_AFTER.matchAt(t, e)) return false;
  // `1000-5000`: joined to a figure that cannot be a year, it is not one either.
  const nonYear = (k: number) => t.type[k] === NUM && !(t.low[k].length === 4 && +t.low[k] >= 1000 && +t.low[k] <= 2200) && !(t.low[k].length === 2 && t.type[k + 1] !== SYM);
  if (e < t.n && RANGE_JOINERS.has(t.low[e]) && nonYear(e + 1)) return false;
  if (s > 1 && RANGE_JOINERS.has(t.low[s - 1]) && nonYear(s - 2) && t.low[s - 1] !== 'and') return false;
  const hb = s > 0 ? HEDGES_BEFORE.matchEndingAt(t, s - 1) : undefined;
  if (hb && hb.value !== 'approx' && !t.brk[s]) return false;
  const b = wordBefore(t, s);
  if (b && STRONG_YEAR_CUES.has(b)) return true;
  const nextWord = t.type[e] === WORD && sameLine(t, e - 1) ? t.low[e] : undefined;
  if (!nextWord) return true;
  if (STOP_WORDS.has(nextWord) || MONTHS.has(nextWord)) return true;
  // `the 2024 election`: a capitalised or singular noun after a year-like number.
  const cap = t.text.charCodeAt(t.start[e]);
  if (cap >= 65 && cap <= 90) return true;
  if (b && YEAR_CUES.has(b) && !nextWord.endsWith('s') && !COUNTED_HEADS.has(nextWord)) return true;
  return false;
}

/** Kinds of amount a group of numbers makes once its right-hand context is read. */
interface Unit {
  unit: string;
  end: number;
}

/** Reads currency, percent or measure (with a rate) after token `e`; undefined when a count. */
/** A rate period (`a day`, `per week`) at token `k`, unless it is a time (`a week earlier`). */
function rateAt(t: Tokens, k: number): { value: string; end: number } | undefined {
  if (k >= t.n || t.brk[k]) return undefined;
  const r = RATES.matchAt(t, k);
  if (!r || (r.end < t.n && !t.brk[r.end] && NOT_RATE_AFTER.has(t.low[r.end]))) return undefined;
  return r;
}

function unitAfter(t: Tokens, e: number): Unit | undefined {
  if (e >= t.n || t.brk[e]) return undefined;
  const pc = PERCENT.matchAt(t, e);
  if (pc) return { unit: 'percent', end: pc.end };
  const cur = CURRENCY_AFTER.matchAt(t, e);
  if (cur) return { unit: cur.value, end: cur.end };
  const me = MEASURES.matchAt(t, e);
  if (me) {
    const r = rateAt(t, me.end);
    return r ? { unit: `${me.value}/${r.value}`, end: r.end } : { unit: me.value, end: me.end };
  }
  return undefined;
}

/** What the right-hand context makes of a number: a duration, an age, a clock time. */
function rightContext(t: Tokens, m: NumberMention, e: number): NotQuantity | undefined {
  if (m.hyphenWord !== undefined) {
    const hw = m.hyphenWord;
    if (hw === 'year' && t.low[e + 2] === '-' && t.low[e + 3] === 'old') return 'age';
    if (DURATION_UNITS.has(hw)) return 'duration';
    if (hw !== 'strong' && hw !== 'plus' && hw !== 'odd' && !MEASURES.matchAt(t, e + 1) && !PERCENT.matchAt(t, e + 1)) return 'modifier';
  }
  if (e < t.n && !t.brk[e]) {
    if (AGE_AFTER.matchAt(t, e)) return 'age';
    if (TIME_AFTER.matchAt(t, e)) return 'time';
    if (t.type[e] === WORD && DURATION_UNITS.has(t.low[e])) return 'duration';
    // `two and a half years`, `three full days`.
    if (t.type[e] === WORD && (t.low[e] === 'full' || t.low[e] === 'more' || t.low[e] === 'straight' || t.low[e] === 'consecutive') && DURATION_UNITS.has(t.low[e + 1] ?? '')) return 'duration';
  }
  const s = m.tokStart;
  if (s > 0 && AGE_BEFORE.matchEndingAt(t, s - 1) && !t.brk[s]) return 'age';
  if (appositiveAge(t, m, s, e)) return 'age';
  return undefined;
}

/** "Liam Corran, 44, and ...", "Rosa Imrie (58)": a bare whole number set off after a capitalised name is an age. */
function appositiveAge(t: Tokens, m: NumberMention, s: number, e: number): boolean {
  if (m.words || m.value < 1 || m.value > 120 || !Number.isInteger(m.value) || s < 2) return false;
  const open = t.low[s - 1];
  const close = e < t.n ? t.low[e] : '';
  const paired = (open === ',' && (close === ',' || close === ';' || close === '.' || e >= t.n)) || (open === '(' && close === ')');
  if (!paired || t.type[s - 1] !== SYM) return false;
  const name = t.text.slice(t.start[s - 2], t.end[s - 2]);
  return t.type[s - 2] === WORD && /^\p{Lu}\p{Ll}/u.test(name);
}

/** Where a range joins two numbers: `10-12`, `10 to 12`, `between 10 and 12`. */
function joinsRange(t: Tokens, a: NumberMention, b: NumberMention, opener: string | undefined): boolean {
  const gapStart = a.tokEnd;
  let gapEnd = b.tokStart;
  // A currency marker may repeat before the second figure: `$2bn-$3bn`.
  if (gapEnd - gapStart === 2 && CURRENCY_BEFORE.matchEndingAt(t, gapEnd - 1)?.start === gapEnd - 1) gapEnd--;
  // `10% to 15%`: the unit may repeat after the first figure.
  let gs = gapStart;
  const u = unitAfter(t, gs);
  if (u && u.end < gapEnd) gs = u.end;
  if (gapEnd - gs !== 1 || t.brk[gapEnd]) return false;
  const j = t.low[gs];
  if (!RANGE_JOINERS.has(j)) return false;
  if (j === 'and') return opener === 'between';
  if (j === 'to') return opener !== 'between';
  if (j === 'or') return a.words === b.words && !opener;
  if (j === '-' && a.words) return false;
  return opener !== 'between';
}

/** A group of one or two numbers that will make one quantity. */
interface Group {
  a: NumberMention;
  b?: NumberMention;
  /** First and last token of the figures, with any range opener. */
  tokStart: number;
  tokEnd: number;
}

function trailingZeros(t: Tokens, m: NumberMention): boolean {
  return m.tokEnd - m.tokStart >= 3 && t.low[m.tokEnd - 1] === '000' && t.low[m.tokEnd - 2] === ',';
}

/** The low end of `10-12,000` (10,000) or `2-3 million` (2 million): the first figure takes the second's scale. */
function scaledLow(t: Tokens, a: NumberMention, b: NumberMention): number {
  const x = a.value;
  const y = b.value;
  if (x >= y || a.tokEnd - a.tokStart !== 1 || x <= 0) return x;
  const hasScale = b.words || trailingZeros(t, b) || (b.tokEnd - b.tokStart >= 2 && t.type[b.tokEnd - 1] === WORD);
  if (!hasScale) return x;
  for (const mult of [1e12, 1e9, 1e6, 1e3]) {
    if (x * mult <= y && x * mult * 10 > y) return x * mult;
  }
  return x;
}

/** Reads the counted noun phrase starting at token `k`: `North Korean troops`, `of them`, `killed or wounded`. */
export function readCounted(t: Tokens, k: number): { text: string; end: number } | undefined {
  if (k >= t.n || t.brk[k] || t.type[k] !== WORD) return undefined;
  let i = k;
  if (t.low[i] === 'of' && sameLine(t, i)) {
    i++;
    if (t.type[i] === WORD && OF_PRONOUNS.has(t.low[i]) && !t.brk[i]) return { text: t.text.slice(t.start[i], t.end[i]), end: i + 1 };
    while (i < t.n && !t.brk[i] && t.type[i] === WORD && OF_DETERMINERS.has(t.low[i])) i++;
  }
  const first = i;
  let last = -1;
  let sawNonEd = false;
  // `30 killed or wounded`, `three missing`: casualty words stand as the counted phrase.
  const participles = t.type[i] === WORD && CASUALTY_WORDS.has(t.low[i]);
  for (let n = 0; i < t.n && n < 5; n++) {
    if (t.brk[i]) break;
    if (t.type[i] === SYM && t.low[i] === '-' && last === i - 1 && glued(t, i - 1) && glued(t, i)) {
      // `pro-Russian fighters`, `Kh-101 missiles`.
      if (t.type[i + 1] === WORD) {
        i++;
        continue;
      }
      if (t.type[i + 1] === NUM) {
        last = i + 1;
        i += 2;
        continue;
      }
    }
    if (t.type[i] !== WORD) break;
    const w = t.low[i];
    if (participles) {
      if (CASUALTY_WORDS.has(w)) {
        last = i++;
        continue;
      }
      if ((w === 'and' || w === 'or') && last === i - 1 && t.type[i + 1] === WORD && CASUALTY_WORDS.has(t.low[i + 1])) {
        i++;
        continue;
      }
      break;
    }
    const ed = w.endsWith('ed') && w.length > 4;
    if (STOP_WORDS.has(w) && !(COUNTED_HEADS.has(w) && i === first)) break;
    if (w.endsWith('ly') && w.length > 4) break;
    if (w.endsWith('ing') && i > first) break;
    if (ed && (sawNonEd || i === first)) break;
    if (DURATION_UNITS.has(w) && i === first) return undefined;
    if (!ed) sawNonEd = true;
    last = i;
    i++;
    const plural = w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is');
    if ((plural || COUNTED_HEADS.has(w)) && t.low[i] !== '-') break;
  }
  if (last < first) return undefined;
  return { text: t.text.slice(t.start[first], t.end[last]), end: last + 1 };
}

function applyBound(q: Qualifier, v: number): Pick<Quantity, 'low' | 'high' | 'value'> {
  switch (q) {
    case 'approx':
      return { low: null, high: null, value: v };
    case 'nearly':
      return { low: null, high: v, value: v };
    case 'min':
    case 'higher-than':
      return { low: v, high: null, value: null };
    case 'max':
    case 'lower-than':
      return { low: null, high: v, value: null };
    default:
      return { low: v, high: v, value: v };
  }
}

const LOWER = new Set<Qualifier>(['min', 'higher-than']);
const UPPER = new Set<Qualifier>(['max', 'lower-than']);
const BOUND_JOIN = /^\s*(?:,|and|but|,\s*and|,\s*but)\s*$/;

/** `more than 10 and fewer than 20`: a lower and an upper bound on one figure make one range. */
function mergeBounds(text: string, qs: Quantity[]): void {
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i];
    const b = qs[i + 1];
    const lowFirst = LOWER.has(a.qualifier) && UPPER.has(b.qualifier);
    const highFirst = UPPER.has(a.qualifier) && LOWER.has(b.qualifier);
    if (!(lowFirst || highFirst) || a.unit !== b.unit || b.start - a.end > 8) continue;
    if (a.counted && b.counted) continue;
    const lo = lowFirst ? a.low : b.low;
    const hi = lowFirst ? b.high : a.high;
    if (lo === null || hi === null || lo >= hi || !BOUND_JOIN.test(text.slice(a.end, b.start))) continue;
    qs.splice(i, 2, { start: a.start, end: b.end, low: lo, high: hi, value: null, qualifier: 'range', unit: a.unit, counted: b.counted ?? a.counted });
  }
}

/** Quantities in already tokenized text. */
export function quantitiesIn(t: Tokens, mentions: NumberMention[] = findNumbersIn(t)): Quantity[] {
  const live: NumberMention[] = [];
  const dropped = new Map<number, NotQuantity>();
  for (const m of mentions) {
    const why = notQuantity(t, m);
    if (why) dropped.set(m.tokStart, why);
    else live.push(m);
  }
  // `from 1 to 3 November`, `between 10 and 11:30`: a figure joined to a date or time is one too.
  for (let i = live.length - 1; i >= 0; i--) {
    const m = live[i];
    const why = dropped.get(m.tokEnd + 1);
    if (why && (why === 'date' || why === 'time' || why === 'year') && m.tokEnd < t.n && RANGE_JOINERS.has(t.low[m.tokEnd]) && !t.brk[m.tokEnd + 1]) live.splice(i, 1);
  }
  const liveStarts = new Set(live.map((m) => m.tokStart));
  // Pair figures into ranges.
  const groups: Group[] = [];
  for (let i = 0; i < live.length; i++) {
    const a = live[i];
    const b = live[i + 1];
    let opener: string | undefined;
    let os = a.tokStart;
    const cb = CURRENCY_BEFORE.matchEndingAt(t, a.tokStart - 1);
    const before = cb && !t.brk[a.tokStart] ? cb.start : a.tokStart;
    if (before > 0 && t.type[before - 1] === WORD && RANGE_OPENERS.has(t.low[before - 1]) && !t.brk[before]) {
      opener = t.low[before - 1];
      os = before - 1;
    }
    if (b && joinsRange(t, a, b, opener)) {
      const change = opener === 'from' && os > 0 && t.type[os - 1] === WORD && CHANGE_WORDS.has(t.low[os - 1]);
      if (!change && !(opener === undefined && t.low[a.tokEnd] === 'to' && a.tokStart > 0 && CHANGE_WORDS.has(t.low[a.tokStart - 1] ?? ''))) {
        groups.push({ a, b, tokStart: os, tokEnd: b.tokEnd });
        i++;
        continue;
      }
    }
    groups.push({ a, tokStart: a.tokStart, tokEnd: a.tokEnd });
  }
  const out: Quantity[] = [];
  for (const g of groups) {
    const last = g.b ?? g.a;
    let e = g.tokEnd;
    let s = g.tokStart;
    let value = last.value;
    // Units and currency.
    let unit = 'count';
    const cb = CURRENCY_BEFORE.matchEndingAt(t, g.a.tokStart - 1);
    if (cb && !t.brk[g.a.tokStart] && (cb.start >= s - 1 || g.tokStart === g.a.tokStart)) {
      unit = cb.value;
      if (g.tokStart === g.a.tokStart) s = cb.start;
    }
    if (last.glued === 's' && !g.b) {
      // `1,000s of people`: read like `thousands`.
      const c = readCounted(t, last.tokEnd + 1);
      out.push({ start: t.start[s], end: t.end[last.tokEnd], low: 2 * value, high: 10 * value - 1, value: null, qualifier: 'vague', unit: 'count', counted: c ? c.text : null });
      continue;
    }
    if (last.glued === 'm' && unit !== 'count') {
      value *= 1e6;
      e = last.tokEnd + 1;
    }
    // `per cent of 210`: a percent word, not itself after a number, then `of` and the figure.
    if (!g.b && g.tokStart === g.a.tokStart && s > 1 && t.low[s - 1] === 'of') {
      const pw = PERCENT.matchEndingAt(t, s - 2);
      if (pw && !(pw.start > 0 && t.type[pw.start - 1] === NUM) && !liveStarts.has(pw.start - 1) && t.type[pw.start] === WORD) {
        const pq = { start: t.start[pw.start], end: t.end[e - 1], low: value, high: value, value, qualifier: 'exact' as Qualifier, unit: 'percent', counted: null };
        out.push(pq);
        continue;
      }
    }
    const after = unitAfter(t, last.glued && unit !== 'count' ? last.tokEnd + 1 : last.tokEnd);
    if (after) {
      if (unit === 'count' || after.unit === 'percent') unit = after.unit;
      e = Math.max(e, after.end);
    } else if (last.glued !== undefined && unit === 'count') continue;
    const why = rightContext(t, last, last.tokEnd);
    if (why) continue;
    // `aged between 18 and 60`, `men aged 18-60`.
    if (g.tokStart > 0 && !t.brk[g.tokStart] && AGE_BEFORE.matchEndingAt(t, g.tokStart - 1)) continue;
    if (g.a.subtype === 'fraction' && !g.b && Math.abs(value) < 1 && unit === 'count') {
      // `half`, `two thirds`: an amount only as a share of something (`half of`, `a third of the`).
      if (g.a.words && !g.a.ratio && (!FRACTION_FOLLOWERS.has(t.low[e] ?? '') || t.brk[e])) continue;
      unit = 'fraction';
    }
    // Interval.
    let q: Qualifier;
    let low: number | null;
    let high: number | null;
    let val: number | null;
    if (g.b) {
      const lo = scaledLow(t, g.a, g.b) * (last.glued === 'm' && unit !== 'count' ? 1e6 : 1);
      q = 'range';
      low = Math.min(lo, value);
      high = Math.max(lo, value);
      val = null;
    } else {
      q = 'exact';
      low = high = val = value;
    }
    // Hedges and bounds before (`about`, `at least`) and after (`or more`, `plus`).
    const hb = s > 0 && !t.brk[s] ? HEDGES_BEFORE.matchEndingAt(t, s - 1) : undefined;
    let hq: BoundQualifier | undefined;
    if (hb && !(t.type[hb.start] === SYM && hb.start > 0 && t.type[hb.start - 1] === SYM && glued(t, hb.start - 1) && '<>=!'.includes(t.low[hb.start - 1]))) {
      hq = hb.value;
      s = hb.start;
    }
    // `a 10,000-strong force`: the span takes `-strong`, the counted noun follows it.
    if (last.hyphenWord === 'strong' && e === last.tokEnd) e += 2;
    if (g.a.hyphenWord === 'plus' || g.a.hyphenWord === 'odd') {
      hq = g.a.hyphenWord === 'plus' ? 'min' : 'approx';
      e = Math.max(e, g.a.tokEnd + 2);
    }
    const ha = HEDGES_AFTER.matchAt(t, e);
    if (ha && !t.brk[e] && !(ha.value === 'min' && t.low[e] === 'plus' && !glued(t, e - 1) && t.type[ha.end] === NUM)) {
      // `200 or more than 190`: the bound belongs to the next figure.
      if (!(t.type[ha.end] === NUM || (t.type[ha.end] === WORD && liveStarts.has(ha.end)) || t.low[ha.end] === 'than')) {
        hq = ha.value;
        e = ha.end;
      }
    }
    // `less than 5000 or equal (to)`: the bound becomes inclusive, unless `to` leads to another figure.
    const toNumber = t.low[e + 2] === 'to' && (t.type[e + 3] === NUM || liveStarts.has(e + 3));
    if ((hq === 'lower-than' || hq === 'higher-than') && t.low[e] === 'or' && t.low[e + 1] === 'equal' && !t.brk[e] && !toNumber) {
      hq = hq === 'lower-than' ? 'max' : 'min';
      e += t.low[e + 2] === 'to' && t.type[e + 3] !== NUM ? 3 : 2;
    }
    if (hq && q === 'exact') {
      q = hq;
      ({ low, high, value: val } = applyBound(hq, value));
    }
    // Counted noun phrase, and a rate after it (`1,000 troops a day`).
    let counted: string | null = null;
    let cEnd = e;
    if (unit === 'count' || unit === 'percent' || unit === 'fraction' || t.low[e] === 'of') {
      const c = readCounted(t, e);
      // A percent, a share or an amount of money counts something only through `of` (`1 in 5 adults` aside).
      if (c && (unit === 'count' || t.low[e] === 'of' || (unit === 'fraction' && last.ratio))) {
        counted = c.text;
        cEnd = c.end;
      }
    }
    if (!unit.includes('/') && unit !== 'percent' && unit !== 'fraction') {
      const r = rateAt(t, cEnd);
      if (r) {
        unit = `${unit}/${r.value}`;
        if (cEnd === e) e = r.end;
      }
    }
    out.push({ start: t.start[s], end: t.end[e - 1], low, high, value: val, qualifier: q, unit, counted });
  }
  mergeBounds(t.text, out);
  // Vague amounts: `thousands`, `tens of thousands of`, `a handful`; never inside a number or quantity.
  const busy: Array<[number, number]> = [...out.map((q): [number, number] => [q.start, q.end]), ...mentions.map((m): [number, number] => [m.start, m.end])];
  busy.sort((a, b) => a[0] - b[0]);
  const busyEnd: number[] = [];
  for (let k = 0, mx = -1; k < busy.length; k++) busyEnd.push((mx = Math.max(mx, busy[k][1])));
  let bp = 0;
  const vagueOut: Quantity[] = [];
  for (let i = 0; i < t.n; i++) {
    if (t.type[i] !== WORD) continue;
    const v = VAGUE.matchAt(t, i);
    if (!v) continue;
    const vs = t.start[i];
    const ve = t.end[v.end - 1];
    // Spans before vs are passed for good; overlap if any span starting before ve ends after vs.
    while (bp < busy.length && busy[bp][0] < vs && busyEnd[bp] <= vs) bp++;
    let hit = false;
    for (let k = bp; k < busy.length && busy[k][0] < ve; k++) if (busy[k][1] > vs) {
      hit = true;
      break;
    }
    if (hit) continue;
    const nx = t.low[v.end];
    const hasOf = nx === 'of' && !t.brk[v.end];
    if (v.value.needsOf && !hasOf) continue;
    let s = i;
    // `at least hundreds`: the hedge joins the span; the amount stays vague.
    const hb = s > 0 && !t.brk[s] ? HEDGES_BEFORE.matchEndingAt(t, s - 1) : undefined;
    if (hb) s = hb.start;
    // `several days`, `dozens of times`... a vague duration is not an amount.
    const nw = hasOf ? v.end + 1 : v.end;
    if (nw < t.n && !t.brk[nw] && DURATION_UNITS.has(t.low[nw])) continue;
    const c = readCounted(t, v.end);
    vagueOut.push({
      start: t.start[s],
      end: ve,
      low: v.value.low,
      high: v.value.high,
      value: null,
      qualifier: 'vague',
      unit: 'count',
      counted: c ? c.text : null,
    });
    i = v.end - 1;
  }
  out.push(...vagueOut);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** Characters of context read before and after each candidate: enough for hedges, ranges, units and the counted noun. */
const BEFORE = 64;
const AFTER = 120;

/**
 * The parts of `text` worth reading: windows around digits and number words, widened to whitespace
 * and merged. Skipping the rest keeps the stage fast on long articles with few figures.
 */
export function candidateWindows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  let m: RegExpExecArray | null;
  const ws = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
  while ((m = re.exec(text))) {
    let a = Math.max(0, m.index - BEFORE);
    while (a > 0 && !ws(text.charCodeAt(a - 1))) a--;
    let b = Math.min(text.length, m.index + m[0].length + AFTER);
    while (b < text.length && !ws(text.charCodeAt(b))) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Every quantity in `text`: counts, amounts of money, percentages, measures and vague amounts. */
export function findQuantities(text: string): Quantity[] {
  return quantitiesIn(tokenize(text, candidateWindows(text)));
}
