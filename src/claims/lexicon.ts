import measureData from './data/measures.json' with { type: 'json' };
import nounData from './data/nouns.json' with { type: 'json' };
import modalityData from './data/modality.json' with { type: 'json' };
import { phraseRegex } from '../profile/lexicons.js';

/** A measure class: what a figure counts happening (killed, deployed...), and its family. */
export interface MeasureClass {
  measure: string;
  family: string;
  words: string[];
}

function check(cond: unknown, what: string): void {
  if (!cond) throw new Error(`claims data: ${what}`);
}

check(typeof measureData.source === 'string' && typeof nounData.source === 'string' && typeof modalityData.source === 'string', 'every data file needs a "source"');
check(measureData.measures.every((m) => m.measure && m.family && m.words.length), 'measures need measure, family and words');

/** Measure classes in priority order (multi-word classes such as "killed or wounded" first). */
export const MEASURES: MeasureClass[] = measureData.measures;

const measureByWord = new Map<string, MeasureClass>();
for (const m of MEASURES) for (const w of m.words) if (!measureByWord.has(w)) measureByWord.set(w, m);

/** One regex over every trigger word of every measure, longest first. */
export const MEASURE_RE = phraseRegex([...measureByWord.keys()]);

/** The measure class a matched trigger word belongs to. */
export function measureOf(word: string): MeasureClass | undefined {
  return measureByWord.get(word.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'"));
}

const nounClass = new Map<string, string>();
for (const c of nounData.classes) for (const n of c.nouns) nounClass.set(n, c.class);
// A kind of person is its own class, named by its singular ("firefighters" -> "firefighter").
for (const n of nounData.roles.nouns) nounClass.set(n, n.replace(/(?:ies)$/, 'y').replace(/(?<=[^s])s$/, '').replace(/^children$/, 'child').replace(/^crew members$/, 'crew member'));

/** The class of a counted head noun (`soldiers` -> `military`), or undefined. */
export function classOfNoun(head: string): string | undefined {
  return nounClass.get(head.toLowerCase());
}

/** Modality and phase cue regexes. */
export const CUES = {
  possible: phraseRegex(modalityData.possible),
  probable: phraseRegex(modalityData.probable),
  reported: phraseRegex(modalityData.reported),
  future: phraseRegex(modalityData.future),
  negation: phraseRegex(modalityData.negation),
  phaseInitial: phraseRegex(modalityData.phaseInitial),
  phaseTotal: phraseRegex(modalityData.phaseTotal),
  phaseProjected: phraseRegex(modalityData.phaseProjected),
  partOf: phraseRegex(modalityData.partOf),
};

/** All matches of a cue regex in a string, as lower-case words. */
export function cuesIn(re: RegExp, s: string): string[] {
  re.lastIndex = 0;
  return [...s.matchAll(re)].map((m) => m[0].toLowerCase());
}
