/**
 * Loads and checks the quantities stage's word lists once, at import, and turns them into
 * lookup tables. A malformed list is a startup error naming the file and field.
 */
import numbers from './data/numbers.json' with { type: 'json' };
import hedges from './data/hedges.json' with { type: 'json' };
import vague from './data/vague.json' with { type: 'json' };
import units from './data/units.json' with { type: 'json' };
import context from './data/context.json' with { type: 'json' };
import { TriangulateError } from '../core/errors.js';
import { PhraseTable } from './tokens.js';

/** How a hedge or bound word qualifies a number (see README of the stage in stage.ts). */
export type BoundQualifier = 'approx' | 'nearly' | 'min' | 'higher-than' | 'max' | 'lower-than' | 'exact';

const BOUNDS = new Set<string>(['approx', 'nearly', 'min', 'higher-than', 'max', 'lower-than', 'exact']);

function fail(file: string, what: string): never {
  throw new TriangulateError('E_INTERNAL', `src/quantities/data/${file}.json: ${what}`);
}

function checkSource(file: string, d: { source?: unknown }): void {
  if (typeof d.source !== 'string' || !d.source.trim()) fail(file, 'needs a non-empty "source" string saying where the list comes from');
}

function numberMap(file: string, field: string, o: unknown): Map<string, number> {
  if (!o || typeof o !== 'object') fail(file, `"${field}" must be an object of word -> number`);
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(file, `"${field}.${k}" must be a finite number`);
    m.set(k, v);
  }
  return m;
}

function stringList(file: string, field: string, o: unknown): string[] {
  if (!Array.isArray(o) || o.some((x) => typeof x !== 'string' || !x)) fail(file, `"${field}" must be an array of non-empty strings`);
  return o as string[];
}

function stringMap(file: string, field: string, o: unknown): Array<[string, string]> {
  if (!o || typeof o !== 'object') fail(file, `"${field}" must be an object of phrase -> string`);
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v !== 'string' || !v) fail(file, `"${field}.${k}" must be a non-empty string`);
    out.push([k, v]);
  }
  return out;
}

checkSource('numbers', numbers);
checkSource('hedges', hedges);
checkSource('vague', vague);
checkSource('units', units);
checkSource('context', context);

/** Number words: units 0-19, tens, scales (hundred and up), multipliers (dozen), ordinals, suffixes. */
export const UNITS = numberMap('numbers', 'units', numbers.units);
export const TENS = numberMap('numbers', 'tens', numbers.tens);
export const SCALES = numberMap('numbers', 'scales', numbers.scales);
export const MULTIPLIERS = numberMap('numbers', 'multipliers', numbers.multipliers);
/** Ordinal words by value, singular; plural forms (`fifths`, `quarters`) are added here. */
export const ORDINALS = (() => {
  const m = numberMap('numbers', 'ordinals', numbers.ordinals);
  for (const [k, v] of [...m]) if (!k.endsWith('s') && k !== 'half') m.set(k + 's', v);
  return m;
})();
/** Case-sensitive multiplier suffixes written after digits (`12k`, `$2bn`, `10M`). */
export const SUFFIXES = numberMap('numbers', 'suffixes', numbers.suffixes);
export const SPACED_SUFFIXES = new Set(stringList('numbers', 'spacedSuffixes', numbers.spacedSuffixes));
export const NEGATIVE = new Set(stringList('numbers', 'negative', numbers.negative));
/** Single-character fractions (`½`, `¾`). */
export const VULGAR = numberMap('numbers', 'vulgarFractions', (numbers as { vulgarFractions?: unknown }).vulgarFractions);

interface HedgeEntry {
  phrase: string;
  qualifier: BoundQualifier;
}
function hedgeList(field: 'before' | 'after'): Array<[string, BoundQualifier]> {
  const list = hedges[field] as unknown;
  if (!Array.isArray(list)) fail('hedges', `"${field}" must be an array`);
  return (list as HedgeEntry[]).map((e, i) => {
    if (typeof e?.phrase !== 'string' || !BOUNDS.has(e.qualifier)) {
      fail('hedges', `"${field}[${i}]" needs a phrase and a qualifier among ${[...BOUNDS].join(', ')}`);
    }
    return [e.phrase, e.qualifier];
  });
}
/** Hedges and bounds written before a number (`about`, `at least`, `up to`). */
export const HEDGES_BEFORE = new PhraseTable(hedgeList('before'));
/** Bounds written after a number (`or more`, `or so`, `plus`). */
export const HEDGES_AFTER = new PhraseTable(hedgeList('after'));
/** Every phrase written before a number, with its qualifier (for callers that map spans to other conventions). */
export const BOUND_PHRASES: ReadonlyArray<readonly [string, BoundQualifier]> = hedgeList('before');
export const RANGE_OPENERS = new Set(stringList('hedges', 'rangeOpeners', hedges.rangeOpeners));
export const RANGE_JOINERS = new Set(stringList('hedges', 'rangeJoiners', hedges.rangeJoiners));

/** A vague amount and the interval this project reads it as. */
export interface VagueEntry {
  low: number | null;
  high: number | null;
  needsOf: boolean;
}
const needsOf = new Set(stringList('vague', 'needsOf', vague.needsOf));
/** Vague amounts (`thousands`, `a handful`, `tens of thousands`). */
export const VAGUE = new PhraseTable<VagueEntry>(
  (vague.phrases as Array<{ phrase: string; low: number | null; high: number | null }>).map((e, i) => {
    const okBound = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x));
    if (typeof e.phrase !== 'string' || !okBound(e.low) || !okBound(e.high)) fail('vague', `"phrases[${i}]" needs phrase, low and high (number or null)`);
    return [e.phrase, { low: e.low, high: e.high, needsOf: needsOf.has(e.phrase) }];
  }),
);

/** Currency markers before a number (`$`, `US$`, `€`) and after it (`dollars`, `roubles`). */
export const CURRENCY_BEFORE = new PhraseTable(stringMap('units', 'currencyBefore', units.currencyBefore));
export const CURRENCY_AFTER = new PhraseTable(stringMap('units', 'currencyAfter', units.currencyAfter));
export const PERCENT = new PhraseTable(stringList('units', 'percent', units.percent).map((p): [string, string] => [p, 'percent']));
/** Measures after a number, normalized (`square kilometres` -> `km2`). */
export const MEASURES = new PhraseTable(stringMap('units', 'measures', units.measures));
/** The measure units as written glued to digits (`29km`), by lower-cased suffix. */
export const GLUED_MEASURES = new Map(stringMap('units', 'measures', units.measures).filter(([k]) => !k.includes(' ')));
/** Rate periods after a unit (`a day` -> `day`). */
export const RATES = new PhraseTable(stringMap('units', 'rates', units.rates));
/** Words after `a week` that make it a time (`a week earlier`), not a rate. */
export const NOT_RATE_AFTER = new Set(stringList('units', 'notRateAfter', (units as { notRateAfter?: unknown }).notRateAfter));

/** Calendar, clock and document-numbering cues that make a number something other than a count. */
export const MONTHS = new Set(stringList('context', 'months', context.months));
export const DURATION_UNITS = new Set(stringList('context', 'durationUnits', context.durationUnits));
export const YEAR_CUES = new Set(stringList('context', 'yearCues', context.yearCues));
export const TIME_AFTER = new PhraseTable(stringList('context', 'timeAfter', context.timeAfter).map((p): [string, true] => [p, true]));
export const AGE_AFTER = new PhraseTable(stringList('context', 'ageAfter', context.ageAfter).map((p): [string, true] => [p, true]));
export const AGE_BEFORE = new PhraseTable(stringList('context', 'ageBefore', context.ageBefore).map((p): [string, true] => [p, true]));
export const NUMBERING_BEFORE = new PhraseTable(stringList('context', 'numberingBefore', context.numberingBefore).map((p): [string, true] => [p, true]));
export const ORDINAL_SUFFIXES = new Set(stringList('context', 'ordinalSuffixes', context.ordinalSuffixes));
/** Closed-class words that end the counted noun phrase. */
export const STOP_WORDS = new Set(stringList('context', 'stopWords', context.stopWords));
/** Head nouns of counted phrases that are plural without an -s (`people`, `police`) and casualty words. */
export const COUNTED_HEADS = new Set(stringList('context', 'countedPlurals', context.countedPlurals));
export const OF_PRONOUNS = new Set(stringList('context', 'ofPronouns', context.ofPronouns));
export const OF_DETERMINERS = new Set(stringList('context', 'ofDeterminers', context.ofDeterminers));
/** Participles and adjectives that can stand as the counted phrase (`30 killed or wounded`, `three missing`). */
export const CASUALTY_WORDS = new Set(stringList('context', 'casualtyWords', (context as { casualtyWords?: unknown }).casualtyWords));
/** Words before `from X to Y` that make it a change between two figures rather than a range. */
export const CHANGE_WORDS = new Set(stringList('hedges', 'changeWords', (hedges as { changeWords?: unknown }).changeWords));
/** Words around `one` that make it a pronoun (`no one`, `this one`, `one another`). */
export const ONE_BEFORE = new Set(stringList('context', 'oneBefore', (context as { oneBefore?: unknown }).oneBefore));
export const ONE_AFTER = new PhraseTable(stringList('context', 'oneAfter', (context as { oneAfter?: unknown }).oneAfter).map((p): [string, true] => [p, true]));
/** Words after a bare fraction word (`half of`, `half the`) that make it an amount. */
export const FRACTION_FOLLOWERS = new Set(stringList('context', 'fractionFollowers', (context as { fractionFollowers?: unknown }).fractionFollowers));

/**
 * Where a quantity may be: a digit, or a word that can start or make one. Used to read only the
 * text around such places; built once from the lists above.
 */
export const CANDIDATE: RegExp = (() => {
  const words = new Set<string>(['half', ...UNITS.keys(), ...TENS.keys(), ...SCALES.keys(), ...MULTIPLIERS.keys(), ...ORDINALS.keys(), ...NEGATIVE]);
  for (const e of vague.phrases as Array<{ phrase: string }>) for (const w of e.phrase.split(' ')) if (w !== 'a' && w !== 'of') words.add(w);
  const alt = [...words].filter((w) => /^[a-z]+$/.test(w)).sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`[0-9]+|[${[...VULGAR.keys()].join('')}]|\\b(?:${alt})\\b`, 'gi');
})();
