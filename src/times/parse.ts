import { alternation, LEX, type Holiday } from './lexicon.js';
import { durationValue, type Expr, type Unit } from './normalize.js';

/** One grammar rule: a global regex and the reading of a match (null rejects it). */
export interface Rule {
  name: string;
  re: RegExp;
  /** A cheap test a region must pass before the full pattern runs (keeps the stage fast). */
  need?: RegExp;
  read(m: RegExpExecArray, text: string): Expr | null;
}

const lc = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').replace(/[’]/g, "'");

const MONTH_KEYS = Object.keys(LEX.months);
const MONTH = `(?:${alternation(MONTH_KEYS.filter((k) => k.length > 3 || k === 'may'))}|(?:${alternation(MONTH_KEYS.filter((k) => k.length <= 4 && k !== 'may'))})\\.?)(?![A-Za-z])`;
const WD_FULL = alternation(Object.keys(LEX.weekdays).filter((k) => k.endsWith('day')));
/** A weekday: full, or abbreviated with a dot, or before a comma ("Wed, 22 Jan"; not "sun,", "sat,"). */
const WD = `(?:${WD_FULL}|(?:${alternation(Object.keys(LEX.weekdays).filter((k) => !k.endsWith('day') && k !== 'sun' && k !== 'sat'))})(?:\\.|(?=,)))`;
const ORD_W = alternation(Object.keys(LEX.ordinals));
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_1_9 = 'one|two|three|four|five|six|seven|eight|nine';
/** A day of the month: digits, an ordinal word, or "twenty one" / "twenty-first". */
const DAY = `(\\d{1,2}|(?:twenty|thirty)[\\s-](?:${ORD_W}|${UNITS_1_9})|${ORD_W})(?:st|nd|rd|th)?`;
const YEAR = `(\\d{4})`;
const NUM_W = alternation(Object.keys(LEX.numbers).filter((k) => k !== 'hundred'));
/** A count: digits (with thousands separators or decimals), number words, or a vague quantity. */
const NUM = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${TENS})[\\s-](?:${UNITS_1_9})|${NUM_W}|${alternation(LEX.vagueNumbers)})(?:\\s+and\\s+(?:a\\s+)?half)?`;
const UNIT = '(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|wks?|weekends?|months?|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia)';
const UNIT_ABBR: Record<string, string> = { sec: 'second', min: 'minute', hr: 'hour', h: 'hour', wk: 'week', yr: 'year' };
const POD = `(${alternation(Object.keys(LEX.partsOfDay).filter((p) => p !== 'overnight' && p !== 'dawn' && p !== 'dusk'))})`;

/** Parses a count phrase to a number, or 'X' for vague counts ("several", "a few"). */
export function parseCount(s: string): number | 'X' {
  let t = lc(s);
  let half = 0;
  if (/\s+and (?:a )?half$/.test(t)) {
    half = 0.5;
    t = t.replace(/\s+and (?:a )?half$/, '');
  }
  if (LEX.vagueNumbers.includes(t)) return 'X';
  let n: number | undefined;
  if (/^[\d,.]+$/.test(t)) n = Number(t.replace(/,/g, ''));
  else if (LEX.numbers[t] !== undefined) n = LEX.numbers[t];
  else {
    const [a, b] = t.split(/[\s-]/);
    if (LEX.numbers[a] !== undefined && LEX.numbers[b] !== undefined) n = LEX.numbers[a] + LEX.numbers[b];
  }
  return n === undefined || !Number.isFinite(n) ? 'X' : n + half;
}

/** Maps a unit word ("months", "centuries") to a Unit. */
export function parseUnit(s: string): Unit {
  const t = lc(s);
  if (t.startsWith('centur')) return 'century';
  if (t.startsWith('millenni')) return 'millennium';
  const base = t.replace(/s$/, '');
  return (base === 'night' ? 'day' : UNIT_ABBR[base] ?? base) as Unit;
}

const month = (s: string): number => LEX.months[lc(s).replace(/\.$/, '')];
const weekday = (s: string): number => LEX.weekdays[lc(s).replace(/\.$/, '')];
function dayNum(s: string): number {
  const t = lc(s).replace(/(\d)(st|nd|rd|th)$/, '$1');
  if (LEX.ordinals[t] !== undefined) return LEX.ordinals[t];
  const two = /^(twenty|thirty)[\s-](\S+)$/.exec(t);
  if (two) return LEX.numbers[two[1]] + (LEX.ordinals[two[2]] ?? LEX.numbers[two[2]] ?? NaN);
  if (/^[a-z]+$/.test(t)) return LEX.numbers[t] ?? NaN;
  return parseInt(t, 10);
}
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDay = (m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1];
/** A two-digit year: 00-49 is 20xx, 50-99 is 19xx. */
const year2 = (s: string): number => (s.length === 2 ? (+s < 50 ? 2000 : 1900) + +s : +s);
const validYear = (y: number): boolean => y >= 1000 && y <= 2199;
const relWord = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : /^(last|past|previous|preceding)$/i.test(s) ? -1 : /^(next|coming|following)$/i.test(s) ? 1 : 0;

/** Words before a bare year that make the temporal reading safe on their own ("in 1953", "since 2014"). */
const TEMPORAL_CUE = /\b(?:in|since|by|until|till|through|from|of|before|after|during|between|early|late|mid|circa|c\.|year|summer|winter|spring|autumn|fall|throughout|as\s+of)[\s-]*$/i;
/** Words that allow a year only if no counted noun follows ("about 2000 soldiers" is not a year). */
const WEAK_CUE = /\b(?:and|or|to|the|about|around|for)\s*$/i;
const COUNTED = new Set(['people', 'men', 'women', 'children', 'police', 'personnel', 'staff', 'feet', 'km', 'kg', 'mph', 'of', 'more', 'other', 'per', 'square', 'new', 'additional', 'million', 'billion', 'thousand']);
const HOLIDAY_INDEX = new Map<string, Holiday>();
for (const h of LEX.holidays) for (const n of h.names) HOLIDAY_INDEX.set(n, h);

function before(text: string, m: RegExpExecArray, n = 24): string {
  return text.slice(Math.max(0, m.index - n), m.index);
}
function after(text: string, m: RegExpExecArray, n = 24): string {
  const e = m.index + m[0].length;
  return text.slice(e, e + n);
}

/** A capitalised word right after: "August Wilson", "the Summer Olympics", "Good Friday Agreement" are names. */
const NAME_NEXT = new RegExp(`^\\s+(?!(?:${alternation([...MONTH_KEYS, ...Object.keys(LEX.weekdays)])})\\b)[A-Z][a-z]`);
const nameFollows = (text: string, m: RegExpExecArray): boolean => NAME_NEXT.test(after(text, m, 30));

const rule = (name: string, src: string, read: Rule['read'], flags = 'gi'): Rule => ({ name, re: new RegExp(src, flags), read });

/** The grammar, roughly from most to least specific; overlaps are settled by length in find.ts. */
export const RULES: Rule[] = [
  rule('date-mdy', `\\b(?:(${WD}),?\\s+)?(${MONTH})\\s+(?:the\\s+)?${DAY}\\b(?:,?\\s+(?:of\\s+|in\\s+)?${YEAR}\\b(?![-–/][A-Za-z\\d]))?`, (m) => {
    const mo = month(m[2]);
    const d = dayNum(m[3]);
    if (!validDay(mo, d)) return null;
    if (/^may$/i.test(m[2]) && !m[4] && !/^\d/.test(m[3])) return null;
    const y = m[4] ? +m[4] : undefined;
    if (y !== undefined && !validYear(y)) return null;
    return { k: 'date', m: mo, d, y };
  }),
  rule('date-dmy', `\\b(?:(${WD}),?\\s+)?(?:the\\s+)?${DAY}\\.?(?:\\s+day)?(?:\\s+of)?\\s+(${MONTH})(?:,?\\s+(?:of\\s+|in\\s+)?${YEAR}\\b(?![-–/][A-Za-z\\d]))?`, (m) => {
    const mo = month(m[3]);
    const d = dayNum(m[2]);
    if (!validDay(mo, d)) return null;
    if (/^(may|march)$/i.test(m[3]) && !/^[A-Z]/.test(m[3])) return null;
    const y = m[4] ? +m[4] : undefined;
    if (y !== undefined && !validYear(y)) return null;
    return { k: 'date', m: mo, d, y };
  }),
  rule('date-iso', `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, (m) => (validDay(+m[2], +m[3]) && validYear(+m[1]) ? { k: 'date', y: +m[1], m: +m[2], d: +m[3] } : null)),
  // A month name joined to numbers by hyphens, slashes or dots: "Oct-2", "Sep.1st", "Sep-23-2020",
  // "05-Aug-2016", "23/Sep/2020", "2019-aug-1", "Dec-2018" (web and agency copy).
  rule('date-mixed', `\\b(?:(${MONTH})(?:\\s?[-/]\\s?|(?<=\\.)\\s?)(\\d{1,2})(?:st|nd|rd|th)?(?:[-/,]\\s?(\\d{4}))?|(\\d{1,2})[-/](${MONTH})[-/](\\d{4}|\\d{2})|(\\d{4})[-/](${MONTH})[-/](\\d{1,2}))\\b(?![-/.]\\d)`, (m) => {
    const mo = month(m[1] ?? m[5] ?? m[8]);
    const d = +(m[2] ?? m[4] ?? m[9]);
    const ys = m[3] ?? m[6] ?? m[7];
    const y = ys ? year2(ys) : undefined;
    if (m[1] && !ys && d > 31) return null;
    if (y !== undefined && !validYear(y)) return null;
    return validDay(mo, d) ? { k: 'date', m: mo, d, y } : null;
  }),
  rule('month-mixed', `\\b(${MONTH})\\s?[-/]\\s?(\\d{4})\\b(?![-/.]\\d)`, (m) => (validYear(+m[2]) ? { k: 'month', m: month(m[1]), y: +m[2] } : null)),
  // "the 20th of next month": a day in a month named relative to the publication date.
  rule('dom-relmonth', `\\b(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[\\s-](?:${ORD_W})|${ORD_W})(?:\\s+day)?\\s+of\\s+(?:the\\s+)?(this|next|last|previous|current|following|coming)\\s+month\\b`, (m) => {
    const d = dayNum(m[1]);
    const r = lc(m[2]);
    return d >= 1 && d <= 31 ? { k: 'dom', d, mrel: r === 'this' || r === 'current' ? 0 : r === 'last' || r === 'previous' ? -1 : 1 } : null;
  }),
  rule('date-us', `\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b`, (m) => {
    const y = year2(m[3]);
    return validDay(+m[1], +m[2]) && validYear(y) ? { k: 'date', y, m: +m[1], d: +m[2] } : null;
  }),
  rule('date-numeric', `\\b(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})\\b(?![.-]\\d)`, (m) => {
    let a = +m[1], b = +m[3];
    const y = year2(m[4]);
    // Day first when the first number cannot be a month, or with dots (European usage); month first otherwise (US).
    if (a > 12 || m[2] === '.') [a, b] = [b, a];
    return validDay(a, b) && validYear(y) ? { k: 'date', y, m: a, d: b } : null;
  }),
  rule('date-ymd', `\\b(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})\\b`, (m) => (validDay(+m[3], +m[4]) && validYear(+m[1]) ? { k: 'date', y: +m[1], m: +m[3], d: +m[4] } : null)),
  rule('month-numeric', `\\b(?:(\\d{4})[-/.](\\d{1,2})|(\\d{1,2})\\s*[-/]\\s*(\\d{4}))\\b(?![-/.]\\d)`, (m) => {
    const y = +(m[1] ?? m[4]);
    const mo = +(m[2] ?? m[3]);
    // "the 2007-09 crisis" is a span of years: two digits after a hyphen above the year's own last two.
    if (m[1] && m[2].length === 2 && /^\d{4}-/.test(m[0]) && +m[2] > +m[1].slice(2)) return null;
    return validYear(y) && mo >= 1 && mo <= 12 && !(m[1] && m[2].length === 2 && +m[2] > 12) ? { k: 'month', y, m: mo } : null;
  }),
  rule('date-md', `\\b(\\d{1,2})/(\\d{1,2})\\b(?![/\\d])`, (m, text) => {
    if (!/\b(?:on|since|until|till|by|from|before|after|to|through)\s+$/i.test(before(text, m))) return null;
    return validDay(+m[1], +m[2]) ? { k: 'date', m: +m[1], d: +m[2] } : null;
  }),
  rule('weekday-dom', `\\b(${WD_FULL}),?\\s+(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[\\s-](?:${ORD_W}|${UNITS_1_9})|${ORD_W}|${alternation(Object.keys(LEX.numbers).filter((k) => /^[a-z]+$/.test(k) && LEX.numbers[k] <= 31 && k.length > 2))})\\b`, (m, text) => {
    // "Thursday, three weeks after": a count word (not an ordinal) followed by a word is no day of the month.
    if (!/\d|(?:st|nd|rd|th)$/i.test(m[2]) && /^[\s-]+[a-z]/i.test(after(text, m, 3)) && !/^\s+(?:and|or|at|in|on|to)\b/i.test(after(text, m, 5))) return null;
    const d = dayNum(m[2]);
    return d >= 1 && d <= 31 ? { k: 'dom', d, wd: weekday(m[1]) } : null;
  }),
  rule('the-dom', `\\bthe\\s+(\\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[\\s-](?:${ORD_W})|${ORD_W})\\b(?!\\s+(?:of\\s+)?(?:${MONTH})\\b)`, (m, text) => {
    const d = dayNum(m[1]);
    if (!(d >= 1 && d <= 31)) return null;
    if (!/\d/.test(m[1]) && !/\b(?:on|since|until|till|by|for)\s+$/i.test(before(text, m))) return null;
    if (/^\s+(?:[a-z]+)/i.test(after(text, m)) && !/^\s+(?:and|to|or|at|in|when|,)\b/i.test(after(text, m))) return null; // "the first of three" is no date
    return { k: 'dom', d };
  }),
  rule('nth-weekday', `\\b(?:the\\s+)?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\\s+(${WD_FULL})\\s+(?:of|in)\\s+(?:(${MONTH})(?:,?\\s+${YEAR})?|(?:the\\s+)?(this|next|last|previous|following|coming|current)\\s+month)\\b`, (m) => {
    const n = lc(m[1]) === 'last' ? -1 : ['first', 'second', 'third', 'fourth', 'fifth'].indexOf(lc(m[1])) + 1 || parseInt(m[1], 10);
    return { k: 'nthwd', n, wd: weekday(m[2]), m: m[3] ? month(m[3]) : undefined, y: m[4] ? +m[4] : undefined, mrel: m[5] ? relWord(m[5]) : undefined };
  }),
  rule('weekday-of-week', `\\b(?:(${WD_FULL})\\s+(?:of\\s+)?(last|next|this)\\s+week|(last|next|this)\\s+week(?:,?\\s+on)?\\s+(${WD_FULL}))\\b`, (m) => ({
    k: 'weekday', wd: weekday(m[1] ?? m[4]), week: relWord(m[2] ?? m[3]),
  })),
  rule('clock-past', `\\b(half|(?:a\\s+)?quarter|\\d{1,2}|twenty(?:[\\s-](?:${UNITS_1_9}))?|${UNITS_1_9}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\\s+(?:(?:minutes|mins?)\\s+)?(past|after|to|before)\\s+(\\d{1,2}|${UNITS_1_9}|ten|eleven|twelve)(?:\\s+o['’]clock)?(?:\\s+in\\s+the\\s+(morning|afternoon|evening|night)|\\s*(a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b))?`, (m) => {
    const h0 = parseCount(m[3]);
    const mins = /half/i.test(m[1]) ? 30 : /quarter/i.test(m[1]) ? 15 : parseCount(m[1]);
    if (typeof h0 !== 'number' || typeof mins !== 'number' || h0 > 12 || mins >= 60) return null;
    // "ten past nine" needs a clock word to be a time: half/quarter, minutes, o'clock, a.m./p.m. or a part of day.
    if (!/half|quarter|minutes|\bmins?\b|o['’]clock/i.test(m[0]) && !m[4] && !m[5]) return null;
    let h = h0;
    let mi = mins;
    if (/to|before/i.test(m[2])) { h = (h0 + 11) % 12 || 12; mi = 60 - mins; }
    if ((m[4] && !/morning/i.test(m[4])) || (m[5] && /^p/i.test(m[5]))) { if (h < 12) h += 12; }
    return { k: 'clock', h, mi };
  }),
  rule('clock-daypart', `(?<![\\d.,])\\b(\\d{1,2}|${UNITS_1_9}|ten|eleven|twelve)(?::(\\d{2}))?(?:\\s+o['’]clock)?\\s+in\\s+the\\s+(morning|afternoon|evening|night)\\b`, (m) => {
    let h = parseCount(m[1]);
    if (typeof h !== 'number' || h < 1 || h > 12) return null;
    if (!/morning/i.test(m[3]) && h < 12) h += 12;
    if (/morning/i.test(m[3]) && h === 12) h = 0;
    return { k: 'clock', h, mi: m[2] ? +m[2] : undefined };
  }),
  rule('month-year', `\\b(${MONTH})(?:\\s+of)?,?\\s+${YEAR}\\b`, (m) => {
    const y = +m[2];
    return validYear(y) ? { k: 'month', m: month(m[1]), y } : null;
  }),
  rule('month', `\\b(?:(last|this|next|past)\\s+)?(${MONTH})(?![\\w'’])`, (m, text) => {
    if (!/^[A-Z]/.test(m[2]) && !m[1] && (/^(may|march|august)$/.test(m[2]) || m[2].length <= 4)) return null;
    if (/^(may|march)$/i.test(m[2]) && !m[1] && !/(?:\b(?:in|since|until|till|by|from|through|of|and|to|before|after|during|early|late|mid|between|last|next|this)[\s-]*)$/i.test(before(text, m))) return null;
    if (!m[1] && /^[A-Za-z][a-z]{2,3}$/.test(m[2]) && !/^(june|july|may)$/i.test(m[2])) return null;
    if (!m[1] && nameFollows(text, m)) return null;
    return { k: 'month', m: month(m[2]), rel: relWord(m[1]) };
  }),
  rule('year', `(?<![\\d,.$€£¥#/])(?:(?:the\\s+)?(?:year|fiscal\\s+year)\\s+)?${YEAR}(?!\\d|,\\d{3}|%|\\.\\d|\\s*(?:percent|per\\s+cent))`, (m, text) => {
    const y = +m[1];
    if (!validYear(y)) return null;
    // Hyphens: "mid-2023" and year ranges "2019-2022" are years; "2024-11" or "555-1234" are not.
    if (/[-–]$/.test(before(text, m, 1)) && !/(?:\bmid|\b\d{4}\s?)[-–]$/i.test(before(text, m, 6))) return null;
    const short = /^[-–](\d{2})(?![\d-])/.exec(after(text, m, 4));
    if (short && +short[1] > y % 100) return { k: 'year', y }; // "2007-09": the first year of a span
    if (/^[-–]\d/.test(after(text, m, 2)) && !/^\s?[-–]\s?\d{4}(?![\d-])/.test(after(text, m, 8))) return null;
    if (/[-–]$/.test(before(text, m, 1)) && /\d{4}\s?[-–]$/.test(before(text, m, 6))) return { k: 'year', y };
    if (/year/i.test(m[0])) return { k: 'year', y, fiscal: /fiscal/i.test(m[0]) || undefined };
    if (TEMPORAL_CUE.test(before(text, m))) return y <= 2100 ? { k: 'year', y } : null;
    if (y < (WEAK_CUE.test(before(text, m)) ? 1000 : 1800) || y > 2100) return null;
    const next = /^\s+([a-z]+)/.exec(after(text, m));
    // A count of things ("2000 soldiers") rather than a year: a lower-case plural or a measure word follows.
    // After "the", a year in this range names an occasion ("the 2005 floods"); AP style writes counts of a thousand and more with a comma.
    const attributive = /\bthe\s+$/i.test(before(text, m)) && y >= 1900 && y <= 2100;
    if (next && (COUNTED.has(next[1]) || (!attributive && /[^s]s$/.test(next[1])))) return null;
    if (next && y < 1800) return null;
    return { k: 'year', y };
  }),
  rule('fiscal-year', `\\b(?:fiscal(?:\\s+year)?\\s+${YEAR}|FY\\s?['’]?(\\d{4}|\\d{2}))\\b`, (m) => {
    const y = m[1] ? +m[1] : year2(m[2]);
    return validYear(y) ? { k: 'year', y, fiscal: true } : null;
  }),
  rule('year-end', `\\b(?:(?:the\\s+)?year[\\s-]end|(?:the\\s+)?year['’]s\\s+end)\\b`, () => ({ k: 'rel', unit: 'year', offset: 0, from: 'anchor', mod: 'END' })),
  rule('decade', `\\b(?:the\\s+)?(?:(\\d{3})0['’]?s|['’](\\d)0s)\\b`, (m) => {
    // "the 1800s" is a century; "the 2000s" is read as the decade 2000-2009, as news uses it.
    if (m[1]?.endsWith('0') && m[1] !== '200') return { k: 'century', v: m[1].slice(0, 2) };
    if (m[1]) return { k: 'decade', v: m[1] };
    return { k: 'decade', v: `19${m[2]}` };
  }),
  rule('decade-word', `\\bthe\\s+(?:nineteen[\\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`, (m) => {
    const i = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(lc(m[1]));
    return { k: 'decade', v: `19${i + 2}` };
  }),
  rule('century', `\\b(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)|${ORD_W})[\\s-]+century\\b`, (m) => {
    const n = dayNum(m[1].replace(/(st|nd|rd|th)$/i, '')) || dayNum(m[1]);
    return n ? { k: 'century', v: String(n - 1).padStart(2, '0') } : null;
  }),
  rule('quarter', `\\b(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)(?:[\\s-]+(?:fiscal|calendar|financial))?[\\s-]+quarter(?:\\s+of\\s+(?:${YEAR}|(?:the\\s+)?(this|last|next|previous|current)\\s+year|(the)\\s+year\\b))?`, (m) => {
    const q = ['first', 'second', 'third', 'fourth'].indexOf(lc(m[1])) + 1 || parseInt(m[1], 10);
    return { k: 'quarter', q, y: m[2] ? +m[2] : undefined, yrel: m[3] ? relWord(m[3]) : m[4] ? 0 : undefined };
  }),
  rule('quarter-q', `\\b(?:Q([1-4])(?:\\s+|-|\\s*['’])?(\\d{4}|\\d{2})?|(\\d{4})[\\s-]+[Qq]([1-4])|q([1-4])[\\s-]+(\\d{4}))\\b`, (m) => {
    if (m[5]) return { k: 'quarter', q: +m[5], y: +m[6] };
    const q = +(m[1] ?? m[4]);
    const ys = m[2] ?? m[3];
    const y = ys ? year2(ys) : undefined;
    return { k: 'quarter', q, y };
  }, 'g'),
  rule('half-h', `\\b(?:H([12])[\\s-]*${YEAR}|${YEAR}[\\s-]*H([12]))\\b`, (m) => ({ k: 'half', h: +(m[1] ?? m[4]), y: +(m[2] ?? m[3]) }), 'g'),
  rule('half', `\\b(?:the\\s+)?(first|second)\\s+half\\s+of\\s+(?:${YEAR}|(?:the\\s+)?(this|last|next|previous|current)\\s+year|the\\s+year)`, (m) => ({
    k: 'half',
    h: lc(m[1]) === 'first' ? 1 : 2,
    y: m[2] ? +m[2] : undefined,
    yrel: m[3] ? relWord(m[3]) : 0,
  })),
  rule('season', `\\b(?:(last|this|next|past|the)\\s+)?(spring|summer|autumn|fall|winter)\\b(?:\\s+(?:of\\s+)?${YEAR}\\b)?`, (m, text) => {
    if (!m[1] && !m[3] && !/\b(?:in|since|during|until|by|early|late|mid)[\s-]*$/i.test(before(text, m))) return null;
    if (lc(m[2]) === 'fall' && !m[3] && (!m[1] || lc(m[1]) === 'the') && /^\s+(?:of|in|from|to)\b/.test(after(text, m)) && !/\s+of\s+\d{4}/.test(after(text, m))) return null;
    if (!m[3] && /^[A-Z]/.test(m[2]) && nameFollows(text, m)) return null;
    const s = LEX.seasons[lc(m[2])];
    if (m[3]) return validYear(+m[3]) ? { k: 'season', s, y: +m[3] } : null;
    return { k: 'season', s, rel: m[1] && lc(m[1]) !== 'the' ? relWord(m[1]) : undefined };
  }),
  rule('holiday', `\\b(${alternation(HOLIDAY_INDEX.keys())})(?![\\w])(?:,?\\s+(?:of\\s+)?${YEAR}\\b)?`, (m, text) => {
    const h = HOLIDAY_INDEX.get(lc(m[1]));
    if (!h) return null;
    if (/^[a-z]/.test(m[1]) && !/^(christmas|easter|thanksgiving|halloween)/i.test(m[1])) return null;
    if (/^may day$/i.test(m[1]) && !/^M/.test(m[1])) return null;
    if (!m[2] && nameFollows(text, m)) return null;
    return { k: 'holiday', h, y: m[2] ? +m[2] : undefined };
  }),
  rule('weekday', `\\b(?:(last|this|next|past|coming|previous)\\s+)?(${WD_FULL})(?:\\s+${POD})?\\b`, (m, text) => {
    // Inside a run of capitalised words ("Good Friday Agreement") a weekday is part of a name.
    const prev = /\b([A-Z][a-z]+)\s+$/.exec(before(text, m, 20));
    if (!m[1] && prev && !/^(?:On|In|By|Since|Until|Last|Next|This|Early|Late|From|Through|Before|After|Of|Since|Each|Every)$/.test(prev[1]) && nameFollows(text, m)) return null;
    if (m[3] && /^[A-Z]/.test(m[3]) && nameFollows(text, m)) return null; // "Saturday Night Live"
    const r = m[1] ? lc(m[1]) : undefined;
    const rel = r === undefined ? undefined : r === 'last' || r === 'past' || r === 'previous' ? 'last' : r === 'this' ? 'this' : 'next';
    return { k: 'weekday', wd: weekday(m[2]), rel, pod: m[3] ? LEX.partsOfDay[lc(m[3])] : undefined };
  }),
  rule('day-word', `\\b(?:((?:the\\s+)?day\\s+before\\s+yesterday)|((?:the\\s+)?day\\s+after\\s+tomorrow)|(today|yesterday|tomorrow)(?:\\s+${POD})?|(tonight)|(last\\s+night)|this\\s+${POD})\\b`, (m, text) => {
    if (m[1]) return { k: 'day', offset: -2 };
    if (m[2]) return { k: 'day', offset: 2 };
    if (m[3]) {
      // "USA Today", "the Today show": a capitalised Today inside a sentence is a name.
      if (/^T(?:oday|ODAY)/.test(m[3]) && /[\w,]\s*$/.test(before(text, m, 3))) return null;
      const offset = { today: 0, yesterday: -1, tomorrow: 1 }[lc(m[3])]!;
      return { k: 'day', offset, pod: m[4] ? LEX.partsOfDay[lc(m[4])] : undefined };
    }
    if (m[5]) return { k: 'day', offset: 0, pod: 'NI' };
    if (m[6]) return { k: 'day', offset: -1, pod: 'NI' };
    return { k: 'day', offset: 0, pod: LEX.partsOfDay[lc(m[7])] };
  }),
  rule('rel-unit', `\\b(last|this(?:\\s+past)?|next|past|coming|(?:the\\s+)?current|previous)\\s+(week|weekend|month|quarter|year|decade|century)\\b`, (m, text) => {
    const r = lc(m[1]) === 'previous' ? 'last' : /^this past$/.test(lc(m[1])) ? 'past' : lc(m[1]).replace(/^the /, '');
    const unit = parseUnit(m[2]);
    if (r === 'past' || r === 'coming') {
      if (/\bthe\s+$/i.test(before(text, m))) return null; // "the past week" is a duration
    }
    const offset = r === 'this' || r === 'current' ? 0 : r === 'last' || r === 'past' ? -1 : 1;
    // "this weekend" is the current week's; "past weekend" the one just gone (the weekend rule).
    if (unit === 'weekend' && r === 'past') return { k: 'rel', unit, offset: 0, from: 'anchor' };
    return { k: 'rel', unit, offset, from: 'anchor', thisWeek: unit === 'weekend' && offset === 0 ? true : undefined };
  }),
  // "earlier this week" counts from publication; "earlier in the day", "later that week" from the time the story is telling.
  rule('rel-within', `\\b(?:earlier|later)\\s+(this|in\\s+the|that)\\s+(week|month|year|day)\\b`, (m) => ({ k: 'rel', unit: parseUnit(m[2]), offset: 0, from: /^this$/i.test(m[1]) ? 'anchor' : 'ref' })),
  rule('that-unit', `\\bthat\\s+(day|night|morning|afternoon|evening|week|weekend|month|year)\\b(?!\\s+of\\b)`, (m) => {
    const u = lc(m[1]);
    if (LEX.partsOfDay[u]) return { k: 'rel', unit: 'day', offset: 0, from: 'ref', pod: LEX.partsOfDay[u] };
    return { k: 'rel', unit: parseUnit(u), offset: 0, from: 'ref' };
  }),
  rule('part-of', `\\b(?:the\\s+)?(?:very\\s+)?(end|beginning|start|middle|close|rest|remainder)\\s+of\\s+(?:(?:the|this|last|next)\\s+)?(week|month|year|decade|century|quarter|day)\\b`, (m, text) => {
    // "At the end of the day" is mostly the idiom ("ultimately"); "by the end of the day" is a deadline.
    if (/day$/i.test(m[0]) && !/\b(?:by|until|till|before)\s+$/i.test(before(text, m))) return null;
    if (/\bof\s+(?:week|month|year|day|decade|century|quarter)$/i.test(m[0]) && !/^(end|beginning|start|middle)$/i.test(m[1])) return null;
    const rel = /\b(last|next)\s+\w+$/i.exec(m[0]);
    const mod = { end: 'END', close: 'END', beginning: 'START', start: 'START', middle: 'MID' }[lc(m[1])];
    return { k: 'rel', unit: parseUnit(m[2]), offset: rel ? (lc(rel[1]) === 'last' ? -1 : 1) : 0, from: 'anchor', mod };
  }),
  rule('the-daypart', `\\b(?:the\\s+)?(morning|afternoon|evening)\\b(?!\\s+(?:of|after|before|when)\\b)`, (m, text) => {
    if (!/^the/i.test(m[0]) && !/\b(?:early|late|by|until|till|before|after|since)\s+$/i.test(before(text, m))) return null;
    // "the morning meetings": followed by a content word, the phrase modifies a noun.
    const next = /^\s+([a-z]+)/.exec(after(text, m));
    if (next && !/^(?:and|or|to|at|as|with|in|on|before|after|when|while|until|hours|he|she|they|we|it|i|the|a|an|there|that|this)$/.test(next[1])) return null;
    if (new RegExp(`(?:${WD_FULL}|yesterday|today|tomorrow)\\s*$`, 'i').test(before(text, m))) return null;
    return { k: 'rel', unit: 'day', offset: 0, from: 'ref', pod: LEX.partsOfDay[lc(m[1])] };
  }),
  rule('the-unit-weekend', `\\bthe\\s+weekend\\b`, () => ({ k: 'rel', unit: 'weekend', offset: 0, from: 'anchor' })),
  rule('following', `\\bthe\\s+(following|next|previous|preceding|same|prior)\\s+(day|morning|night|evening|afternoon|week|weekend|month|quarter|year)\\b`, (m) => {
    const r = lc(m[1]);
    const offset = r === 'same' ? 0 : r === 'following' || r === 'next' ? 1 : -1;
    const u = lc(m[2]);
    if (LEX.partsOfDay[u]) return { k: 'rel', unit: 'day', offset, from: 'ref', pod: LEX.partsOfDay[u] };
    return { k: 'rel', unit: parseUnit(u), offset, from: 'ref' };
  }),
  rule('day-before-after', `\\b(?:the\\s+)?(day|week|month|year)\\s+(before|after)(?=\\s*[,.;:!?)]|\\s*$)`, (m) => ({
    k: 'rel', unit: parseUnit(m[1]), offset: lc(m[2]) === 'after' ? 1 : -1, from: 'ref',
  })),
  rule('from-day', `\\b(${NUM})[\\s-]+${UNIT}\\s+(from|after|before)\\s+(today|tomorrow|yesterday|now)\\b`, (m) => {
    const n = parseCount(m[1]);
    if (n === 'X' || !Number.isInteger(n)) return null;
    const base = { today: 0, now: 0, tomorrow: 1, yesterday: -1 }[lc(m[4])]!;
    const unit = parseUnit(m[2]);
    const sign = lc(m[3]) === 'before' ? -1 : 1;
    // "two days from tomorrow": the day count shifts from the named day; other units from today.
    if (unit === 'day') return { k: 'day', offset: base + sign * n };
    return { k: 'rel', unit, offset: sign * n, from: 'anchor' };
  }),
  rule('ago', `\\b(${NUM})[\\s-]+${UNIT}\\s+(ago|earlier|later|before|after|from\\s+now|hence|previously|prior)\\b`, (m, text) => {
    const n = parseCount(m[1]);
    const dir = lc(m[3]);
    if ((dir === 'before' || dir === 'after' || dir === 'prior') && !/^\s*(?:[,.;)]|$)/.test(after(text, m, 3))) return null;
    const unit = parseUnit(m[2]);
    const sign = /^(ago|earlier|before|previously|prior)$/.test(dir) ? -1 : 1;
    const from = dir === 'ago' || dir.startsWith('from') || dir === 'hence' ? 'anchor' : 'ref';
    if (n === 'X' || !Number.isInteger(n)) return { k: 'ref', v: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
    return { k: 'rel', unit, offset: sign * n, from };
  }),
  rule('the-past-n', `\\b(the\\s+)?(past|last|previous|next|coming|following|first|final|preceding)\\s+(?:(${NUM})\\s+)?${UNIT}\\b`, (m, text) => {
    const plural = /s$/i.test(m[4]);
    const r = lc(m[2]);
    if (!m[1] && (!m[3] || /^(first|final)$/.test(r))) return null; // "last week" is a date; "first three days" needs "the"
    if (!m[1] && /^an?$/i.test(m[3])) return null; // "following a day of talks": the duration is "a day"
    // Without "the", "last" is too often the verb ("talks could last two hours").
    if (!m[1] && r === 'last' && !/\b(?:in|over|for|during|within|of)\s+$/i.test(before(text, m))) return null;
    if (!m[3] && !plural && /^(next|following|previous|preceding)$/.test(r)) return null; // a date, see 'following'
    // "the coming week" names the next calendar week (a DATE), as "next week" does.
    if (!m[3] && !plural && r === 'coming' && /^(week|weekend|month|year|quarter)$/i.test(m[4])) return { k: 'rel', unit: parseUnit(m[4]), offset: 1, from: 'anchor' };
    const n = m[3] ? parseCount(m[3]) : plural ? 'X' : 1;
    // "The last quarter" names a reporting period, not a length of time.
    if (!m[3] && !plural && /^quarters?$/i.test(m[4]) && !/^(first|final)$/.test(r)) return { k: 'rel', unit: 'quarter', offset: /^(next|coming|following)$/.test(r) ? 1 : -1, from: 'anchor' };
    return { k: 'dur', n, unit: parseUnit(m[4]) };
  }),
  rule('duration', `\\b(${NUM})(?:[\\s-]+(?:(?:straight|consecutive|successive|full|whole|long|more|further|additional)\\s+)?|(?<=\\d))${UNIT}(?:[\\s-]+(?:and\\s+(?:a\\s+)?half|long|old))?\\b`, (m, text) => {
    let n = parseCount(m[1]);
    if (/and\s+(?:a\s+)?half/i.test(m[0]) && n !== 'X') n = Math.floor(n) + 0.5;
    const unit = parseUnit(m[2]);
    if (lc(m[1]) === 'a' && unit === 'second') return null;
    if (/^h$/i.test(m[2]) && !/\d\s?h$/i.test(m[0])) return null; // "h" is an hour only after digits ("24h"), not in "two-H"
    if (/^(a|an|one)$/i.test(m[1]) && /\b(?:wait|hang\s+on|just)\s+$/i.test(before(text, m, 12))) return null; // "wait a minute" is no duration
    if ((unit === 'quarter' || unit === 'half') && /^\s+of\b/i.test(after(text, m))) return null; // a fraction: "three quarters of"
    if ((lc(m[1]) === 'a' || lc(m[1]) === 'an') && /\b(?:times?|once|twice|per)\s*$/i.test(before(text, m))) return null;
    if (/^(a|an)$/i.test(m[1]) && /^\s+(?:ago|earlier|later)/i.test(after(text, m))) return null;
    return { k: 'dur', n, unit };
  }),
  rule('duration-whole', `\\b(?:all|full|whole|entire)[\\s-](day|night|week|month|year)\\b`, (m, text) => {
    if (/^\s*-?(?:long|old)\b/i.test(after(text, m))) return null;
    return { k: 'dur', n: 1, unit: parseUnit(m[1]) };
  }),
  rule('duration-half', `\\b(?:half\\s+an?|an?\\s+half)[\\s-]+(hour|day|year|month|century|decade)\\b`, (m) => ({ k: 'dur', n: 0.5, unit: parseUnit(m[1]) })),
  rule('duration-bare', `\\b(years|decades|months|weeks|days|hours|minutes|centuries)\\b`, (m, text) =>
    /\b(?:for|over|in|within)\s+$/i.test(before(text, m, 8)) ? { k: 'dur', n: 'X', unit: parseUnit(m[1]) } : null),
  rule('clock', `\\b(\\d{1,2}|${UNITS_1_9}|ten|eleven|twelve)(?:[:.](\\d{2})(?::\\d{2})?)?\\s*(a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b)(?:\\s+(?:[ECMP][SD]T|GMT|UTC|BST|CES?T|local\\s+time)\\b)?`, (m) => {
    let h = /^\d/.test(m[1]) ? +m[1] : (parseCount(m[1]) as number);
    if (!/^\d/.test(m[1]) && m[2]) return null;
    const mi = m[2] ? +m[2] : undefined;
    if (h < 1 || h > 12 || (mi !== undefined && mi > 59)) return null;
    const pm = /^p/i.test(m[3]);
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return { k: 'clock', h, mi };
  }),
  rule('clock-24', `\\b([01]?\\d|2[0-3])([:.])([0-5]\\d)(?![.,]?\\d)(?:\\s+(?:hours|hrs|GMT|UTC|local\\s+time|[ECMP][SD]T)\\b)?`, (m, text) => {
    // A bare 14:30 needs a clock-ish preposition or zone; 14.30 (British usage) needs "at".
    const prep = m[2] === '.' ? /\bat\s+$/i : /\b(?:at|around|about|by|until|from|after|before|since|to)\s+$/i;
    if (!prep.test(before(text, m)) && !/\s/.test(m[0])) return null;
    if (m[2] === '.' && /^\s*(?:%|percent|per\s+cent|points?|[a-z]*illion|euros?|dollars?|pounds?)\b/i.test(after(text, m))) return null;
    return { k: 'clock', h: +m[1], mi: +m[3] };
  }),
  rule('clock-word', `\\b(?:12\\s+)?(noon|midday|midnight)\\b|\\b(${UNITS_1_9}|ten|eleven|twelve|\\d{1,2})\\s+o['’]clock\\b`, (m) => {
    if (m[1]) return { k: 'clock', h: lc(m[1]) === 'midnight' ? 0 : 12, mi: 0 };
    const h = parseCount(m[2]);
    return typeof h === 'number' && h <= 12 ? { k: 'clock', h } : null;
  }),
  rule('ref', `\\b(${alternation(Object.keys(LEX.refs))})\\b`, (m, text) => {
    const k = lc(m[1]);
    if (k === 'now' && /^(?:\s*(?:that|on)\b|-)/i.test(after(text, m))) return null; // "now that", "now-defunct"
    if (k === 'the present' && /^\s+[a-z]/.test(after(text, m)) && !/^\s+(?:and|or|in|of|is|was)\b/.test(after(text, m))) return null; // "the present crisis"
    if (k === 'the past' && /^\s+(?:\w+\s+)?(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|day|decade)/i.test(after(text, m))) return null;
    return { k: 'ref', v: LEX.refs[k] };
  }),
  rule('set-every', `\\b(?:every|each)\\s+(?:(other)\\s+)?(?:(${NUM})\\s+)?(${WD_FULL}|${UNIT.slice(1, -1)}|morning|evening|night|afternoon|spring|summer|autumn|fall|winter)\\b`, (m) => {
    const w = lc(m[3]);
    if (LEX.seasons[w]) return { k: 'set', v: `XXXX-${LEX.seasons[w]}`, unit: 'season' };
    if (LEX.weekdays[w]) return { k: 'set', v: `XXXX-WXX-${LEX.weekdays[w]}`, unit: 'day' };
    if (LEX.partsOfDay[w]) return { k: 'set', v: `XXXX-XX-XXT${LEX.partsOfDay[w]}`, unit: 'part-of-day' };
    const unit = parseUnit(w);
    const n = m[1] ? 2 : m[2] ? parseCount(m[2]) : 1;
    return { k: 'set', v: n === 'X' ? `P${unit === 'hour' ? 'T' : ''}X${unit[0].toUpperCase()}` : durationValue(n, unit), unit };
  }),
  rule('set-weekdays', `\\b(${WD_FULL})s(?:\\s+${POD}s?)?\\b|\\b(${WD_FULL})\\s+${POD}s\\b`, (m) => {
    const wd = weekday(m[1] ?? m[3]);
    const pod = m[2] ?? m[4];
    return { k: 'set', v: `XXXX-WXX-${wd}${pod ? `T${LEX.partsOfDay[lc(pod)]}` : ''}`, unit: pod ? 'part-of-day' : 'day' };
  }),
  rule('set-adverb', `\\b(${alternation(Object.keys(LEX.setAdverbs))}|everyday)\\b`, (m, text) => {
    // "Breitbart News Daily": a capitalised adverb after a word is part of a name.
    if (/^[A-Z]/.test(m[1]) && /\w[\s]+$/.test(before(text, m, 3))) return null;
    return { k: 'set', v: LEX.setAdverbs[lc(m[1])] ?? 'P1D', unit: 'day' };
  }),
  // "twice a month", "six days a week": a frequency per period is a SET over the period (TIMEX3 freq aside).
  rule('set-freq', `\\b(?:once|twice|(?:${NUM})\\s+(?:times|days|nights|hours|weeks|months))\\s+(?:a|an|per|every)\\s+(day|week|month|year|hour)\\b`, (m) => {
    const unit = parseUnit(m[1]);
    return { k: 'set', v: durationValue(1, unit), unit };
  }),
];

const MONTH_NEED = new RegExp(`\\b(?:${alternation(MONTH_KEYS)})`, 'i');
const WD_NEED = /\b(?:mon|tue|wed|thu|fri|sat|sun)/i;
const UNIT_NEED = /(?:sec|min|hour|hr|h\b|day|night|week|wk|month|quarter|year|yr|decade|centur|millenn)/i;
const NEEDS: Record<string, RegExp> = {
  'date-mdy': MONTH_NEED, 'date-dmy': MONTH_NEED, 'month-year': MONTH_NEED, month: MONTH_NEED,
  'weekday-dom': WD_NEED, 'nth-weekday': WD_NEED, 'weekday-of-week': WD_NEED, weekday: WD_NEED,
  // Holidays are capitalised except these four (see the rule).
  holiday: /Christmas|Easter|Day\b|Eve\b|Halloween|Thanksgiving|Friday|Xmas|Fourth|Birthday|christmas|easter|thanksgiving|halloween/,
  'from-day': /\b(?:today|tomorrow|yesterday|now)\b/i,
  ago: /\b(?:ago|earlier|later|before|after|from\s+now|hence|previously|prior)\b/i,
  'set-freq': /\b(?:once|twice|times|(?:a|an|per|every)\s+(?:day|week|month|year|hour))\b/i, 'set-every': /\b(?:every|each)\b/i, season: /\b(?:spring|summer|autumn|fall|winter)\b/i,
  duration: UNIT_NEED, 'the-past-n': UNIT_NEED, 'duration-half': /\bhalf\b/i, 'duration-whole': /\b(?:all|full|whole|entire)[\s-](?:day|night|week|month|year)/i, 'duration-bare': UNIT_NEED,
  'clock-word': /noon|midday|midnight|o['’]clock/i, 'clock-past': /\b(?:half|quarter|minutes|mins?|past)\b/i, 'clock-daypart': /\bin\s+the\s+(?:morning|afternoon|evening|night)\b/i,
  'decade-word': /ties\b/i, century: /century/i, quarter: /quarter/i, half: /\bhalf\b/i,
  'day-word': /\b(?:today|yesterday|tomorrow|tonight|night|this)\b/i, 'rel-unit': /\b(?:last|this|next|past|coming|current|previous)\b/i,
  'rel-within': /\b(?:earlier|later)\b/i, 'that-unit': /\bthat\s+(?:day|night|morning|afternoon|evening|week|month|year)/i, 'part-of': /\sof\s/i, 'the-unit-weekend': /weekend/i, 'the-daypart': /\b(?:the|early|late|by|until|till|before|after|since)\s+(?:morning|afternoon|evening)\b/i,
  following: /\bthe\s+(?:following|next|previous|preceding|same|prior)\b/i, 'day-before-after': /\b(?:before|after)\b/i,
  'the-dom': /\bthe\s+[\w-]+(?:st|nd|rd|th)\b/i,
  clock: /\d|\b(?:[ap]\.m|am\b|pm\b)/i,
  'date-mixed': /[A-Za-z][-/.]\s?\d|\d[-/][A-Za-z]/, 'month-mixed': /[A-Za-z]\s?[-/]\s?\d{4}/, 'dom-relmonth': /\bmonth\b/i,
};
for (const r of RULES) {
  if (NEEDS[r.name]) r.need = NEEDS[r.name];
  else if (/\\d/.test(r.re.source.slice(0, 40)) && !/NUM|half|quarter/.test(r.name)) r.need = /\d/;
}

/** Trigger words: a text region without any of these cannot hold a time expression (the cheap pre-filter). */
export const TRIGGER = new RegExp(
  `\\d|\\b(?:${alternation([...MONTH_KEYS, ...Object.keys(LEX.weekdays).filter((k) => k.endsWith('day')), 'today', 'yesterday', 'tomorrow', 'tonight', 'night', 'week', 'weekend', 'month', 'year', 'decade', 'centur', 'quarter', 'hour', 'minute', 'second', 'spring', 'summer', 'autumn', 'fall', 'winter', 'noon', 'midnight', 'midday', 'morning', 'evening', 'afternoon', 'daily', 'weekly', 'monthly', 'annually', 'yearly', 'hourly', 'nightly', 'quarterly', 'now', 'currently', 'recently', 'lately', 'past', 'future', 'present', 'moment', 'nowadays', ...Object.keys(LEX.setAdverbs), ...LEX.holidays.flatMap((h) => h.names), 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties', 'day', 'days', 'years', 'months', 'weeks', 'every', 'each', 'everyday', 'q1', 'q2', 'q3', 'q4'])})|\\b(?:mins?|hrs?|[ap]\\.m\\.?|pm)\\b`,
  'i',
);
