import cuesData from './data/cues.json' with { type: 'json' };
import phrasesData from './data/phrases.json' with { type: 'json' };
import channelsData from './data/channels.json' with { type: 'json' };

/** What a reporting-verb form means: its lemma and how it reports. */
export interface CueVerb {
  lemma: string;
  class: 'speech' | 'belief' | 'weak';
  /** Often a noun (a report, his claims): needs a subject-like word before it. */
  nounlike: boolean;
  /** Takes a listener before its content (told reporters that ...). */
  recipient: boolean;
  /** Particles one of which must follow (point out, point to, talk about). */
  particle?: string[];
  /** Reports only next to a quotation (`she continued`). */
  quoteOnly?: boolean;
  /** Particles taken into the cue when they follow (`called for`, `called on`). */
  optionalParticles?: string[];
  /** Words after which the form is not a cue (`did not respond to` a request). */
  notBefore?: string[];
  /** Reports only with `as` after its object (`sees Smith as a threat`, `portrayed him as weak`). */
  asComplement?: boolean;
  /** Bare and -s forms report only next to `that`, a colon or a quotation (`states that`, not `battleground states`). */
  clauseOnly?: boolean;
}

/** A channel and the phrases or cue lemmas that reveal it. */
export interface ChannelRule {
  channel: string;
  phrases: string[];
  /** The phrases as one whole-word, case-insensitive pattern. */
  pattern: RegExp | null;
  cues: string[];
}

/** A whole-word, case-insensitive pattern matching any of `phrases`. */
export function phrasePattern(phrases: readonly string[]): RegExp | null {
  if (!phrases.length) return null;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** All word lists the attribution finder uses, validated and indexed once. */
export interface Lexicon {
  verbs: Map<string, CueVerb>;
  prepositional: string[][];
  /** First words of the prepositional cues, to skip the phrase test for other words. */
  prepositionalFirst: Set<string>;
  citing: string[][];
  /** Prepositions taken into a verb cue (`said of`), and words after which they are not. */
  particles: Set<string>;
  particlesNotBefore: Set<string>;
  particlesNotAfter: Set<string>;
  adverbs: Set<string>;
  /** `seems`, `appeared`: evidential verbs, and the words after which they report. */
  evidential: Set<string>;
  evidentialNext: Set<string>;
  passiveAux: Set<string>;
  passiveVerbs: Set<string>;
  auxiliaries: Set<string>;
  /** `went on`, `declined`: verbs whose infinitive reporting verb they join (`went on to say`). */
  catenatives: string[][];
  clauseBreaks: Set<string>;
  fillers: Set<string>;
  determiners: Set<string>;
  personPronouns: Set<string>;
  groupPronouns: Set<string>;
  otherPronouns: Set<string>;
  adverbials: Set<string>;
  orgWords: Set<string>;
  recipients: Set<string>;
  documentSources: Set<string>;
  channels: ChannelRule[];
  broadcasters: string[];
}

function fail(file: string, what: string): never {
  throw new Error(`src/attributions/data/${file}: ${what}`);
}

function words(file: string, v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.length)) fail(file, `${what} must be a list of non-empty strings`);
  return (v as string[]).map((x) => x.toLowerCase());
}

/** Regular inflections of a verb lemma: 3rd person, past, -ing. */
export function inflect(lemma: string): string[] {
  const third = /(s|sh|ch|x|z|o)$/.test(lemma) ? lemma + 'es' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ies' : lemma + 's';
  const past = lemma.endsWith('e') ? lemma + 'd' : /[^aeiou]y$/.test(lemma) ? lemma.slice(0, -1) + 'ied' : lemma + 'ed';
  const ing = /[^e]e$/.test(lemma) ? lemma.slice(0, -1) + 'ing' : lemma + 'ing';
  return [third, past, ing];
}

function addVerbs(map: Map<string, CueVerb>, list: unknown, cls: CueVerb['class'] | undefined): void {
  if (!Array.isArray(list)) fail('cues.json', 'verbs must be a list');
  for (const v of list as Array<Record<string, unknown>>) {
    const lemma = v.lemma;
    if (typeof lemma !== 'string' || !/^[a-z]+$/.test(lemma)) fail('cues.json', `bad lemma ${JSON.stringify(lemma)}`);
    const c = (cls ?? v.class) as CueVerb['class'];
    if (!['speech', 'belief', 'weak'].includes(c)) fail('cues.json', `${lemma}: class must be speech, belief or weak`);
    const forms = v.forms === undefined ? inflect(lemma) : words('cues.json', v.forms, `${lemma}.forms`);
    const entry: CueVerb = { lemma, class: c, nounlike: v.nounlike === true, recipient: v.recipient === true };
    if (v.particle !== undefined) entry.particle = typeof v.particle === 'string' ? [v.particle] : words('cues.json', v.particle, `${lemma}.particle`);
    if (v.quoteOnly === true) entry.quoteOnly = true;
    if (v.optionalParticles !== undefined) entry.optionalParticles = words('cues.json', v.optionalParticles, `${lemma}.optionalParticles`);
    if (v.asComplement === true) entry.asComplement = true;
    if (v.clauseOnly === true) entry.clauseOnly = true;
    if (v.notBefore !== undefined) entry.notBefore = words('cues.json', v.notBefore, `${lemma}.notBefore`);
    for (const f of [lemma, ...forms]) if (!map.has(f)) map.set(f, entry);
  }
}

let cached: Lexicon | undefined;

/** The attribution lexicon from src/attributions/data/*.json, checked on first use. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const c = cuesData as Record<string, unknown>;
  const p = phrasesData as unknown as Record<string, Record<string, unknown>>;
  const ch = channelsData as Record<string, unknown>;
  for (const [f, d] of [['cues.json', c], ['phrases.json', p], ['channels.json', ch]] as const) {
    if (typeof (d as Record<string, unknown>).source !== 'string') fail(f, 'needs a "source" string saying where the list comes from');
  }
  const verbs = new Map<string, CueVerb>();
  addVerbs(verbs, c.verbs, undefined);
  addVerbs(verbs, (c.belief as Record<string, unknown>)?.verbs, 'belief');
  const phrases = (key: string, field: string) => words('phrases.json', p[key]?.[field], `${key}.${field}`);
  const rules = ch.channels;
  if (!Array.isArray(rules)) fail('channels.json', 'channels must be a list');
  const channels = (rules as Array<Record<string, unknown>>).map((r) => {
    if (typeof r.channel !== 'string') fail('channels.json', 'each rule needs a channel name');
    const phrases = words('channels.json', r.phrases ?? [], `${r.channel}.phrases`);
    return { channel: r.channel, phrases, pattern: phrasePattern(phrases), cues: (r.cues as string[]) ?? [] };
  });
  const b = ch.broadcasters as Record<string, unknown>;
  cached = {
    verbs,
    prepositional: phrases('prepositional', 'cues').map((x) => x.split(' ')),
    prepositionalFirst: new Set(phrases('prepositional', 'cues').map((x) => x.split(' ')[0])),
    citing: phrases('citing', 'cues').map((x) => x.split(' ')),
    particles: new Set(phrases('particles', 'words')),
    particlesNotBefore: new Set(phrases('particles', 'notBefore')),
    particlesNotAfter: new Set(phrases('particles', 'notAfter')),
    adverbs: new Set(phrases('unattributed', 'adverbs')),
    evidential: new Set(phrases('evidential', 'verbs')),
    evidentialNext: new Set(phrases('evidential', 'next')),
    passiveAux: new Set(phrases('unattributed', 'passiveAux')),
    passiveVerbs: new Set(phrases('unattributed', 'passiveVerbs')),
    auxiliaries: new Set(phrases('auxiliaries', 'words')),
    catenatives: phrases('catenatives', 'words').map((x) => x.split(' ')),
    clauseBreaks: new Set(phrases('clauseBreaks', 'words')),
    fillers: new Set(phrases('leadingFillers', 'words')),
    determiners: new Set(phrases('determiners', 'words')),
    personPronouns: new Set(phrases('pronouns', 'person')),
    groupPronouns: new Set(phrases('pronouns', 'group')),
    otherPronouns: new Set(phrases('pronouns', 'speaker')),
    adverbials: new Set(phrases('adverbials', 'leaders')),
    orgWords: new Set(phrases('orgWords', 'words')),
    recipients: new Set(phrases('recipients', 'words')),
    documentSources: new Set(phrases('documentSources', 'words')),
    channels,
    broadcasters: [...words('channels.json', b?.generic, 'broadcasters.generic'), ...words('channels.json', b?.names, 'broadcasters.names')],
  };
  return cached;
}
