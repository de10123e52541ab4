import { LEX, alternation } from './lexicon.js';
import { finerOrEqual, parseAnchor, resolve, ymd, type Expr, type Granularity, type ResolveContext } from './normalize.js';
import { RULES, TRIGGER } from './parse.js';
import { assignRoles, type Role } from './roles.js';

/** One time expression found in a text, with its TIMEX3 reading. */
export interface TimeSpan {
  id: string;
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  granularity: Granularity;
  mod?: string;
  /** True when the value was computed from the publication date or from an earlier date in the text. */
  anchored: boolean;
  role: Role;
  /** Id of the earlier time this one was resolved against ("the following day"). */
  relativeTo?: string;
}

/** What `findTimes` returns: the spans, and how many expressions were dropped for want of an anchor. */
export interface FindResult {
  times: TimeSpan[];
  unanchored: number;
}

interface Candidate {
  start: number;
  end: number;
  rule: number;
  expr: Expr;
}

const POINT_MOD = new RegExp(`(?:\\b(?:the\\s+)?(early|late|mid)[\\s-]+|\\b(?:the\\s+)?(?:very\\s+)?(beginning|start|end|middle|close|dawn)\\s+of\\s+)$`, 'i');
const POD_OF = /\bthe\s+(morning|afternoon|evening|night)\s+of\s+$/i;
const APPROX_MOD = new RegExp(`\\b(${alternation(Object.keys(LEX.approxMods))})\\s+$`, 'i');
const DATE_APPROX = new Set(['about', 'around', 'approximately', 'roughly', 'circa']);
const FUTURE_CUE_SRC = /\b(?:will|won['’]t|shall|going\s+to|plan(?:s|ned)?\s+to|planning\s+to|scheduled|(?:set|slated|due)\s+for|(?:is|are|was|were)\s+set\s+to|due\s+to|expect(?:s|ed)?|intends?\s+to|upcoming)\b|['’]ll\b/i;
const FUTURE_CUE = new RegExp(FUTURE_CUE_SRC.source, 'gi');
const PRESENT_CUE = /\b(?:is|are|remains|runs|continues|stays|lasts|opens|closes|ends|starts|begins|takes\s+effect)\b/gi;
const PAST_CUE = /\b(?:was|were|had|did|ago|said|told|met|went|came|began|took|left|made|gave|held|won|lost|saw|fell|rose|spoke|wrote|got|kept|found|sent|led|fled|struck|broke|became|brought|thought|knew|ran|sat|stood|paid|spent|built|chose|drew|grew|hid|shot|sold|spent|stole|swore|threw|wore|\w{3,}ed)\b/gi;

/** Position of the last match of a global regex in `s`, or -1. */
function lastMatch(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let at = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) at = m.index;
  return at;
}
const DATE_KINDS = new Set(['date', 'month', 'weekday', 'day', 'rel', 'year', 'decade', 'century', 'quarter', 'half', 'season', 'holiday']);

/** Sentence-ish regions when no sentence layer is given: lines, split after sentence-final punctuation. */
export function roughSentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const line = m[0];
    let s = 0;
    const cut = /[.!?]["”’)]*\s+(?=["“‘(]?[A-Z])/g;
    let c: RegExpExecArray | null;
    while ((c = cut.exec(line))) {
      const e = c.index + c[0].trimEnd().length;
      if (/(?:\b[A-Z][a-z]{0,3}|(?:^|\s)[^\s.]+\.[^\s]+|\b[A-Za-z])\.$/.test(line.slice(s, e))) continue; // Oct. / Mr. / U.S. / p.m.
      out.push({ start: m.index + s, end: m.index + e });
      s = c.index + c[0].length;
    }
    out.push({ start: m.index + s, end: m.index + line.length });
  }
  return out;
}

/** All rule matches in one region, longest first, then non-overlapping. */
function candidates(region: string, offset: number): Candidate[] {
  const all: Candidate[] = [];
  // Several rules share one pre-test (months, weekdays, units, a digit): run each once per region.
  const needs = new Map<RegExp, boolean>();
  RULES.forEach((rule, ri) => {
    if (rule.need) {
      let ok = needs.get(rule.need);
      if (ok === undefined) needs.set(rule.need, (ok = rule.need.test(region)));
      if (!ok) return;
    }
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(region))) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const expr = rule.read(m, region);
      if (expr) all.push({ start: offset + m.index, end: offset + m.index + m[0].length, rule: ri, expr });
    }
  });
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  // Greedy by priority over an occupancy map: linear in the matched length, even for pathological lines.
  const used = new Uint8Array(region.length);
  const taken: Candidate[] = [];
  for (const c of all) {
    const a = c.start - offset;
    const b = c.end - offset;
    if (used.subarray(a, b).includes(1)) continue;
    used.fill(1, a, b);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const NARRATIVE_GRAN = new Set<Granularity>(['day', 'month', 'quarter', 'half', 'season', 'part-of-day', 'hour', 'minute']);
const isDay = (e: Expr): boolean => e.k === 'date' || e.k === 'weekday' || e.k === 'day' || e.k === 'holiday' || e.k === 'dom';
const YEARLESS = new Set(['date', 'month', 'season', 'holiday', 'quarter', 'half']);

/** A clock time on a day with a part of day: "7 tonight" is 19:00. */
function onDay(clock: Expr & { k: 'clock' }, day: Expr): Expr {
  // Evening and afternoon hours are p.m.; at night only 6-11 are (1 a.m. tonight is early morning).
  return { ...clock, h: podHour(clock.h, day.pod), on: { ...day, pod: undefined } };
}

/** Joins a year-less date with the year that follows or precedes it ("June last year", "2016 June"). */
function mergeYear(text: string, cs: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cs) {
    const prev = out[out.length - 1];
    if (prev) {
      const gap = text.slice(prev.end, c.start);
      const yearOf = (e: Expr): { y?: number; yrel?: number } | undefined =>
        e.k === 'year' && !e.mod ? (e.rel === undefined ? { y: e.y } : { yrel: e.rel }) : e.k === 'rel' && e.unit === 'year' && e.from === 'anchor' && !e.mod ? { yrel: e.offset } : undefined;
      const free = (e: Expr): boolean => YEARLESS.has(e.k) && (e as { y?: number }).y === undefined && (e as { yrel?: number }).yrel === undefined && !('rel' in e && e.rel !== undefined);
      const y = yearOf(c.expr);
      if (y && free(prev.expr) && /^(?:\s*,\s*|\s+(?:of\s+)?)$/.test(gap)) {
        out[out.length - 1] = { ...prev, end: c.end, expr: { ...prev.expr, ...y } as Expr };
        continue;
      }
      const py = yearOf(prev.expr);
      if (py?.y !== undefined && free(c.expr) && (c.expr.k === 'month' || c.expr.k === 'quarter' || c.expr.k === 'half') && /^\s*,?\s*$/.test(gap)) {
        out[out.length - 1] = { ...c, start: prev.start, expr: { ...c.expr, ...py } as Expr };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** An hour on a part of the day: 7 in the evening is 19:00; at night only 6-11 are p.m. */
function podHour(h: number, pod: string | undefined): number {
  return (pod === 'EV' || pod === 'AF' || (pod === 'NI' && h >= 6)) && h < 12 && h >= 1 ? h + 12 : h;
}

/** The SET a recurring day or part of day becomes with a clock time: "each Monday at 4pm" is XXXX-WXX-1T16:00. */
function setAt(set: Expr & { k: 'set' }, clock: Expr & { k: 'clock' }): Expr | undefined {
  const m = /^(XXXX-WXX-\d|XXXX-XX-XX|P1D)(?:T(MO|AF|EV|NI))?$/.exec(set.v);
  if (!m) return undefined;
  const h = podHour(clock.h, m[2]);
  const base = m[1] === 'P1D' ? 'XXXX-XX-XX' : m[1];
  return { k: 'set', v: `${base}T${String(h).padStart(2, '0')}:${String(clock.mi ?? 0).padStart(2, '0')}`, unit: clock.mi ? 'minute' : 'hour' };
}

const HOUR_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const BARE_HOUR = /^,?\s+(?:at|around|about)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::([0-5]\d))?\b(?![:.,]?\d|\s*(?:%|percent|[ap]\.?m\b|[a-z]+s\b|of\b|people|men|women))/i;

/**
 * A bare hour after a day with its part of day ("tomorrow morning at 7", "every night at 9"): the part
 * of day fixes a.m./p.m., so the hour is a clock time and joins the day into one TIME (or SET).
 */
function podClock(text: string, cs: Candidate[], ceil: number): Candidate[] {
  return cs.map((c, i) => {
    const pod = c.expr.pod ?? (c.expr.k === 'set' ? /T(MO|AF|EV|NI)$/.exec(c.expr.v)?.[1] : undefined);
    if (!pod || !(isDay(c.expr) || c.expr.k === 'set' || c.expr.k === 'rel')) return c;
    const m = BARE_HOUR.exec(text.slice(c.end, Math.min(ceil, c.end + 24)));
    if (!m) return c;
    const end = c.end + m[0].length;
    if (i + 1 < cs.length && cs[i + 1].start < end) return c;
    const h0 = /^\d/.test(m[1]) ? +m[1] : HOUR_WORDS[m[1].toLowerCase()];
    if (h0 < 1 || h0 > 12) return c;
    const clock = { k: 'clock' as const, h: h0, mi: m[2] ? +m[2] : undefined };
    if (c.expr.k === 'set') {
      const v = setAt(c.expr, clock);
      return v ? { ...c, end, expr: v } : c;
    }
    return { ...c, end, expr: onDay(clock, c.expr) };
  });
}

/** Joins a clock time with the day it sits on ("Tuesday at 3 p.m.", "3 p.m. Tuesday") into one TIME. */
function mergeClock(text: string, cs: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cs) {
    const prev = out[out.length - 1];
    // A clock time on a recurring day is one SET ("each Monday at 4pm", "3pm every day").
    if (prev && c.expr.k === 'clock' && !c.expr.on && prev.expr.k === 'set' && /^,?\s+(?:at\s+)?$/i.test(text.slice(prev.end, c.start))) {
      const v = setAt(prev.expr, c.expr);
      if (v) {
        out[out.length - 1] = { start: prev.start, end: c.end, rule: prev.rule, expr: v };
        continue;
      }
    }
    if (prev && prev.expr.k === 'clock' && !prev.expr.on && c.expr.k === 'set' && /^,?\s+(?:on\s+)?$/i.test(text.slice(prev.end, c.start))) {
      const v = setAt(c.expr, prev.expr);
      if (v) {
        out[out.length - 1] = { start: prev.start, end: c.end, rule: c.rule, expr: v };
        continue;
      }
    }
    if (prev && c.expr.k === 'clock' && !c.expr.on && isDay(prev.expr) && /^,?\s+(?:(?:at|around|about|by)\s+)?$/i.test(text.slice(prev.end, c.start))) {
      out[out.length - 1] = { start: prev.start, end: c.end, rule: c.rule, expr: onDay(c.expr, prev.expr) };
      continue;
    }
    if (prev && prev.expr.k === 'clock' && !prev.expr.on && isDay(c.expr) && /^,?\s+(?:on\s+)?$/.test(text.slice(prev.end, c.start))) {
      out[out.length - 1] = { start: prev.start, end: c.end, rule: prev.rule, expr: onDay(prev.expr, c.expr) };
      continue;
    }
    out.push(c);
  }
  return out;
}

const RANGE_LEFT = /\b(\d{1,2})(?:st|nd|rd|th)?(?::(\d{2}))?\s*(?:-|–|to|until|till|til|through|and)\s*$/i;
const RANGE_JOIN = /^\s*(?:-|–|to|until|till|til|through|and)\s*$/i;
const MERIDIEM = /[ap]\.?\s?m\b|morning|afternoon|evening|night|noon|midday/i;

/**
 * Two clock times joined as a range where only one says a.m. or p.m. ("1:30 pm to 3:30", "from 1:30 to
 * 3pm"): the other takes the same half of the day when that keeps the range in order.
 */
function alignClockRange(text: string, cs: Candidate[]): Candidate[] {
  for (let i = 0; i + 1 < cs.length; i++) {
    const a = cs[i];
    const b = cs[i + 1];
    if (a.expr.k !== 'clock' || b.expr.k !== 'clock' || a.expr.on || b.expr.on || !RANGE_JOIN.test(text.slice(a.end, b.start))) continue;
    const am = MERIDIEM.test(text.slice(a.start, a.end));
    const bm = MERIDIEM.test(text.slice(b.start, b.end));
    if (am && !bm && b.expr.h < 12 && a.expr.h >= 12 && b.expr.h + 12 > a.expr.h) cs[i + 1] = { ...b, expr: { ...b.expr, h: b.expr.h + 12 } };
    if (!am && bm && a.expr.h < 12 && b.expr.h >= 12 && a.expr.h + 12 <= b.expr.h) cs[i] = { ...a, expr: { ...a.expr, h: a.expr.h + 12 } };
  }
  return cs;
}
const CLOCK_RIGHT = /^\s*(?:-|–|to|until|till|til|through)\s*(\d{1,2})(?::(\d{2}))?\b(?![:.]?\d|\s*(?:%|percent|[ap]\.?m\b|o['’]clock)|\s+(?!(?:on|in|at|and|or|the|local|when|before|after|with|for|as|but)\b)[a-z])/;
const RANGE_RIGHT = /^\s*(?:-|–|to|until|till|through)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]?\d|\s*(?:%|percent|[ap]\.?m\b|[a-z]+s\b))/i;

/**
 * The bare first (or second) end of a range takes its month or its a.m./p.m. from the other end:
 * "4 to 22 January" gives January 4; "November 19-20" gives November 20; "5 to 6 p.m." gives 17:00.
 * TimeML marks the two ends as two TIMEX3s.
 */
function rangeEnds(text: string, cs: Candidate[], floor: number, ceil: number): Candidate[] {
  const add: Candidate[] = [];
  const used = new Uint8Array(ceil - floor);
  for (const c of cs) used.fill(1, c.start - floor, c.end - floor);
  const free = (a: number, b: number): boolean => a >= floor && b <= ceil && !used.subarray(a - floor, b - floor).includes(1);
  const take = (c: Candidate): void => {
    used.fill(1, c.start - floor, c.end - floor);
    add.push(c);
  };
  for (const c of cs) {
    const e = c.expr;
    const left = RANGE_LEFT.exec(text.slice(Math.max(floor, c.start - 20), c.start));
    if (left) {
      const start = c.start - left[0].length + left[0].indexOf(left[1]);
      const end = start + left[0].trimEnd().replace(/\s*(?:-|–|to|until|till|til|through|and)$/i, '').length - left[0].indexOf(left[1]);
      const n = +left[1];
      if (free(start, end) && e.k === 'date' && !left[2] && n >= 1 && n <= 31 && n < e.d) take({ start, end, rule: c.rule, expr: { ...e, d: n } });
      else if (free(start, end) && e.k === 'clock' && n <= 12) {
        let h = n === 12 ? 0 : n;
        if (e.h >= 12 && h + 12 <= e.h) h += 12;
        take({ start, end, rule: c.rule, expr: { ...e, h, mi: left[2] ? +left[2] : undefined } });
      }
    }
    // "from 1:30 p.m. to 4", "11 pm to 3": the bare second hour follows the first on the clock.
    if (e.k === 'clock' && !e.on) {
      const right = CLOCK_RIGHT.exec(text.slice(c.end, Math.min(ceil, c.end + 16)));
      if (right && /(?:[ap]\.?m\.?|:\d{2})\s*$/i.test(text.slice(c.start, c.end))) {
        const start = c.end + right[0].length - right[1].length - (right[2] ? right[2].length + 1 : 0);
        const end = c.end + right[0].length;
        let h = +right[1] % 12;
        if (e.h >= 12 ? h + 12 > e.h : h <= e.h) h += 12;
        if (free(start, end) && +right[1] >= 1 && +right[1] <= 12) take({ start, end, rule: c.rule, expr: { k: 'clock', h: h % 24, mi: right[2] ? +right[2] : undefined } });
      }
    }
    if (e.k === 'date') {
      const right = RANGE_RIGHT.exec(text.slice(c.end, Math.min(ceil, c.end + 20)));
      if (right) {
        const start = c.end + right[0].indexOf(right[1], right[0].search(/\d/));
        const end = c.end + right[0].length;
        const n = +right[1];
        if (free(start, end) && n > e.d && n <= 31) take({ start, end, rule: c.rule, expr: { ...e, d: n } });
      }
    }
  }
  return add.length ? [...cs, ...add].sort((a, b) => a.start - b.start) : cs;
}

/** Widens a candidate over a modifier just before it ("late October", "almost three years"). */
function widen(text: string, c: Candidate, floor: number): Candidate {
  const before = text.slice(Math.max(floor, c.start - 40), c.start);
  if (c.expr.mod) return c;
  // "the night of October 7": the part of day sits on the date that follows it.
  const pod = POD_OF.exec(before);
  if (pod && isDay(c.expr) && !c.expr.pod) return { ...c, start: c.start - pod[0].length, expr: { ...c.expr, pod: LEX.partsOfDay[pod[1].toLowerCase()] } };
  // "early in the morning", "later in the afternoon": the modifier belongs to the part of day.
  const inPod = c.expr.pod && c.expr.k === 'rel' ? /\b(early|late|later)\s+in\s+$/i.exec(before) : null;
  // "later this afternoon", "earlier today": the relative adverb is part of the expression (as in "earlier this week").
  const laterThis = !inPod && c.expr.k === 'day' && c.expr.offset === 0 ? /\b(?:earlier|later)\s+$/i.exec(before) : null;
  if (laterThis) return { ...c, start: c.start - laterThis[0].length };
  if (inPod) return { ...c, start: c.start - inPod[0].length, expr: { ...c.expr, mod: /^early/i.test(inPod[1]) ? 'START' : 'END' } };
  if (DATE_KINDS.has(c.expr.k)) {
    const p = POINT_MOD.exec(before);
    if (p) {
      const key = (p[1] ?? p[2]).toLowerCase();
      const mod = LEX.pointMods[key] ?? LEX.pointMods[`${key} of`];
      if (mod) return { ...c, start: c.start - p[0].length, expr: { ...c.expr, mod } };
    }
  }
  // "the 12 months to June": TIMEX3 extents keep the determiner of a counted span of time.
  if (c.expr.k === 'dur' && /\bthe\s+$/i.test(before) && /s$/i.test(text.slice(c.start, c.end)) && !/^the\b/i.test(text.slice(c.start, c.end))) {
    return { ...c, start: c.start - /the\s+$/i.exec(before)![0].length };
  }
  const a = APPROX_MOD.exec(before);
  if (a) {
    const key = a[1].toLowerCase().replace(/\s+/g, ' ');
    const definite = /^the\b/i.test(text.slice(c.start, c.end));
    // "over ten years" is usually "during"; it means "more than" after for/after/than/of/in/within.
    if (key === 'over' && !/\b(?:for|after|than|of|in|within|just)\s+$/i.test(text.slice(Math.max(floor, c.start - a[0].length - 10), c.start - a[0].length))) return c;
    // "How about Friday?" asks; it does not approximate.
    if (key === 'about' && /\b(?:how|what)\s+$/i.test(text.slice(Math.max(floor, c.start - a[0].length - 6), c.start - a[0].length))) return c;
    // "division about this year's contest": before a deictic date, "about" is a preposition.
    const deictic = /^(?:this|last|next|the|earlier|later|today|yesterday|tomorrow)\b/i.test(text.slice(c.start, c.end));
    if ((c.expr.k === 'dur' && !definite) || (DATE_KINDS.has(c.expr.k) && DATE_APPROX.has(key) && !deictic)) {
      return { ...c, start: c.start - a[0].length, expr: { ...c.expr, mod: LEX.approxMods[key] } };
    }
  }
  return c;
}

function pickRef<T extends { gran: Granularity }>(refs: T[], unit: Granularity): T | undefined {
  for (let i = refs.length - 1; i >= 0; i--) if (finerOrEqual(refs[i].gran, unit)) return refs[i];
  return undefined;
}

/**
 * Finds and normalizes the time expressions of a text against a publication date (`YYYY-MM-DD`).
 * Without an anchor, only values that need none (explicit dates, durations, sets, vague references) are kept.
 */
export function findTimes(text: string, anchorIso?: string, sentences?: Array<{ start: number; end: number }>): FindResult {
  const anchor = parseAnchor(anchorIso);
  const regions = sentences && sentences.length ? sentences : roughSentences(text);
  const times: TimeSpan[] = [];
  let unanchored = 0;
  // Recent dates, newest last: a relative expression is measured from the newest one at least as fine as its unit.
  const refs: Array<{ day: number; gran: Granularity; min?: number; id: string; region: number }> = [];
  // The last explicit date in another year than the publication, and the region it was in.
  let narrative: { day: number; region: number; fullDate: boolean } | undefined;
  const anchorYear = anchor === undefined ? undefined : ymd(anchor).y;
  for (let ri = 0; ri < regions.length; ri++) {
    const r = regions[ri];
    const region = text.slice(r.start, r.end);
    if (!TRIGGER.test(region)) continue;
    const cs = rangeEnds(text, mergeClock(text, alignClockRange(text, podClock(text, mergeYear(text, candidates(region, r.start)), r.end))), r.start, r.end).map((c) => widen(text, c, r.start));
    const found: TimeSpan[] = [];
    let prevEnd = r.start;
    let tense: 'future' | 'past' | undefined;
    for (const c of cs) {
      let ref = c.expr.k === 'rel' && c.expr.from === 'ref' ? pickRef(refs, c.expr.unit) : undefined;
      // A clock time with no day ("at midday") sits on the day the story is telling, if it just named one.
      if (c.expr.k === 'clock' && !c.expr.on) {
        const day = pickRef(refs, 'day');
        ref = day && ri - day.region <= 1 ? { day: day.day, gran: 'day' as Granularity, id: day.id, region: day.region } : undefined;
      }
      const window = text.slice(Math.max(prevEnd, c.start - 120), c.start); // the nearest cue is what counts
      // The cue nearest the expression decides: "said Monday" after a quoted "will" still looks back.
      const f = lastMatch(FUTURE_CUE, window);
      const p = lastMatch(PAST_CUE, window);
      const now = lastMatch(PRESENT_CUE, window);
      // No cue since the last time expression: the sentence's tense so far carries over.
      // ("scheduled" is both a forward cue and an -ed form: the forward reading wins a tie.)
      if (f >= 0 || p >= 0) tense = f >= p ? 'future' : 'past';
      // A present-tense verb nearer still ("opened on Tuesday and runs until June 30") leaves the direction open.
      if (now > f && now > p) tense = undefined;
      // "since January" counts from a time already past, whatever the tense of the clause.
      const since = /\bsince\s+$/i.test(text.slice(Math.max(r.start, c.start - 8), c.start));
      const ctx: ResolveContext = { anchor, ref, future: !since && tense === 'future', past: since || tense === 'past' };
      const yearless = YEARLESS.has(c.expr.k) && (c.expr as { y?: number }).y === undefined && (c.expr as { yrel?: number }).yrel === undefined && (c.expr as { rel?: number }).rel === undefined;
      // Same sentence, or the next one when the story gave a full date (a narrated event, not background like "since June 2014").
      if (yearless && narrative && (ri === narrative.region || (ri - narrative.region === 1 && narrative.fullDate))) ctx.narrative = narrative.day;
      prevEnd = c.end;
      const res = resolve(c.expr, ctx);
      if (!res) {
        unanchored++;
        continue;
      }
      const id = `t${times.length + found.length + 1}`;
      const span: TimeSpan = {
        id,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        type: res.type,
        value: res.value,
        granularity: res.granularity,
        ...(c.expr.mod ? { mod: c.expr.mod } : {}),
        anchored: res.anchored,
        role: 'event',
      };
      if (ref) span.relativeTo = ref.id;
      found.push(span);
      if (res.point && res.type !== 'DURATION') refs.push({ ...res.point, id, region: ri });
      if (res.point && !res.anchored && NARRATIVE_GRAN.has(res.point.gran)) {
        narrative = ymd(res.point.day).y === anchorYear ? undefined : { day: res.point.day, region: ri, fullDate: finerOrEqual(res.point.gran, 'day') };
      }
    }
    if (!found.length) continue;
    const roles = assignRoles(region, found.map((s) => ({ start: s.start - r.start, end: s.end - r.start })));
    found.forEach((s, i) => (s.role = roles[i]));
    times.push(...found);
  }
  return { times, unanchored };
}
