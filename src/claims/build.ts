import type { Document, Span } from '../core/document.js';
import type { SpanInput } from '../core/stage.js';
import { CUES, MEASURE_RE, classOfNoun, cuesIn, measureOf } from './lexicon.js';
import modalityData from './data/modality.json' with { type: 'json' };
import { LEX } from '../times/lexicon.js';

/** A sub-span reference: where in the clean text, and what it says. */
export interface SubSpan {
  start: number;
  end: number;
  text: string;
}

/** Who a claim is attributed to: the chain from the outlet down to the original speaker. */
export interface SpeakerChain {
  /** Attribution span id, when the claim is attributed. */
  attribution?: string;
  /** The speaker as written ("Ukraine's military intelligence agency"), or null when unattributed. */
  source: SubSpan | null;
  /** Canonical speaker name: the linked entity's name, else the normalised source text. */
  name: string;
  entity?: string;
  channel?: string;
  /** Intermediaries the claim passed through, nearest to the reader first ("the London Telegraph"). */
  via: string[];
  unattributed: boolean;
}

/** The normalized claim record (one per counted figure). */
export interface Claim extends SpanInput {
  quantity: string;
  sentence?: string;
  low: number | null;
  high: number | null;
  value?: number;
  qualifier?: string;
  /** The figure as written ("a significant number", "10-12,000"). */
  stated?: string;
  unit: string;
  subject: { phrase: string; nationality?: string; head?: string; class?: string };
  measure: string;
  family: string;
  place?: { text: string; scope: 'region' | 'country' | 'border' | 'front' | 'place'; start: number; end: number };
  eventTime?: { value: string; text: string; span: string };
  reportTime?: { value: string; text?: string; span?: string; from: 'text' | 'published' };
  speaker: SpeakerChain;
  modality: 'asserted' | 'reported' | 'probable' | 'possible' | 'expected';
  polarity: 'positive' | 'negative';
  phase?: 'initial' | 'total' | 'projected';
  cues: string[];
  /** Id of the claim this figure is a part of ("12,000 troops, including 500 officers"). */
  partOf?: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

function wordsBetween(text: string, a: number, b: number): number {
  if (b <= a) return 0;
  return (text.slice(a, b).match(WORD) ?? []).length;
}

/** Parses a counted noun phrase into nationality, head noun and noun class. */
export function parseSubject(counted: string | undefined): Claim['subject'] {
  const phrase = (counted ?? '').replace(/^(?:of\s+)?(?:the|his|her|its|their|our|these|those)\s+/i, '').replace(/[,;:.]+$/, '').trim();
  if (!phrase) return { phrase: '' };
  // The noun phrase ends where a clause starts: a preposition, relative, verb or participle.
  const all = phrase.split(/\s+/);
  let cut = all.length;
  for (let i = 1; i < all.length; i++) {
    if (/^(?:in|of|that|who|which|whose|has|have|had|is|are|was|were|to|from|at|on|for|with|by|after|since|during|as|and|or|but|including)$/i.test(all[i]) || (/^\p{Ll}+ed$/u.test(all[i]) && i > 0)) {
      cut = i;
      break;
    }
  }
  const words = all.slice(0, cut);
  if (cut < all.length) return parseSubject(words.join(' '));
  // A plural demonym ("North Koreans", "Britons") counts people of that nationality.
  if (words.every((w) => /^\p{Lu}/u.test(w)) && /[^s]s$/.test(words[words.length - 1]) && !classOfNoun(words[words.length - 1])) {
    const last = words[words.length - 1].replace(/s$/, '');
    return { phrase, nationality: [...words.slice(0, -1), last].join(' '), head: 'people', class: 'people' };
  }
  let headIdx = words.length - 1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (classOfNoun(words[i].toLowerCase())) {
      headIdx = i;
      break;
    }
  }
  const head = words[headIdx].toLowerCase();
  const mods = words.slice(0, headIdx).filter((w) => /^\p{Lu}/u.test(w));
  return { phrase, head, class: classOfNoun(head) ?? head.replace(/s$/, ''), ...(mods.length ? { nationality: mods.join(' ') } : {}) };
}

function sentenceOf(sentences: readonly Span[], start: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Picks the measure trigger nearest the figure in its sentence (after it first, within a few words). */
export function findMeasure(text: string, sentence: { start: number; end: number }, q: { start: number; end: number }): { measure: string; family: string; word: string; start: number; end: number } | undefined {
  const s = text.slice(sentence.start, sentence.end);
  let best: { measure: string; family: string; word: string; start: number; end: number; cost: number } | undefined;
  // Triggers may overlap ("are in" / "in a critical condition"): try a match at every word, not only after the last one.
  const re = MEASURE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    re.lastIndex = m.index + 1;
    const a = sentence.start + m.index;
    const b = a + m[0].length;
    const cls = measureOf(m[0]);
    if (!cls) continue;
    // Words after the figure ("30 troops were killed") read more directly than words before it;
    // a word before it reaches it only as its object ("killed at least 12"), not across a phrase
    // or clause ("killed during demonstrations by tens of thousands who marched").
    if (b <= q.start && NOT_OBJECT.test(text.slice(b, q.start))) continue;
    // "a city of 400,000" counts inhabitants; "killed 31,000 in the city of Bam" does not.
    if (cls.family === 'population' && / of$| to$/i.test(m[0]) && !(b <= q.start && wordsBetween(text, b, q.start) <= 1)) continue;
    const cost = a >= q.end ? wordsBetween(text, q.end, a) : wordsBetween(text, b, q.start) * 1.5 + 1;
    if (cost > 14) continue;
    // A longer trigger ("killed or wounded") wins over a shorter one it contains.
    const c = cost - m[0].split(/\s+/).length * 0.5;
    // On equal cost the longer trigger says more ("in a critical condition" over "are in").
    if (!best || c < best.cost || (c === best.cost && m[0].length > best.word.length)) best = { measure: cls.measure, family: cls.family, word: m[0], start: a, end: b, cost: c };
  }
  return best && { measure: best.measure, family: best.family, word: best.word, start: best.start, end: best.end };
}

const LENGTH_UNITS = new Set(['km', 'm', 'mi', 'ft', 'cm', 'mm', 'yd', 'nmi']);
const NOT_OBJECT = /\b(?:during|by|after|before|against|amid|when|where|while|who|which|whose|because|as)\b|[;:—–]/i;

// Month, weekday and season names (the times stage's lexicon, full forms only) are not places: "in December".
const CALENDAR_WORD = (() => {
  const fullNames = (m: Record<string, number | string>) => {
    const longest = new Map<number | string, string>();
    for (const [k, v] of Object.entries(m)) if (k.length > (longest.get(v)?.length ?? 0)) longest.set(v, k);
    return [...longest.values()];
  };
  const words = [...fullNames(LEX.months), ...fullNames(LEX.weekdays), ...Object.keys(LEX.seasons)];
  return new RegExp(`^(?:${words.join('|')})\\b`, 'i');
})();
const PLACE_SUFFIX = /^\s+(region|oblast|province|area|district|county|state|prefecture|village|city|town)\b/i;
const BORDER = /\bborder\b/i;
const FRONT = /\bfront(?:\s|-)?lines?\b|\bthe front\b/i;

/** The place a figure is about, with its scope (a region, a country, a border area, the front). */
export function findPlace(doc: Pick<Document, 'text' | 'layers' | 'records'>, sentence: { start: number; end: number }, q: { start: number; end: number }, exclude?: { start: number; end: number } | null): Claim['place'] {
  const text = doc.text;
  const ents = (doc.layers.entities ?? []).filter(
    (e) => (e.type === 'GPE' || e.type === 'LOC') && e.start >= sentence.start && e.end <= sentence.end && !(exclude && e.start >= exclude.start && e.end <= exclude.end),
  );
  // Only places introduced as locations ("in Kursk", "to Russia"), not possessives ("Russia's war").
  const candidates: Array<{ start: number; end: number }> = [];
  for (const e of ents) {
    const before = text.slice(Math.max(sentence.start, e.start - 40), e.start);
    if (/\b(?:in|into|to|near|inside|at|on|across|around)\s+(?:the\s+)?(?:\S+\s+){0,3}$/i.test(before) && !/^['’]s\b/.test(text.slice(e.end, e.end + 2))) candidates.push(e);
  }
  if (!ents.length) {
    const s = text.slice(sentence.start, sentence.end);
    for (const m of s.matchAll(/\b(?:in|into|to|near|inside|around)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)*)/gu)) {
      if (CALENDAR_WORD.test(m[1])) continue;
      const a = sentence.start + m.index! + m[0].length - m[1].length;
      if (!/^['’]s\b/.test(text.slice(a + m[1].length, a + m[1].length + 2))) candidates.push({ start: a, end: a + m[1].length });
    }
  }
  if (!candidates.length) {
    const s = text.slice(sentence.start, sentence.end);
    const f = FRONT.exec(s);
    return f ? { text: f[0], scope: 'front', start: sentence.start + f.index, end: sentence.start + f.index + f[0].length } : undefined;
  }
  // Prefer the place after the figure and closest to it.
  candidates.sort((a, b) => {
    const da = a.start >= q.end ? a.start - q.end : (q.start - a.end) * 2 + 1000;
    const db = b.start >= q.end ? b.start - q.end : (q.start - b.end) * 2 + 1000;
    return da - db;
  });
  const p = candidates[0];
  const after = text.slice(p.end, p.end + 30);
  const suffix = PLACE_SUFFIX.exec(after);
  const end = suffix ? p.end + suffix[0].length : p.end;
  const around = text.slice(Math.max(sentence.start, p.start - 20), Math.min(sentence.end, end + 20));
  const name = text.slice(p.start, p.end);
  // A name the document elsewhere calls a region ("the Kell region") is a region here too.
  const regionElsewhere = new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:['’]s)?\\s+(?:region|oblast|province|district|county|prefecture)\\b`, 'i').test(text);
  const scope: NonNullable<Claim['place']>['scope'] = BORDER.test(around) ? 'border' : suffix ? 'region' : (entityScope(doc, p) ?? (regionElsewhere ? 'region' : 'place'));
  return { text: text.slice(p.start, end), scope, start: p.start, end };
}

/** The scope the entities stage knows for a place: its gazetteer key reads `GPE:country:..` or `LOC:region:..`. */
function entityScope(doc: Pick<Document, 'layers' | 'records'>, span: { start: number; end: number }): 'country' | 'region' | undefined {
  const e = (doc.layers.entities ?? []).find((x) => x.start === span.start && x.end === span.end);
  if (!e) return undefined;
  const rec = (doc.records.entities ?? []).find((r) => (r as { id?: string }).id === e.entity) as { key?: string; kind?: string; name?: string; aliases?: string[] } | undefined;
  const kind = rec?.kind ?? rec?.key?.split(':')[1];
  if (kind === 'country') return 'country';
  if (kind === 'region' || kind === 'province' || kind === 'state') return 'region';
  // The text names it elsewhere as a region ("Kell Oblast", "Kell region"): the same place, a region.
  return [rec?.name, ...(rec?.aliases ?? [])].some((n) => n && PLACE_SUFFIX.test(' ' + n.split(/\s+/).pop())) ? 'region' : undefined;
}

function sub(text: string, s: { start: number; end: number } | null | undefined): SubSpan | null {
  return s ? { start: s.start, end: s.end, text: text.slice(s.start, s.end) } : null;
}

/** The attribution a figure falls under: its content contains the figure, else one in the same sentence. */
export function findSpeaker(doc: Pick<Document, 'text' | 'layers' | 'records' | 'meta'>, sentence: { start: number; end: number }, q: { start: number; end: number }): SpeakerChain {
  const text = doc.text;
  const atts = doc.layers.attributions ?? [];
  const contentAround = (a: Span) => ((a.content as SubSpan[] | undefined) ?? []).find((c) => c.start <= q.start && c.end >= q.end);
  // Nested reports ("X said, according to Y"): the innermost speaker said it; the outer ones passed it on.
  const holders = atts
    .map((a) => ({ a, c: contentAround(a) }))
    .filter((x): x is { a: Span; c: SubSpan } => Boolean(x.c))
    .sort((x, y) => x.c.end - x.c.start - (y.c.end - y.c.start))
    .map((x) => x.a);
  const outer = holders.slice(1).reverse().map((a) => (a.source as SubSpan | null)?.text).filter((t): t is string => Boolean(t)).map(normaliseSpeaker);
  const att =
    holders[0] ??
    atts.find((a) => a.start <= q.start && a.end >= q.end) ??
    // Else a report in the same sentence, unless a coordinate clause ("..., and police said ...") starts between them.
    atts.find((a) => a.start < sentence.end && a.end > sentence.start && !(a.start >= q.end && /,\s*(?:and|but|while|whereas)\s/i.test(text.slice(q.end, a.start))));
  const outlet = { source: null, name: doc.meta.site ?? 'the outlet itself', via: [], unattributed: true };
  if (!att) return outlet;
  const source = (att.source as SubSpan | null) ?? null;
  // "It was reported that ...", "reportedly": an expletive subject or a bare cue names nobody; say so in the reader's words.
  const cue = att.cue as SubSpan | undefined;
  const agentless = (withSource = true) => {
    if (!cue) return { ...outlet, attribution: att.id, name: 'unattributed' };
    let from = withSource && source && source.start < cue.start ? source.start : cue.start;
    const it = /\b[Ii]t\s+$/.exec(text.slice(Math.max(0, from - 4), from));
    if (it) from -= it[0].length;
    return { ...outlet, attribution: att.id, name: `unattributed (“${text.slice(from, cue.end).replace(/\s+/g, ' ')}”)` };
  };
  if (source && EXPLETIVE.has(source.text.trim().toLowerCase()) && !att.resolved) return agentless();
  if (!source && !att.resolved) return agentless();
  // A "source" that holds the figure itself ("up to 35 feared dead", "the tally stood at 31") names nobody.
  if (source && source.start < q.end && source.end > q.start) return agentless(false);
  const resolved = (att.resolved as { text?: string } | undefined) ?? (source ? antecedentOf(text, atts, att, source) : undefined);
  const ent = att.entity as string | undefined;
  const entRec = ent ? ((doc.records.entities ?? []) as Array<{ id: string; name: string }>).find((r) => r.id === ent) : undefined;
  const viaRaw = att.via as unknown;
  const ownVia = Array.isArray(viaRaw) ? viaRaw.map((v) => (typeof v === 'string' ? v : (v as SubSpan).text)).filter(Boolean) : typeof viaRaw === 'string' ? [viaRaw] : [];
  const via = [...new Set([...outer, ...ownVia])];
  const name = entRec?.name ?? resolved?.text ?? (source ? normaliseSpeaker(source.text) : 'unnamed');
  return {
    attribution: att.id,
    source: sub(text, source),
    name,
    ...(ent ? { entity: ent } : {}),
    ...(att.channel ? { channel: String(att.channel) } : {}),
    via,
    unattributed: Boolean(att.unattributed) || !source,
  };
}

const EXPLETIVE = new Set(modalityData.expletiveSources);
const RELATIVE = /^(?:which|who|that)$/i;
const PRONOUN = /^(?:it|they|he|she)$/i;

/**
 * Who a pronoun source stands for when the attribution stage left it unresolved: for a relative
 * pronoun, the phrase it hangs on ("according to the UK's defence ministry, which said"); for
 * "it"/"they", the nearest earlier attribution's named source.
 */
function antecedentOf(text: string, atts: readonly Span[], att: Span, source: SubSpan): { text: string } | undefined {
  const word = source.text.trim();
  if (RELATIVE.test(word)) {
    const before = text.slice(Math.max(0, source.start - 160), source.start);
    const m = /,([^,;:.!?\n“”"]+),\s*$/.exec(before) ?? /(?:^|[.;:!?\n])([^,;:.!?\n“”"]+),\s*$/.exec(before);
    if (!m) return undefined;
    // The phrase after the last preposition or verb that introduces it: "backed by X", "according to X".
    const phrase = m[1].replace(/^.*\b(?:according to|by|from|to|with|citing|quoting)\s+/i, '').trim();
    return phrase && /\p{L}/u.test(phrase) && phrase.split(/\s+/).length <= 14 ? { text: phrase } : undefined;
  }
  if (PRONOUN.test(word)) {
    const prev = atts.filter((a) => a.end <= att.start && a.start >= att.start - 1500 && a.source && !PRONOUN.test(String((a.source as SubSpan).text).trim()) && !RELATIVE.test(String((a.source as SubSpan).text).trim())).pop();
    const ps = prev?.source as SubSpan | undefined;
    return ps ? { text: ((prev!.resolved as { text?: string } | undefined)?.text ?? ps.text) } : undefined;
  }
  return undefined;
}
const TRAILING_TIME = /\s+(?:last|this|next|on|in|earlier|late|early)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|\w+ber|january|february|march|april|may|june|july|august)\b.*$|\s+(?:yesterday|today|recently)\b.*$/i;

/** A speaker name fit for grouping: no leading article, trailing clause, time words or "reports". */
export function normaliseSpeaker(s: string): string {
  return s
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[,;].*$/, '')
    .replace(TRAILING_TIME, '')
    .replace(/\s+(?:reports?|statements?|sources?|assessments?)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Modality, polarity, phase and the cue words behind them, read from the figure's sentence. */
export function readModality(sentenceText: string, clauseText: string = sentenceText): Pick<Claim, 'modality' | 'polarity' | 'phase' | 'cues'> {
  const possible = cuesIn(CUES.possible, sentenceText);
  const probable = cuesIn(CUES.probable, sentenceText);
  const reported = cuesIn(CUES.reported, sentenceText);
  const future = cuesIn(CUES.future, sentenceText);
  // Negation counts only in the figure's own clause: "... missing, officials said, most of them workers whose names did not appear".
  // "No fewer than 30" is a bound, not a denial.
  const negation = cuesIn(CUES.negation, clauseText.replace(/\bno\s+(?:fewer|more|less)\s+than\b/gi, ''));
  const modality: Claim['modality'] = possible.length ? 'possible' : future.length ? 'expected' : probable.length ? 'probable' : reported.length ? 'reported' : 'asserted';
  const initial = cuesIn(CUES.phaseInitial, sentenceText).filter((w) => w !== 'first' || /\bfirst\s+(?:group|batch|wave|contingent|unit|units|troops|soldiers)\b/i.test(sentenceText));
  const total = cuesIn(CUES.phaseTotal, sentenceText);
  const phase = initial.length ? 'initial' : (modality === 'possible' || modality === 'expected') && cuesIn(CUES.phaseProjected, sentenceText).length ? 'projected' : total.length ? 'total' : undefined;
  return {
    modality,
    polarity: negation.length ? 'negative' : 'positive',
    ...(phase ? { phase } : {}),
    cues: [...new Set([...possible, ...probable, ...reported, ...future, ...negation, ...initial, ...total])],
  };
}

/** A counted phrase stated before the figure: "the number of North Koreans has increased to 30,000". */
export function countedBefore(text: string, sentence: { start: number }, q: { start: number }): string | undefined {
  const before = text.slice(sentence.start, q.start);
  // "the number of North Koreans has ...", "the number of people killed in ... has risen to 27".
  // No `i` flag: under it \p{Lu} would match lower-case letters and the phrase would run on.
  const m = /\b[Nn]umber of ((?:\p{Lu}[\p{L}'’-]*\s+)*[\p{L}'’-]+)\b/u.exec(before);
  return m?.[1];
}

const MEASURE_AFTER = /^\s*(\p{L}+(?:\s+(?:or|and)\s+\p{L}+)?)/u;

/** "death toll rises to 27": a casualty figure with no counted noun counts people. */
function defaultSubject(subject: Claim['subject'], family: string | undefined): Claim['subject'] {
  if (subject.phrase || family !== 'casualties') return subject;
  return { phrase: '', head: 'people', class: 'people' };
}

// Where a clause ends: a semicolon or dash, a comma, or a word that opens a subordinate or coordinate clause.
const CLAUSE_BREAK = /[;:—–]|,|\b(?:whose|who|whom|which|while|whereas|but|although|though|because)\b/giu;

/** The clause of the figure: from the last clause break before `from` to the first one after `to`. */
export function clauseAround(text: string, sentence: { start: number; end: number }, from: number, to: number): { start: number; end: number } {
  let start = sentence.start;
  let end = sentence.end;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK)) {
    const a = sentence.start + m.index!;
    if (a + m[0].length <= from) start = a + m[0].length;
    else if (a >= to) {
      end = a;
      break;
    }
  }
  return { start, end };
}

// "19 of whom", "46 of them", "three of those": a part of something counted just before.
const PARTITIVE = /^\s+of\s+(?:them|whom|which|those|these|the\s+dead|the\s+victims)\b/iu;
// "Three of them were firefighters": the noun the part is.
const PARTITIVE_IS = /^\s+(?:were|are|was|is)\s+(?:also\s+)?(\p{L}+)/u;

/** Builds the claim records of one document from its sentence, quantity, attribution, time and entity layers. */
export function buildClaims(doc: Pick<Document, 'text' | 'layers' | 'records' | 'meta'>): Claim[] {
  const text = doc.text;
  const sentences = doc.layers.sentences ?? [];
  const times = doc.layers.times ?? [];
  const out: Claim[] = [];
  let n = 0;
  for (const q of doc.layers.quantities ?? []) {
    const unit = String(q.unit ?? 'count');
    if (q.low === undefined && q.high === undefined) continue;
    // A distance or length ("300 kilometers to the north") locates things; it is not a figure reports dispute.
    if (LENGTH_UNITS.has(unit)) continue;
    const sentence = sentenceOf(sentences, q.start) ?? { id: undefined, start: q.start, end: q.end, text: q.text };
    // "the two forces", "its 1.3 million member army": a reference to things, not a figure put forward;
    // but "the three firefighters who died" states the count in its relative clause.
    if (/\b(?:the|its|his|her|their|our|these|those)\s+$/i.test(text.slice(Math.max(sentence.start, q.start - 8), q.start)) && !definiteWithMeasure(text, sentence, q)) continue;
    const partitive = PARTITIVE.exec(text.slice(q.end, Math.min(sentence.end, q.end + 24)));
    const whole = partitive ? out.filter((c) => c.end > sentence.start - 400 && c.start <= q.start && c.unit === unit).pop() : undefined;
    if (partitive && whole) {
      const part = partOfWhole(doc, sentence, q, whole, q.end + partitive[0].length, n + 1);
      if (part) {
        n++;
        out.push(part);
      }
      continue;
    }
    const before = countedBefore(text, sentence, q);
    // After "the number of people killed ...", the measure is the word right after the counted noun.
    const beforeAt = before ? text.indexOf(before, sentence.start) : -1;
    const afterBefore = beforeAt >= 0 ? MEASURE_AFTER.exec(text.slice(beforeAt + before!.length, beforeAt + before!.length + 40)) : null;
    const afterAt = beforeAt + (before?.length ?? 0);
    const measure = (afterBefore && measureOf(afterBefore[1]) ? { ...measureOf(afterBefore[1])!, word: afterBefore[1], start: afterAt, end: afterAt + afterBefore[0].length } : undefined) ?? findMeasure(text, sentence, q);
    const subject = adjectivalSubject(defaultSubject(parseSubject((q.counted as string | undefined) || before), measure?.family));
    // A figure with no counted thing and no measure is not a claim we can compare (a page number, a score);
    // nor is a count of something outside the known noun classes ("three villages", "2 agreed").
    if (!measure && !subject.phrase) continue;
    if (unit === 'count' && subject.phrase && !classOfNoun(subject.head ?? '') && subject.head !== 'people') continue;
    // "Four people - one with broken bones, 3 with burns": a bare figure after a counted one in the
    // same sentence, read with the same measure, describes members of it.
    const earlier = out.filter((c) => c.start === sentence.start && c.subject.phrase).pop();
    if (!q.counted && !before && earlier && measure && earlier.measure === measure.measure) continue;
    const sText = text.slice(sentence.start, sentence.end);
    const speaker = findSpeaker(doc, sentence, q);
    const sentenceTimes = times.filter((t) => t.start >= sentence.start && t.end <= sentence.end && t.type !== 'DURATION' && t.type !== 'SET');
    const eventT = sentenceTimes.filter((t) => t.role !== 'report' && /^\d{4}/.test(String(t.value))).sort((a, b) => Math.abs(a.start - q.start) - Math.abs(b.start - q.start))[0];
    const reportT = sentenceTimes.find((t) => t.role === 'report' && /^\d{4}/.test(String(t.value)));
    const published = doc.meta.published?.slice(0, 10);
    const kind = personKind(subject);
    // Stocks and supplies are of things, not people ("three children ... held accountable").
    if (measure && (measure.family === 'stock' || measure.family === 'supply') && kind !== 'thing') continue;
    const claim: Claim = {
      id: `c${++n}`,
      start: sentence.start,
      end: sentence.end,
      quantity: q.id,
      ...(sentence.id ? { sentence: sentence.id } : {}),
      low: (q.low as number | null | undefined) ?? null,
      high: (q.high as number | null | undefined) ?? null,
      ...(typeof q.value === 'number' ? { value: q.value } : {}),
      ...(q.qualifier ? { qualifier: String(q.qualifier) } : {}),
      ...(q.text ? { stated: q.text } : {}),
      unit,
      subject,
      // People joining, marching or supporting are a crowd, not a deployment: presence is for forces and named groups.
      ...(measure?.family === 'presence' && kind === 'crowd' ? { measure: 'count', family: 'count' } : { measure: measure?.measure ?? 'count', family: measure?.family ?? 'count' }),
      speaker,
      ...readModality(sText, clauseText(text, sentence, q, measure)),
    };
    const place = findPlace(doc, sentence, q, speaker.source) ?? (measure?.family === 'population' ? populationPlace(text, sentence, measure) : undefined);
    if (place) claim.place = place;
    if (eventT) claim.eventTime = { value: String(eventT.value), text: eventT.text, span: eventT.id };
    if (reportT) claim.reportTime = { value: String(reportT.value), text: reportT.text, span: reportT.id, from: 'text' };
    else if (published) claim.reportTime = { value: published, from: 'published' };
    // "More than 60 people" counts 61 or more; "fewer than 10" at most 9 (whole counts only).
    if (unit === 'count' && claim.qualifier === 'higher-than' && Number.isInteger(claim.low)) claim.low = claim.low! + 1;
    if (unit === 'count' && claim.qualifier === 'lower-than' && Number.isInteger(claim.high)) claim.high = claim.high! - 1;
    // "12,000 troops, including 500 officers and three generals": the later figures are parts.
    const prev = out.filter((c) => c.start === sentence.start && c.quantity !== q.id).pop();
    if (prev) {
      const prevQ = (doc.layers.quantities ?? []).find((x) => x.id === prev.quantity);
      if (prevQ && prevQ.end <= q.start && cuesIn(CUES.partOf, text.slice(prevQ.end, q.start)).length) {
        claim.partOf = prev.id;
        if (claim.measure === 'count' || claim.measure === prev.measure) {
          claim.measure = prev.measure;
          claim.family = prev.family;
        }
        if (!claim.subject.nationality && prev.subject.nationality) claim.subject = { ...claim.subject, nationality: prev.subject.nationality };
        if (!claim.place && prev.place) claim.place = prev.place;
      }
    }
    out.push(claim);
  }
  return out;
}

/** The text of the figure's clause, stretched to reach its measure word. */
function clauseText(text: string, sentence: { start: number; end: number }, q: { start: number; end: number }, measure: { start: number; end: number } | undefined): string {
  const from = measure ? Math.min(q.start, measure.start) : q.start;
  const to = measure ? Math.max(q.end, measure.end) : q.end;
  const c = clauseAround(text, sentence, from, to);
  return text.slice(c.start, c.end);
}

/** "the three firefighters who died": a definite count whose relative clause carries a measure. */
function definiteWithMeasure(text: string, sentence: { start: number; end: number }, q: { start: number; end: number }): boolean {
  const after = text.slice(q.end, Math.min(sentence.end, q.end + 80));
  const m = /^\s+(?:[\p{L}-]+\s+){1,2}(?:who|that|which)\s+((?:had\s+|have\s+|were\s+|was\s+)?[\p{L}]+(?:\s+[\p{L}]+)?)/u.exec(after);
  return Boolean(m && measureOf(m[1].replace(/^(?:had|have|were|was)\s+/, '').split(/\s+/)[0]));
}

/** "31 confirmed dead", "12 wounded": an adjective used as a noun counts people. */
function adjectivalSubject(subject: Claim['subject']): Claim['subject'] {
  if (!subject.head || classOfNoun(subject.head)) return subject;
  const m = measureOf(subject.head);
  return m && m.family === 'casualties' ? { ...subject, head: 'people', class: 'people' } : subject;
}

/** A part of an earlier figure ("19 of whom remain in hospital"): its own measure if the clause has one, else the whole's; the whole's subject unless the part names its own ("three of them were firefighters"). */
function partOfWhole(doc: Pick<Document, 'text' | 'layers' | 'records' | 'meta'>, sentence: Span | { start: number; end: number; id?: string }, q: Span, whole: Claim, after: number, n: number): Claim | undefined {
  const text = doc.text;
  const clause = clauseAround(text, sentence, q.start, after);
  const own = findMeasure(text, { start: after, end: Math.max(after, clause.end) }, { start: after, end: after });
  const noun = PARTITIVE_IS.exec(text.slice(after, clause.end));
  const ownNoun = noun && classOfNoun(noun[1].toLowerCase());
  // "Three people, one of them a pregnant woman, were killed": describes a member; no figure of its own.
  if (!own && !ownNoun) return undefined;
  const subject = ownNoun ? parseSubject(noun![1]) : whole.subject;
  const sText = text.slice(sentence.start, sentence.end);
  return {
    ...whole,
    id: `c${n}`,
    start: sentence.start,
    end: sentence.end,
    quantity: q.id,
    ...((sentence as { id?: string }).id ? { sentence: (sentence as { id?: string }).id } : {}),
    low: (q.low as number | null | undefined) ?? null,
    high: (q.high as number | null | undefined) ?? null,
    ...(typeof q.value === 'number' ? { value: q.value } : { value: undefined }),
    ...(q.qualifier ? { qualifier: String(q.qualifier) } : { qualifier: undefined }),
    stated: q.text,
    subject: { ...subject, ...(whole.subject.nationality && !subject.nationality ? { nationality: whole.subject.nationality } : {}) },
    measure: own?.measure ?? whole.measure,
    family: own?.family ?? whole.family,
    speaker: findSpeaker(doc, sentence, q),
    ...readModality(sText, text.slice(clause.start, clause.end)),
    partOf: whole.id,
  };
}

/** Whether a subject counts things, people in general (a crowd, unless a nationality names them), or a group such as troops or firefighters. */
function personKind(subject: Claim['subject']): 'thing' | 'crowd' | 'group' {
  const cls = subject.class ?? '';
  if (cls === 'people') return subject.nationality ? 'group' : 'crowd';
  if (!subject.phrase || !classOfNoun(subject.head ?? '') || THING_CLASSES.has(cls)) return 'thing';
  return 'group';
}

const THING_CLASSES = new Set(['buildings', 'vehicles', 'munitions']);

// "Velm, a city of 400,000", "Qeshm has a population of", "the island's population of": the name a population belongs to.
const POPULATION_OWNER = /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)(?:,\s+(?:a|an|the)\b[^,]*|\s+(?:has|had|is)\s+(?:a|an|home)\b[^,]*|['’]s\s[^,]*)$/u;

/** The place a population figure belongs to, named just before its trigger. */
function populationPlace(text: string, sentence: { start: number; end: number }, trigger: { start: number }): Claim['place'] {
  // A short window before the trigger keeps the match linear on pathological one-line texts.
  const from = Math.max(sentence.start, trigger.start - 160);
  const m = POPULATION_OWNER.exec(text.slice(from, trigger.start));
  if (!m || CALENDAR_WORD.test(m[1])) return undefined;
  const start = from + m.index;
  return { text: m[1], scope: 'place', start, end: start + m[1].length };
}
