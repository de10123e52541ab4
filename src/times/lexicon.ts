import lexiconJson from './data/lexicon.json' with { type: 'json' };
import holidaysJson from './data/holidays.json' with { type: 'json' };
import speechJson from './data/speech-verbs.json' with { type: 'json' };

/** A holiday: a fixed month/day, the nth weekday of a month (nth -1 = last), or an Easter offset. */
export interface Holiday {
  names: string[];
  month?: number;
  day?: number;
  weekday?: number;
  nth?: number;
  offset?: number;
  easter?: number;
}

/** The validated word lists the times stage reads. */
export interface TimesLexicon {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  pointMods: Record<string, string>;
  approxMods: Record<string, string>;
  refs: Record<string, string>;
  setAdverbs: Record<string, string>;
  holidays: Holiday[];
  speechWords: string[];
}

const MODS = new Set(['START', 'MID', 'END', 'APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_MORE', 'EQUAL_OR_LESS', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER']);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`times lexicon: ${what}`);
}

function numberMap(m: Record<string, unknown>, name: string, lo: number, hi: number): Record<string, number> {
  for (const [k, v] of Object.entries(m)) check(typeof v === 'number' && v >= lo && v <= hi && k === k.toLowerCase(), `${name}.${k} must be a number in [${lo}, ${hi}] keyed in lower case`);
  return m as Record<string, number>;
}

function stringMap(m: Record<string, unknown>, name: string, valid?: (v: string) => boolean): Record<string, string> {
  for (const [k, v] of Object.entries(m)) check(typeof v === 'string' && (!valid || valid(v)) && k === k.toLowerCase(), `${name}.${k} has a bad value ${String(v)}`);
  return m as Record<string, string>;
}

/** Loads and validates the data files once, so a broken list fails at startup and names itself. */
function load(): TimesLexicon {
  const l = lexiconJson as Record<string, unknown>;
  check(typeof l.source === 'string' && typeof holidaysJson.source === 'string' && typeof speechJson.source === 'string', 'every data file needs a "source"');
  const holidays = holidaysJson.holidays as Holiday[];
  for (const h of holidays) {
    check(Array.isArray(h.names) && h.names.length > 0, 'holiday without names');
    check((h.month !== undefined && (h.day !== undefined || h.weekday !== undefined)) || h.easter !== undefined, `holiday ${h.names[0]} needs month+day, month+weekday+nth, or easter`);
  }
  const speechWords = speechJson.words;
  check(Array.isArray(speechWords) && speechWords.every((w) => typeof w === 'string'), 'speech-verbs.words must be strings');
  return {
    months: numberMap(l.months as Record<string, unknown>, 'months', 1, 12),
    weekdays: numberMap(l.weekdays as Record<string, unknown>, 'weekdays', 1, 7),
    seasons: stringMap(l.seasons as Record<string, unknown>, 'seasons', (v) => /^(SP|SU|FA|WI)$/.test(v)),
    partsOfDay: stringMap(l.partsOfDay as Record<string, unknown>, 'partsOfDay', (v) => /^(MO|AF|EV|NI|DT)$/.test(v)),
    numbers: numberMap(l.numbers as Record<string, unknown>, 'numbers', 1, 1000),
    vagueNumbers: l.vagueNumbers as string[],
    ordinals: numberMap(l.ordinals as Record<string, unknown>, 'ordinals', 1, 31),
    units: stringMap(l.units as Record<string, unknown>, 'units', (v) => /^(S|M|H|D|W|WE|Q|Y|DE|CE|ML)$/.test(v)),
    pointMods: stringMap(l.pointMods as Record<string, unknown>, 'pointMods', (v) => MODS.has(v)),
    approxMods: stringMap(l.approxMods as Record<string, unknown>, 'approxMods', (v) => MODS.has(v)),
    refs: stringMap(l.refs as Record<string, unknown>, 'refs', (v) => /^(PRESENT|PAST|FUTURE)_REF$/.test(v)),
    setAdverbs: stringMap(l.setAdverbs as Record<string, unknown>, 'setAdverbs', (v) => /^PT?\d+[A-Z]$/.test(v)),
    holidays,
    speechWords,
  };
}

/** The word lists, validated at module load. */
export const LEX: TimesLexicon = load();

/** A regex alternation of the given phrases, longest first, spaces matching any whitespace. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "['’]" : `\\${c}`)).replace(/ /g, '\\s+'))
    .join('|');
}
