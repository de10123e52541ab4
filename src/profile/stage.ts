import type { DocumentStage, SpanInput } from '../core/stage.js';
import type { Document } from '../core/document.js';
import opinionData from './data/opinion.json' with { type: 'json' };
import { lexicons } from './lexicons.js';
import { insideAny, quotedRegions } from './quotes.js';
import { analyzeText, firstAtOrAfter } from '../language/wink.js';

/** Character spans of adjectives and adverbs (wink-nlp POS, from the shared cached pass), where evaluative framing lives. */
function modifierSpans(text: string): Array<{ start: number; end: number; word: string }> {
  const t = analyzeText(text);
  if (!t) return [];
  const out: Array<{ start: number; end: number; word: string }> = [];
  for (let i = 0; i < t.values.length; i++) {
    if (t.pos[i] === 'ADJ' || t.pos[i] === 'ADV') out.push({ start: t.starts[i], end: t.ends[i], word: t.values[i].toLowerCase() });
  }
  return out;
}

/** The kinds of evidence the profile stage marks in the text. */
export type ProfileSignal =
  | 'first-person'
  | 'first-person-plural'
  | 'second-person'
  | 'self-reference'
  | 'genre-label'
  | 'rhetorical-question'
  | 'evaluative'
  | 'scare-quote'
  | 'loaded'
  | 'intensifier'
  | 'all-caps'
  | 'hedge'
  | 'agentless'
  | 'unattributed'
  | 'editorial'
  | 'noise';

/** The per-document profile: genre decision, its score and the counts behind it. */
export interface SourceProfile {
  /** `opinion`: commentary; `mixed`: reporting with editorializing in the writer's own voice. */
  genre: 'opinion' | 'mixed' | 'reporting';
  score: number;
  threshold: number;
  words: number;
  sentences: number;
  counts: Partial<Record<ProfileSignal | 'attribution', number>>;
  /** The strongest reasons, in words, for the decision. */
  reasons: string[];
}

const SPEECH = /\b(?:insists?|insisted|said|says|say|told|tells|according to|announced|stated|added|confirmed|claimed|estimated|reported|reports|wrote|noted|warned|insisted|denied|acknowledged|explained|argued|believes?|assessed|statement)\b/i;
const NUMBERISH = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;
const AGENTLESS = /\b(?:it (?:has|had) (?:also )?been (?:further )?reported|it (?:was|is) (?:further )?reported|there have (?:also )?been reports|reports (?:say|said|suggest)|it is (?:understood|believed|thought)|reportedly)\b/gi;
const GLUED = /[a-z]\.[a-z]?[“"‘][A-Z]/g;

const eventWords = new Set(opinionData.eventWords.words);

function lines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `(text.match(/[\p{L}\p{N}]+/gu) ?? []).length` in one pass, without building the list of words. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let ln: boolean;
    if (c < 128) ln = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    else {
      const cp = text.codePointAt(i)!;
      ln = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
      if (cp > 0xffff) i++;
    }
    if (ln && !inWord) n++;
    inWord = ln;
  }
  return n;
}

/**
 * `(start, end) => spans.some(a => a.start < end && a.end > start)` for spans sorted by start, in
 * logarithmic time: the spans starting before `end` are a prefix, and one of them reaches past
 * `start` when the largest end in that prefix does.
 */
function overlapIndex(spans: ReadonlyArray<{ start: number; end: number }>): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((a) => a.start);
  const maxEnd: number[] = [];
  for (const a of sorted) maxEnd.push(Math.max(a.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (start, end) => {
    const k = firstAtOrAfter(starts, end);
    return k > 0 && maxEnd[k - 1] > start;
  };
}

/** Profiles one document: signals of commentary vs reporting, hedges, unattributed assertions, noise. */
export function profileDocument(doc: Pick<Document, 'text' | 'layers' | 'meta'> & Partial<Pick<Document, 'raw' | 'records'>>): { spans: SpanInput[]; profile: SourceProfile } {
  const lx = lexicons();
  const text = doc.text;
  const quotes = quotedRegions(text);
  const spans: SpanInput[] = [];
  const counts: SourceProfile['counts'] = {};
  const add = (kind: ProfileSignal, start: number, end: number, extra: Record<string, unknown> = {}) => {
    spans.push({ start, end, kind, ...extra });
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  // Other people's words and page furniture are not the writer's voice: quotations, embedded social
  // posts ("... pic.twitter.com/x — Name (@handle)") and promo lines ("Follow us", "let us know").
  const notWriter = notWritersVoice(text, quotes, lx);
  const outside = (re: RegExp, kind: ProfileSignal) => {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (!insideAny(notWriter, s, e)) add(kind, s, e);
    }
  };
  outside(lx.firstPersonSingular, 'first-person');
  outside(lx.firstPersonPlural, 'first-person-plural');
  outside(lx.secondPerson, 'second-person');
  outside(lx.selfReference, 'self-reference');
  outside(lx.intensifier, 'intensifier');
  outside(lx.hedge, 'hedge');
  outside(AGENTLESS, 'agentless');
  outside(lx.loaded, 'loaded');
  // Pronouns only: not "US" (the country), not a Roman numeral ("World War I"), not "think tank".
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    const t = text.slice(s.start, s.end);
    const pronounKind = s.kind === 'first-person' || s.kind === 'first-person-plural' || s.kind === 'second-person';
    const falseHit =
      (pronounKind && t.length > 1 && t === t.toUpperCase()) ||
      (s.kind === 'first-person' && t === 'I' && /\b(?:War|Phase|Part|Class|Type)\s+$/.test(text.slice(Math.max(0, s.start - 8), s.start))) ||
      (s.kind === 'hedge' && /^\s+tanks?\b/i.test(text.slice(s.end, s.end + 7)));
    if (falseHit) {
      spans.splice(i, 1);
      counts[s.kind as ProfileSignal]!--;
    }
  }
  for (const { start: s, end: e, word } of modifierSpans(text)) {
    const v = lx.evaluative.get(word);
    if (v !== undefined && !eventWords.has(word) && !insideAny(quotes, s, e)) add('evaluative', s, e, { valence: v });
  }
  // The text's lower-case words, gathered only once a word in capitals needs them.
  let lowerWords: Set<string> | undefined;
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const s = m.index!;
    const e = s + m[0].length;
    // Emphasis in capitals ("INSIDE Russia"): an ordinary word the text also writes in lower case, so not an acronym.
    if (m[0].length >= 4 && m[0] === m[0].toUpperCase() && (lowerWords ??= new Set(text.match(/\b\p{Ll}[\p{Ll}'’-]*/gu) ?? [])).has(m[0].toLowerCase()) && !insideAny(quotes, s, e)) add('all-caps', s, e);
  }
  const sentences = doc.layers.sentences ?? [];
  const attributions = doc.layers.attributions;
  const titleEnd = doc.meta.title && text.startsWith(doc.meta.title) ? doc.meta.title.length : 0;
  const overlapsAttribution = attributions && overlapIndex(attributions);
  // The writer's own evaluative words, intensifiers and loaded verbs, by start, to find those inside a sentence.
  // A mildly evaluative word ("good", "strong", AFINN ±2) is common in plain news; a sentence is the writer's
  // judgement when it carries a strong one (±3 and beyond), an intensifier or a loaded verb.
  const own = spans
    .filter((x) => (x.kind === 'evaluative' && Math.abs(Number(x.valence)) >= lx.editorialMinValence) || x.kind === 'intensifier' || x.kind === 'loaded')
    .sort((a, b) => a.start - b.start);
  const ownStarts = own.map((x) => x.start);
  let attributed = 0;
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    const quotedWhole = insideAny(quotes, s.start, s.end);
    const hasAttrHere = overlapsAttribution ? overlapsAttribution(s.start, s.end) : SPEECH.test(body);
    let scareHere = false;
    // A scare quote: a few words in quotation marks inside the writer's own unattributed sentence (not the headline,
    // where quotation marks stand for a source's words by convention).
    if (!hasAttrHere && !quotedWhole && s.start >= titleEnd) {
      for (const q of quotes) {
        if (q.start <= s.start || q.end > s.end) continue;
        const words = text.slice(q.start, q.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
        if (words >= 1 && words <= 4) {
          add('scare-quote', q.start, q.end);
          scareHere = true;
        }
      }
    }
    if (/\?\s*$/.test(body) && !quotedWhole && !/[”"]\s*$/.test(body)) add('rhetorical-question', s.start, s.end);
    const hasAttr = hasAttrHere;
    if (hasAttr) attributed++;
    else if (!quotedWhole) {
      if (NUMBERISH.test(body) && body.split(/\s+/).length >= 6) add('unattributed', s.start, s.end);
      // Editorializing: the writer's own evaluative or normative statement, attributed to nobody.
      let ownHere = scareHere;
      for (let k = firstAtOrAfter(ownStarts, s.start); k < own.length && own[k].start <= s.end && !ownHere; k++) ownHere = own[k].end <= s.end;
      lx.normative.lastIndex = 0;
      if (ownHere || lx.normative.test(body)) add('editorial', s.start, s.end);
    }
  }
  counts.attribution = attributed;
  const allLines = lines(text);
  const short = (i: number) => i >= 0 && i < allLines.length && text.slice(allLines[i].start, allLines[i].end).trim().split(/\s+/).length <= 4;
  allLines.forEach((l, i) => {
    const line = text.slice(l.start, l.end).trim();
    const words = line.split(/\s+/).length;
    const low = line.toLowerCase().replace(/[.:!]+$/, '');
    // A genre label sits near the top on its own line; in a run of short lines it is a menu item.
    if (words <= 5 && i < 4 && !/^[-•*|]/.test(line) && !(short(i - 1) && short(i + 1))) {
      lx.genreLabel.lastIndex = 0;
      if (lx.genreLabel.test(line)) add('genre-label', l.start, l.end);
    }
    lx.footer.lastIndex = 0;
    if (lx.noiseLine.has(low) || (words <= 12 && lx.credit.some((re) => re.test(line))) || (words <= 16 && lx.footer.test(line))) add('noise', l.start, l.end);
  });
  for (const m of text.matchAll(GLUED)) add('noise', m.index!, m.index! + m[0].length, { reason: 'sentences glued together' });
  if (doc.meta.title && /^(opinion|commentary|editorial|analysis|column)\b/i.test(doc.meta.title)) counts['genre-label'] = (counts['genre-label'] ?? 0) + 1;
  // A section label the cleaner dropped as page furniture ("Opinion") still says what the piece is.
  const raw = (doc as { raw?: string }).raw;
  const removed = [...((doc.records?.removed ?? []) as Array<{ rawStart: number; rawEnd: number; reason?: string }>)].sort((a, b) => a.rawStart - b.rawStart);
  removed.forEach((r, i) => {
    const line = raw?.slice(r.rawStart, r.rawEnd).trim() ?? '';
    // An item of a navigation menu ("Home / News / Opinion / Sport") names a section, not this piece.
    const inMenu = [removed[i - 1], removed[i + 1]].some((n) => n && n.reason === 'link-list' && Math.abs(n.rawStart - r.rawStart) < 200);
    lx.genreLabel.lastIndex = 0;
    if (line && !inMenu && line.split(/\s+/).length <= 3 && r.rawStart < 400 && lx.genreLabel.test(line)) counts['genre-label'] = (counts['genre-label'] ?? 0) + 1;
  });

  const w = lx.weights;
  const per = Math.max(1, sentences.length / 10);
  const contributions: Array<[string, number]> = [
    ['first-person voice outside quotes', (w.firstPersonSingular * (counts['first-person'] ?? 0)) / per],
    ['"we/our" outside quotes', (w.firstPersonPlural * (counts['first-person-plural'] ?? 0)) / per],
    ['addresses the reader', (w.secondPerson * (counts['second-person'] ?? 0)) / per],
    ['refers to its own earlier commentary', w.selfReference * (counts['self-reference'] ?? 0)],
    ['labelled as opinion/commentary', w.genreLabel * (counts['genre-label'] ?? 0)],
    ['rhetorical questions', (w.rhetoricalQuestion * (counts['rhetorical-question'] ?? 0)) / per],
    ['evaluative words', (w.evaluative * (counts.evaluative ?? 0)) / per],
    ['scare quotes', (w.scareQuote * (counts['scare-quote'] ?? 0)) / per],
    ['loaded verbs', (w.loaded * (counts.loaded ?? 0)) / per],
    ['editorializing in the writer\'s voice', (w.editorial * (counts.editorial ?? 0)) / per],
    ['intensifiers', (w.intensifier * (counts.intensifier ?? 0)) / per],
    ['emphasis in capitals', (w.allCaps * (counts['all-caps'] ?? 0)) / per],
    ['attributed statements', (w.attribution * attributed) / per],
  ];
  const score = Math.round(contributions.reduce((n, [, v]) => n + v, 0) * 100) / 100;
  const reasons = contributions
    .filter(([, v]) => Math.abs(v) >= 0.5)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 4)
    .map(([k, v]) => `${k} (${v > 0 ? '+' : ''}${Math.round(v * 10) / 10})`);
  const wordCount = countWords(text);
  return {
    spans,
    profile: { genre: score >= lx.threshold ? 'opinion' : (counts.editorial ?? 0) >= lx.mixedMin ? 'mixed' : 'reporting', score, threshold: lx.threshold, words: wordCount, sentences: sentences.length, counts, reasons },
  };
}

/** Source profile of each document, shown as evidence spans (`layers.profile`) and a summary record. */
export const profileStage: DocumentStage = {
  kind: 'document',
  name: 'profile',
  version: 1,
  needs: ['text', 'layer:sentences'],
  produces: ['layer:profile', 'records:profile'],
  description: 'reporting vs opinion, hedges, evaluative language, unattributed assertions and leftover noise, with evidence spans',
  run(doc) {
    const { spans, profile } = profileDocument(doc);
    return { layers: { profile: spans }, records: { profile: [profile] } };
  },
};

/** Sorted, merged regions that are not the writer's own voice: quotations, embedded posts and promo lines. */
function notWritersVoice(text: string, quotes: ReadonlyArray<{ start: number; end: number }>, lx: ReturnType<typeof lexicons>): Array<{ start: number; end: number }> {
  const regions = [...quotes];
  const all = lines(text);
  all.forEach((l, i) => {
    const line = text.slice(l.start, l.end);
    lx.footer.lastIndex = 0;
    if (countWords(line) <= 40 && lx.footer.test(line)) regions.push(l);
    if (lx.embeddedPost.test(line)) {
      regions.push(l);
      // The signature line "— Name (@handle) date" closes the post written on the line before it.
      if (/^\s*[—–-]/.test(line) && i > 0) regions.push(all[i - 1]);
    }
  });
  regions.sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const r of regions) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ start: r.start, end: r.end });
  }
  return merged;
}
