import { QUOTE_MARKS, isWord, matchPhrase, questionAt, type CueHit, type Tok, type Unit } from './find.js';
import { lexicon } from './lexicon.js';
import { winkTagger } from '../language/wink.js';

/** A part of an attribution: clean-text bounds and the text there. */
export interface Sub {
  start: number;
  end: number;
  text: string;
}

/** The kinds of attribution the stage reports. */
export type AttributionKind = 'direct' | 'indirect' | 'mixed' | 'according-to' | 'belief';

/** An attribution before ids, extent and cross-references are filled in. */
export interface Draft {
  source: Sub | null;
  cue: Sub;
  content: Sub[];
  kind: AttributionKind;
  via?: Sub[];
  unattributed?: true;
  channel?: string;
  /** Content runs to the left of the cue (`..., X said.`): such cues take precedence. */
  final: boolean;
  /** Content is empty: the caller may take the preceding quotation. */
  wantsPrevious?: boolean;
  /** The preceding quotation, if any, is a better content than the words after the cue. */
  preferPrevious?: boolean;
  /** Token range of a listener (`told KBS`), for the channel. */
  recipient?: Sub;
  verbLemma?: string;
  verbClass?: 'speech' | 'belief' | 'weak';
  /** `..., adding ...`: the source is that of the attribution before it in the sentence. */
  inherit?: boolean;
  /**
   * For `inherit`: the clause's grammatical subject, used when no earlier attribution supplies a source.
   * A function, so the tagger runs only when it is needed.
   */
  subjectGuess?: () => Sub | null;
  /** Where this attribution's clause starts (`, and` before its source): earlier content stops there. */
  clauseStart?: number;
}

const MAX_SOURCE = 14;
/** Words that, after a comma, start a clause that is no longer part of the reported content. */
const TRAILING_CLAUSE = new Set(['according', 'but', 'however', 'although', 'though', 'while', 'whereas', 'even', 'as', 'after', 'before', 'because', 'since', 'yet', 'despite', 'unlike']);
/** Nouns that name what kind of listener a capitalised name is (`the Daily Post newspaper`). */
const LISTENER_KINDS = new Set(['newspaper', 'paper', 'daily', 'agency', 'magazine', 'website', 'outlet', 'program', 'programme', 'show', 'podcast']);
/** Words that make a would-be source phrase a verb phrase. */
const VERBAL = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'to', 'is', 'are', 'was', 'were', 'be', 'been', 'had', 'has', 'have', 'did', 'does', 'do', 'cannot', 'better']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'with', 'for', 'from', 'by', 'under', 'into', 'to', 'of', 'about', 'like', 'through', 'over', 'against', 'among', 'without', 'despite']);
const MAX_TAIL = 8;

function isQuoteMark(t: Tok | undefined): boolean {
  return !!t && QUOTE_MARKS.test(t.w);
}

/** True when a token ends a source phrase when scanning away from the cue. */
function isBreak(toks: readonly Tok[], i: number): boolean {
  const t = toks[i];
  if (!t) return true;
  if (t.q) return true;
  // `Foner and Alba said`: `and` between two names joins one source.
  if (t.w === 'and' && toks[i - 1]?.cap && toks[i + 1]?.cap && !toks[i + 1].q) return false;
  if (isWord(t)) return lexicon().clauseBreaks.has(t.w);
  if (t.w === '(' || t.w === ')' || t.w === '&' || t.w === '’' || t.w === "'" || t.w === '$' || t.w === '%') return false;
  // A period after a short capitalised word is an abbreviation (Sen. Rep. Gen.), not a break.
  if (t.w === '.') {
    if (i === toks.length - 1) return true;
    const p = toks[i - 1];
    return !(p && p.cap && p.e === t.s && (p.w.length <= 4 || toks[i + 1]?.w === ')'));
  }
  return true;
}

/** Makes a sub-span from clean positions, trimming spaces and stray punctuation at the edges. */
export function sub(text: string, start: number, end: number, keepFinalStop = false): Sub | null {
  let s = start;
  let e = end;
  const edge = /[\s,;:—–-]/;
  while (s < e && edge.test(text[s])) s++;
  for (;;) {
    while (e > s && edge.test(text[e - 1])) e--;
    // Drop a sentence-final stop that sits outside any quotation.
    if (!keepFinalStop && e > s && /[.]/.test(text[e - 1]) && !/(?:\b[A-Z]|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|etc|U\.S|D\.C|a\.m|p\.m))\.$/.test(text.slice(Math.max(s, e - 6), e))) {
      e--;
      continue;
    }
    break;
  }
  // A dateline (`HARBOURNE, May 2 (Wire) — `) opens the paragraph but is not part of what was said.
  const dl = /^[A-Z][A-Z.’'\s-]{2,}(?:,[^—–\n]{0,40})?\s[—–]\s/.exec(text.slice(s, e));
  if (dl) s += dl[0].length;
  if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) return null;
  return { start: s, end: e, text: text.slice(s, e) };
}

function span(text: string, toks: readonly Tok[], a: number, b: number): Sub | null {
  if (b <= a) return null;
  return sub(text, toks[a].s, toks[b - 1].e, true);
}

/** Scans left from token `i` (exclusive) to the start of the phrase that ends there. */
function scanLeft(toks: readonly Tok[], i: number): number {
  let j = i - 1;
  while (j >= 0 && !isBreak(toks, j) && i - j <= MAX_SOURCE + 6) j--;
  return j + 1;
}

/** Scans right from token `i` (inclusive) to the end of a phrase. */
function scanRight(toks: readonly Tok[], i: number, max = MAX_SOURCE): number {
  let j = i;
  while (j < toks.length && !isBreak(toks, j) && j - i < max) j++;
  return j;
}

/** A name-like phrase: capitalised words, possibly joined by of/the/for/and. */
function nameLike(toks: readonly Tok[], a: number, b: number): boolean {
  if (b <= a || b - a > 12 || !toks[a].cap) return false;
  for (let k = a; k < b; k++) {
    const t = toks[k];
    if (!(t.cap || ['of', 'the', 'for', 'and', 'de', 'al', '.', '(', ')'].includes(t.w) || /^\d/.test(t.w))) return false;
  }
  return true;
}

/** Strips sentence openers and time words from the edges of a source phrase. */
function trimSource(toks: readonly Tok[], a: number, b: number): [number, number] {
  const lex = lexicon();
  for (;;) {
    if (a < b && (lex.fillers.has(toks[a].w) || toks[a].w === ',' || (toks[a].w === 'with' && /ing$/.test(toks[b]?.w ?? '')))) a++;
    else if (a + 1 < b && toks[a].w === 'on' && lex.fillers.has(toks[a + 1].w)) a += 2;
    // `an electorate in which 67 percent of voters say`: the relative opener is not part of the source.
    else if (a + 2 < b && PREPOSITIONS.has(toks[a].w) && (toks[a + 1].w === 'which' || toks[a + 1].w === 'whom')) a += 2;
    // `a plan which officials said ...`: the relative pronoun is the object; the words after it speak.
    else if (a + 1 < b && (toks[a].w === 'which' || toks[a].w === 'whom')) a++;
    else break;
  }
  // `Smith on Monday said`: drop the time; `a document filed Thursday` keeps it (it modifies the noun).
  while (b > a + 1 && toks[b - 2].w === 'on' && lex.fillers.has(toks[b - 1].w)) b -= 2;
  while (b > a && ['also', 'later', 'earlier', 'then', 'now', 'still', 'yet', 'previously', 'recently', 'initially', 'finally', 'publicly', 'privately'].includes(toks[b - 1].w)) b--;
  return [a, b];
}

/** A run of `, citing X` after token `i`: returns the via span and where it ends. */
function citing(text: string, toks: readonly Tok[], i: number): { via: Sub; end: number } | undefined {
  let k = i;
  if (toks[k]?.w === ',') k++;
  const phrase = lexicon().citing.find((p) => matchPhrase(toks, k, p) > 0);
  if (!phrase) return undefined;
  const a = k + phrase.length;
  let b = scanRight(toks, a, 16);
  // `citing unnamed officials who said ...`: the relative clause is not part of the source.
  const via = span(text, toks, a, b);
  if (!via) return undefined;
  return { via, end: b };
}

/**
 * After an inverted source and its comma: where a description of the source running on to the sentence
 * end stops (`end`, or a comma before a clause that reports again: `, who also said ...`); -1 when what
 * follows is a new clause (`, adding ...`, `, but ...`, `, in a statement`) or a quotation.
 */
function appositionTail(toks: readonly Tok[], i: number, end: number): number {
  const first = toks[i];
  if (!first || first.q || (!isWord(first) && first.w !== '(')) return -1;
  if (TRAILING_CLAUSE.has(first.w) || PREPOSITIONS.has(first.w) || ['and', 'or', 'which', 'when', 'if', 'so', 'then', 'not'].includes(first.w)) return -1;
  if (!first.cap && /ing$/.test(first.w) && first.w.length > 4) return -1;
  const lex = lexicon();
  for (let j = i; j < end; j++) {
    const t = toks[j];
    if (t.q || (!t.cap && lex.verbs.get(t.w)?.class === 'speech' && !lex.verbs.get(t.w)?.nounlike)) {
      for (let k = j - 1; k > i; k--) if (toks[k].w === ',') return k;
      return -1;
    }
  }
  return end;
}

/** Skips adverbials and listeners between a cue and its content; returns the content's first token. */
function contentStart(toks: readonly Tok[], i: number, recipient: boolean): { start: number; recipient?: [number, number] } {
  const lex = lexicon();
  let k = i;
  // `said that`, `told reporters on Monday that`: take the nearest `that` if only a short phrase intervenes.
  for (let j = k; j < Math.min(toks.length, k + (recipient ? 16 : 10)); j++) {
    const t = toks[j];
    if (t.q || (!isWord(t) && t.w !== ',' && t.w !== '.')) break;
    if (t.w === 'that') {
      const between = toks.slice(k, j);
      // `wants voters to know that ...`: an infinitive in between means `that` belongs to another verb.
      const infinitive = between.some((x, n) => x.w === 'to' && between[n + 1] && !between[n + 1].cap && !lex.determiners.has(between[n + 1].w));
      // Only an adverbial (`on Monday`, `in a statement`, `Tuesday`) or a listener may stand before `that`;
      // otherwise `that` is inside the content (`says the truth is that ...`).
      const adverbial = between.length > 0 && (lex.adverbials.has(between[0].w) || between[0].cap || between[0].w === ',') && !between.some((x) => VERBAL.has(x.w) || (!x.cap && /(ed|ing)$/.test(x.w) && x.w.length > 4));
      if (!infinitive && between.every((x) => x.w !== 'that') && (j === k || adverbial || recipient)) {
        return { start: j, recipient: recipient && j > k ? [k, j] : undefined };
      }
      break;
    }
    if (isWord(t) && lex.clauseBreaks.has(t.w)) break;
  }
  let rec: [number, number] | undefined;
  if (recipient) {
    const a = k;
    k = skipListener(toks, k);
    if (k > a) rec = [a, k];
  } else if (toks[k]?.w === 'to' && toks[k + 1] && !toks[k + 1].q) {
    // `said to reporters:`, `says to Nevadans, "..."`: a listener introduced by `to`.
    const e = skipListener(toks, k + 1);
    if (e > k + 1 && toks[e] && (toks[e].w === ':' || toks[e].w === ',' || toks[e].w === 'that' || toks[e].q)) {
      rec = [k + 1, e];
      k = e;
    }
  }
  // Skip a time or place adverbial: `on Monday`, `in a statement`, `Tuesday`.
  for (let guard = 0; guard < 3; guard++) {
    const t = toks[k];
    if (!t || t.q) break;
    if (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier', 'later', 'again', 'recently', 'also'].includes(t.w)) {
      k++;
      continue;
    }
    if (t.w === 'on' && toks[k + 1] && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(toks[k + 1].w)) {
      k += 2;
      continue;
    }
    if (t.w === 'in' && ['a', 'an', 'its', 'his', 'her', 'their'].includes(toks[k + 1]?.w ?? '') && toks[k + 2] && !toks[k + 2].q) {
      // `in a statement`, `in an interview`, `in a Telegram post` up to a comma, colon or quote.
      let j = k + 2;
      while (toks[j] && isWord(toks[j]) && !toks[j].q && j - k < 6 && !lex.clauseBreaks.has(toks[j].w)) j++;
      if (toks[j] && (toks[j].w === ',' || toks[j].w === ':' || toks[j].q || toks[j].w === 'that')) {
        k = j;
        continue;
      }
    }
    break;
  }
  while (toks[k] && (toks[k].w === ',' || toks[k].w === ':' || toks[k].w === '—')) k++;
  return { start: k, recipient: rec };
}

// The words of each broadcaster name, split once (the listener checks run for every `told`).
const PHRASE_WORDS = new Map<string, string[]>();
const phraseWords = (b: string): string[] => {
  let w = PHRASE_WORDS.get(b);
  if (!w) PHRASE_WORDS.set(b, (w = b.split(' ')));
  return w;
};

/** Skips a listener after `told`/`asked`: a pronoun, `reporters`, a broadcaster, `the BBC`, a name. */
function skipListener(toks: readonly Tok[], k: number): number {
  const lex = lexicon();
  const t = toks[k];
  if (!t || t.q || !isWord(t)) return k;
  for (const b of lex.broadcasters) {
    const m = matchPhrase(toks, k, phraseWords(b));
    // `told BBC Radio Four’s Any Questions`: a programme name may follow the broadcaster.
    if (m > 0) return capChain(toks, m);
  }
  if (['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our'].includes(t.w)) {
    const n = toks[k + 1];
    if (!n || n.q || !isWord(n)) return k;
    if (n.cap) {
      // `told the Northline broadcaster`, `told the Daily Post newspaper`: a name and its kind.
      const c = capChain(toks, k + 1);
      return toks[c] && !toks[c].q && (lex.broadcasters.includes(toks[c].w) || LISTENER_KINDS.has(toks[c].w)) ? c + 1 : c;
    }
    const m = lex.broadcasters.map((b) => matchPhrase(toks, k + 1, phraseWords(b))).find((x) => x > 0);
    if (m) return m;
    // `told the crowd the plan ...`, `told a news conference they ...`: a listener of one to three nouns,
    // only when a clause or quote starts after it.
    for (let j = k + 2; j <= k + 4 && toks[j - 1] && isWord(toks[j - 1]) && !toks[j - 1].q; j++) {
      const after = toks[j];
      if (after && (after.q || [':', ',', 'that', 'the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'this', 'there'].includes(after.w))) return j;
      if (after && (VERBAL.has(after.w) || lex.clauseBreaks.has(after.w))) break;
    }
    return k;
  }
  if (lex.recipients.has(t.w)) return k + 1;
  if (t.cap) return capChain(toks, k);
  return k;
}

/** The end of a run of capitalised words (`New York Times`, `Fox News`), with inner `of` and `.`. */
function capChain(toks: readonly Tok[], k: number): number {
  while (toks[k] && !toks[k].q && (toks[k].cap || ((toks[k].w === 'of' || toks[k].w === '.') && toks[k + 1]?.cap))) k++;
  return k;
}

/** Classifies content: all quotation (direct), part quotation (mixed) or none (indirect). */
export function kindOf(content: readonly Sub[]): AttributionKind {
  if (!content.length) return 'indirect';
  // Every part is a quotation: it opens with a mark and closes with one, or runs on unclosed.
  // (A doubled apostrophe is a straight double quote in wire copy.)
  const opens = (t: string) => QUOTE_MARKS.test(t[0]) || t.startsWith("''");
  const closes = (t: string) => QUOTE_MARKS.test(t[t.length - 1]) || t.endsWith("''");
  const direct = content.every((c) => opens(c.text) && (closes(c.text) || !QUOTE_MARKS.test(c.text.slice(2))));
  if (direct) return 'direct';
  // A quotation of three words or more inside paraphrase makes it mixed; shorter ones are scare quotes.
  const quoted = content.some((c) => /["“«„][^"”»]*?\S+\s+\S+\s+\S+[^"”»]*["”»]/.test(c.text));
  return quoted ? 'mixed' : 'indirect';
}

/** Builds an attribution draft from one cue in one unit; `undefined` when the cue does not hold. */
export function parseCue(text: string, unit: Unit, hit: CueHit): Draft | undefined {
  const toks = unit.toks;
  const end = toks.length;
  const lex = lexicon();
  if (hit.kind === 'adverb') {
    const cue = span(text, toks, hit.a, hit.b)!;
    const content = [span(text, toks, 0, hit.a), sub(text, toks[hit.b - 1].e, unit.end)].filter((x): x is Sub => !!x);
    if (!content.length) return undefined;
    return { source: null, cue, content, kind: kindOf(content), unattributed: true, final: false };
  }
  if (hit.kind === 'question') {
    // The question runs to the next comma or colon: `When asked whether X, Smith said ...`.
    const cue = span(text, toks, hit.a, hit.b)!;
    const qa = questionAt(toks, hit.b);
    const from = qa >= 0 ? qa : hit.b;
    // `Asked by a reporter whether ...`: the asker is named after `by`.
    const asker = toks[hit.b]?.w === 'by' && from > hit.b + 1 ? span(text, toks, hit.b + 1, from) : null;
    let e = from;
    while (e < end && toks[e].w !== ',' && toks[e].w !== ':' && !(toks[e].q && e > from)) e++;
    const content = span(text, toks, from, e);
    if (!content) return undefined;
    if (asker) return { source: asker, cue, content: [content], kind: 'indirect', final: false };
    return { source: null, cue, content: [content], kind: 'indirect', unattributed: true, final: false };
  }
  if (hit.kind === 'evidential') {
    // The subject and the complement are the content (`Each skater | to be honing her style`); `it` is a placeholder.
    const cue = span(text, toks, hit.a, hit.b)!;
    const [la, lb] = trimSource(toks, scanLeft(toks, hit.a), hit.a);
    const before = lb - la === 1 && toks[la].w === 'it' ? null : span(text, toks, la, lb);
    let stop = end;
    for (let j = hit.b + 1; j < end - 1; j++) {
      if (toks[j].w === ',' && !toks[j].q && TRAILING_CLAUSE.has(toks[j + 1].w)) {
        stop = j;
        break;
      }
    }
    const after = stop > hit.b ? sub(text, toks[hit.b].s, stop < end ? toks[stop].s : unit.end) : null;
    if (!after) return undefined;
    const content = [before, after].filter((x): x is Sub => !!x);
    return { source: null, cue, content, kind: 'belief', unattributed: true, final: false };
  }
  if (hit.kind === 'passive') {
    const cue = span(text, toks, hit.a, hit.b)!;
    const before = hit.a > 0 && toks[hit.a - 1].w === 'it' && hit.a - 1 === scanLeft(toks, hit.a) ? null : span(text, toks, scanLeft(toks, hit.a), hit.a);
    const after = sub(text, toks[hit.b - 1].e, unit.end);
    const content = [before, after].filter((x): x is Sub => !!x);
    if (!after) return undefined;
    const belief = /^(believed|thought|feared|expected|understood|known|considered|suspected)$/.test(toks[hit.b - 1].w);
    return { source: null, cue, content, kind: belief ? 'belief' : kindOf(content), unattributed: true, final: false };
  }
  if (hit.kind === 'prep') {
    const cue = span(text, toks, hit.a, hit.b)!;
    // `according to the AP and television networks`: a coordinated source stays whole.
    let sb = scanRight(toks, hit.b);
    while (toks[sb]?.w === 'and' && !toks[sb + 1]?.q && sb - hit.b < MAX_SOURCE) sb = scanRight(toks, sb + 1);
    // `..., according to John Weaver, a Republican strategist.`: at the sentence end the description belongs to the source.
    if (hit.a > 0 && toks[hit.a - 1].w === ',' && toks[sb]?.w === ',' && !citing(text, toks, sb)) {
      const last = toks[end - 1];
      const stop = appositionTail(toks, sb + 1, last && /[.!?]/.test(last.w) ? end - 1 : end);
      if (stop > sb + 1 && stop - sb <= 40) sb = stop;
    }
    const source = span(text, toks, hit.b, sb);
    if (!source) return undefined;
    let after = sb;
    const via = citing(text, toks, sb);
    if (via) after = via.end;
    const left = hit.a > 0 ? trimSource(toks, 0, hit.a) : [0, 0];
    const leftText = left[1] > left[0] ? sub(text, toks[0].s, toks[hit.a - 1].e) : null;
    const right = after < end ? sub(text, toks[after].s, unit.end) : null;
    // `According to X, ...` puts content after; `..., according to X.` puts it before.
    const content = leftText && (toks[hit.a - 1].w === ',' || !right || toks[hit.a - 1].q) ? [leftText] : right ? [right] : [];
    if (!content.length) return undefined;
    return { source, cue, content, kind: 'according-to', final: content[0] === leftText, ...(via ? { via: [via.via] } : {}) };
  }
  // A reporting verb.
  const verb = hit.verb!;
  let a = hit.a;
  while (a > 0 && lex.auxiliaries.has(toks[a - 1].w) && !toks[a - 1].q) a--;
  // `went on to say`, `declined to comment`: the governing verb and `to` join the cue, with its auxiliaries.
  if (a === hit.a && toks[a - 1]?.w === 'to' && !toks[a - 1].q) {
    const cat = lex.catenatives.find((c) => c.length <= a - 1 && matchPhrase(toks, a - 1 - c.length, c) === a - 1);
    if (cat) {
      a -= 1 + cat.length;
      while (a > 0 && lex.auxiliaries.has(toks[a - 1].w) && !toks[a - 1].q) a--;
    }
  }
  let b = hit.b;
  for (const p of [['in', 'a', 'statement'], ['in', 'a', 'written', 'statement']]) {
    const m = matchPhrase(toks, b, p);
    if (m > 0) b = m;
  }
  const cue = span(text, toks, a, b)!;
  let srcA = scanLeft(toks, a);
  // A relative pronoun right before the cue is the source (`voters who said`).
  if (srcA < a && (toks[a - 1].w === 'who' || toks[a - 1].w === 'which')) srcA = a - 1;
  let [sa, sb] = trimSource(toks, srcA, a);
  // `Her directors and advisers said`, `current and former aides said`: a coordinated subject stays whole.
  if (sa === srcA && sb > sa && toks[sa - 1]?.w === 'and' && !toks[sa - 1].q) {
    const la = coordinatedStart(text, toks, sa - 1);
    if (la !== undefined) sa = srcA = la;
  }
  // A source phrase that opens with a preposition (`In a Telegram post`) is no subject: the cue is a noun.
  if (sb - sa > 1 && PREPOSITIONS.has(toks[sa].w) && !(toks[sa].w === 'about' && /^\d/.test(toks[sa + 1].w))) return undefined;
  let source: Sub | null = sa < sb ? span(text, toks, sa, sb) : null;
  let final = false;
  let inverted = false;
  let inherit = false;
  let subjectGuess: (() => Sub | null) | undefined;
  let tailStart = b;
  let via: Sub | undefined;
  const before = toks[srcA - 1];
  const ing = /ing$/.test(toks[hit.a].w);
  if (!source && before && (ing || ['and', 'but', 'or'].includes(before.w))) {
    // `..., saying ...` / `Smith met them and said ...`: the sentence's subject speaks.
    // Kept aside: the stage prefers the source of the attribution this clause continues.
    const to = a;
    subjectGuess = () => {
      const subj = subjectOf(toks);
      return taggedSubject(text, toks[0]?.s ?? unit.start, toks[to].s) ?? (subj && subj[1] < to ? span(text, toks, subj[0], subj[1]) : null);
    };
    inherit = true;
    srcA = a;
  } else if (!source && before && (before.w === ',' || isQuoteMark(before) || DASHES.has(before.w))) {
    const app = before.w === ',' ? apposition(toks, srcA - 1) : DASHES.has(before.w) ? dashAside(toks, srcA - 1) : undefined;
    if (app !== undefined) {
      source = span(text, toks, app, before.w === ',' ? appositionEnd(toks, app, srcA - 1) : srcA - 1);
      srcA = app;
    } else {
      // Inverted: `"...," said Smith` or `..., said the ministry, citing ...`.
      const e = scanRight(toks, b);
      const s = span(text, toks, b, e);
      if (!s || e - b > MAX_SOURCE) {
        // `Gov. Smith (R-OH), said, "..."`: a name set off by a comma before the cue.
        const s0 = scanLeft(toks, srcA - 1);
        if (before.w !== ',' || !nameLike(toks, s0, srcA - 1)) return undefined;
        source = span(text, toks, s0, srcA - 1);
        srcA = s0;
      } else {
        let stop = e;
        // An apposition running to the end of the sentence belongs to the source.
        // (`said Ann Lee, 31, a nurse from Ohio who ...`, `said Bo Ray, president of the union.`); not a
        // clause attached after the source (`, adding ...`, `, but ...`, `, in a statement`).
        if (toks[e]?.w === ',' && !citing(text, toks, e)) {
          const last = toks[end - 1];
          const lastIdx = appositionTail(toks, e + 1, last && /[.!?]/.test(last.w) ? end - 1 : end);
          if (lastIdx - e <= 40 && lastIdx > e + 1) stop = lastIdx;
        }
        source = span(text, toks, b, stop);
        tailStart = stop;
        inverted = true;
      }
    }
  }
  const left = toks[srcA - 1];
  const hasLeft = srcA > 0 && left && (left.w === ',' || isQuoteMark(left) || left.w === '—' || left.q);
  // The words after the cue: short (a time, a listener) when the content is on the left.
  let k = tailStart;
  const cited = citing(text, toks, k);
  if (cited) {
    via = cited.via;
    k = cited.end;
  }
  const tail = toks.slice(k).filter((t) => isWord(t) || t.q);
  // After a content-first cue only a time, place, channel or listener may follow (`, Smith said on Monday.`).
  const afterListener = verb.recipient ? toks.slice(skipListener(toks, k)).filter((t) => isWord(t) || t.q) : tail;
  const tailIsShort =
    (toks[k]?.w === ',' && toks[k + 1] && !toks[k + 1].q && isWord(toks[k + 1]) && (/ing$/.test(toks[k + 1].w) || TRAILING_CLAUSE.has(toks[k + 1].w))) ||
    // After a closing quote the cue ends the report: `..." he told supporters at a rally in Ohio.`
    (isQuoteMark(toks[srcA - 1]) && !tail.some((t) => t.q) && tail[0]?.w !== 'that' && tail.length <= 30) ||
    (!tail.some((t) => t.q || t.w === 'that') && tail.length <= MAX_TAIL && (afterListener.length === 0 || lex.adverbials.has(afterListener[0].w)));
  const tailIsQuote = toks[k]?.w === ',' && toks[k + 1]?.q;
  // `In any case, Smith said, the industry was over-supplied`: the cue interrupts its content.
  const tailIsMiddle = !tailIsQuote && toks[k]?.w === ',' && !!toks[k + 1] && isWord(toks[k + 1]) && !toks[k + 1].q && !tailIsShort && !inverted;
  let content: Sub[] = [];
  let recipient: Sub | undefined;
  if (hasLeft && !inherit && (inverted || tailIsShort || tailIsQuote || tailIsMiddle)) {
    final = true;
    const lastTok = srcA - 1;
    const leftEnd = isQuoteMark(left) ? left.e : left.s;
    const c = lastTok > 0 || isQuoteMark(left) ? sub(text, unit.start, leftEnd, isQuoteMark(left)) : null;
    if (c) content.push(c);
    if (tailIsQuote || tailIsMiddle) {
      const q = sub(text, toks[k + 1].s, unit.end, tailIsQuote);
      if (q) content.push(q);
    } else if (verb.recipient && tail.length) {
      const r = contentStart(toks, k, true).recipient;
      if (r) recipient = span(text, toks, r[0], r[1]) ?? undefined;
    }
  } else if (!inverted) {
    const cs = contentStart(toks, k, verb.recipient);
    if (cs.recipient) recipient = span(text, toks, cs.recipient[0], cs.recipient[1]) ?? undefined;
    if (cs.start < end) {
      const quoted = toks[cs.start].q;
      // A quotation keeps its final stop, also when it runs on unclosed into the next paragraph.
      const unclosed = !toks.slice(cs.start + 1).some((t) => isQuoteMark(t));
      // `X said Y, but ...`: the content ends where a contrast, time or reason clause is attached with a
      // comma. A participle clause (`..., leaving him ...`) stays: annotators keep it inside the content,
      // and `, adding Z` is cut by its own attribution.
      let stop = unit.end;
      // `Barkley, who said he votes Democratic, said ...`: a cue in a relative clause ends at its comma.
      const relative = source && /^(who|which)$/i.test(source.text) && toks[sa - 1]?.w === ',';
      for (let j = cs.start + 1; j < end - 1; j++) {
        const n = toks[j + 1];
        if (relative && toks[j].w === ',' && !toks[j].q) {
          stop = toks[j].s;
          break;
        }
        if (toks[j].q || n.q || !(toks[j].w === ',' || toks[j].w === '–' || toks[j].w === '—')) continue;
        if (TRAILING_CLAUSE.has(n.w)) {
          stop = toks[j].s;
          break;
        }
      }
      const c = sub(text, toks[cs.start].s, stop, quoted && stop === unit.end && (isQuoteMark(toks[end - 1]) || unclosed));
      if (c) content.push(c);
    }
  } else return undefined;
  if (source && sb - sa > MAX_SOURCE) return undefined;
  // A source holding an auxiliary, a negation or an infinitive `to` is a verb phrase, so the cue word is not
  // the clause's reporting verb (`she will have to emphasize`, `the donor didn't disclose`).
  if (source && !inverted && sb > sa) {
    // Words after a relative pronoun (`people who were there said`) may be verbs.
    const rel = toks.slice(sa, sb).findIndex((t) => t.w === 'who' || t.w === 'which' || t.w === 'that');
    // Words in parentheses (`Murphy (a Democrat who has been ...) says`) do not count.
    let depth = 0;
    const head = toks.slice(sa, rel < 0 ? sb : sa + rel).filter((t) => {
      if (t.w === '(') depth++;
      else if (t.w === ')') depth = Math.max(0, depth - 1);
      return depth === 0 && t.w !== ')';
    });
    const infinitive = (n: number) => {
      const next = head[n + 1];
      return !next || (!next.cap && !/^\d/.test(next.w) && !lex.determiners.has(next.w) && !lex.recipients.has(next.w));
    };
    const bad = head.findIndex(
      (t, n) =>
        (t.w === 'to' ? infinitive(n) : VERBAL.has(t.w)) ||
        /n[’']t$/.test(t.w) ||
        (n === 0 && /ing$/.test(t.w) && !t.cap) ||
        // Another reporting verb inside the source (`people say she acknowledges`): this cue is embedded.
        (!t.cap && !/ing$/.test(t.w) && lex.verbs.get(t.w)?.class === 'speech' && !lex.verbs.get(t.w)?.nounlike),
    );
    if (bad >= 0) {
      // `voters are more likely to say ...`: with an infinitive cue the subject before the verb group speaks.
      const subject = toks[a - 1]?.w === 'to' && bad > 0 ? span(text, toks, sa, toks.indexOf(head[bad])) : null;
      if (!subject || toks.slice(sa, toks.indexOf(head[bad])).some((t) => !t.cap && /(ed|ing)$/.test(t.w))) return undefined;
      source = subject;
    }
  }
  if (!source && !final && !inherit) return undefined;
  const draft: Draft = {
    source,
    cue,
    content,
    kind: verb.class === 'belief' ? 'belief' : kindOf(content),
    final,
    verbLemma: verb.lemma,
    verbClass: verb.class,
  };
  if (!content.length) draft.wantsPrevious = true;
  // `“...!”` / `Murphy tweeted on Friday.`: a cue opening its sentence with only an adverbial after it
  // reports the quotation just before, when there is one.
  else if (!final && srcA === 0 && tailIsShort && !tail.some((t) => t.w === 'that')) draft.preferPrevious = true;
  if (inherit) {
    draft.inherit = true;
    if (subjectGuess) draft.subjectGuess = subjectGuess;
  }
  // `..., and Smith said ...` / `...; Smith said`: where this clause begins, so an earlier content can stop there.
  const boundary = toks[srcA - 1];
  if (boundary && !final && (['and', 'but', 'while', 'whereas', ';'].includes(boundary.w) || (inherit && boundary.w === ','))) {
    const at = toks[srcA - 2]?.w === ',' ? srcA - 2 : srcA - 1;
    draft.clauseStart = toks[at].s;
  }
  if (via) draft.via = [via];
  if (recipient) draft.recipient = recipient;
  return draft;
}

/**
 * Where the first conjunct before `and` (token `and`) starts, when it is a short noun phrase at a clause
 * start (checked by part-of-speech tags, so `Smith won Iowa and aides said` stays apart); else undefined.
 */
function coordinatedStart(text: string, toks: readonly Tok[], and: number): number | undefined {
  const lex = lexicon();
  let j = and - 1;
  while (j >= 0 && and - j <= 6 && isWord(toks[j]) && !toks[j].q && !lex.clauseBreaks.has(toks[j].w)) j--;
  const start = j + 1;
  if (start >= and) return undefined;
  const opener = toks[j];
  if (opener && !(opener.w === ',' || opener.w === ';' || opener.q || opener.w === 'that' || lex.fillers.has(opener.w))) return undefined;
  let [a] = trimSource(toks, start, and);
  if (a >= and) return undefined;
  const w = winkTagger();
  const pos = w.readDoc(text.slice(toks[a].s, toks[and - 1].e)).tokens().out(w.its.pos) as string[];
  return pos.every((p) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PUNCT', 'ADP', 'CCONJ'].includes(p)) && pos.some((p) => p === 'NOUN' || p === 'PROPN' || p === 'PRON' || p === 'ADJ') ? a : undefined;
}

/**
 * The subject of the clause in `text[start, end)` by part-of-speech tags: the words before the first
 * verb, after any opening phrase set off by a comma. Used only for the few cues that need it.
 */
function taggedSubject(text: string, start: number, end: number): Sub | null {
  const w = winkTagger();
  const doc = w.readDoc(text.slice(start, end));
  const values = doc.tokens().out(w.its.value) as string[];
  const spaces = doc.tokens().out(w.its.precedingSpaces) as string[];
  const pos = doc.tokens().out(w.its.pos) as string[];
  let at = 0;
  const starts: number[] = [];
  for (let i = 0; i < values.length; i++) {
    at += spaces[i].length;
    starts.push(at);
    at += values[i].length;
  }
  let first = 0;
  for (let i = 0; i < values.length; i++) {
    if (pos[i] === 'VERB' || pos[i] === 'AUX') {
      if (i === first) return null;
      // Skip determiners-only or adverb-only stretches: the subject needs a noun or pronoun.
      if (!pos.slice(first, i).some((p) => p === 'NOUN' || p === 'PROPN' || p === 'PRON')) return null;
      return sub(text, start + starts[first], start + starts[i - 1] + values[i - 1].length, true);
    }
    if (values[i] === ',') first = i + 1;
    else if (i === first && (pos[i] === 'CCONJ' || pos[i] === 'ADV' || pos[i] === 'SCONJ')) first = i + 1;
  }
  return null;
}

/** The subject at the start of a unit: a pronoun or a run of capitalised words (after openers). */
function subjectOf(toks: readonly Tok[]): [number, number] | undefined {
  const lex = lexicon();
  let a = 0;
  while (a < toks.length && (lex.fillers.has(toks[a].w) || toks[a].w === ',')) a++;
  const t = toks[a];
  if (!t || t.q) return undefined;
  if (['he', 'she', 'they', 'we', 'i', 'it'].includes(t.w)) return [a, a + 1];
  let b = a;
  if (['the', 'a', 'an'].includes(t.w)) b++;
  const c = capChainEnd(toks, b);
  if (c === b || c - a > 7) return undefined;
  return [a, c];
}

function capChainEnd(toks: readonly Tok[], k: number): number {
  while (toks[k] && !toks[k].q && (toks[k].cap || (['of', '.', '(', ')'].includes(toks[k].w) && (toks[k + 1]?.cap || toks[k + 1]?.w === ')' || toks[k + 1]?.w === ',')))) k++;
  return k;
}

/**
 * `Smith, the mayor, said` / `Prince, chief of X, a Y company, said` / `Smith, who ..., said`:
 * given the comma before the cue, returns where the source starts, or undefined.
 */
function apposition(toks: readonly Tok[], comma: number): number | undefined {
  let k = comma;
  for (let n = 0; n < 3; n++) {
    const s2 = scanLeftLoose(toks, k);
    if (s2 >= k || toks[s2 - 1]?.w !== ',') return undefined;
    const k1 = s2 - 1;
    const s1 = scanLeft(toks, k1);
    const opener = toks[s1 - 1];
    // The head phrase stands at a clause start (sentence start, after `that`, a quote or a colon).
    const atStart = !opener || opener.q || opener.w === 'that' || opener.w === ':' || lexicon().clauseBreaks.has(opener.w);
    if (s1 < k1 && atStart) {
      // An opening adverbial (`In his response, Smith, the dean, said`): the source starts after it.
      const first = toks[s1];
      if (PREPOSITIONS.has(first.w) || lexicon().fillers.has(first.w) || first.w === 'just') return s2;
      const nounPhrase = k1 - s1 <= 8 && !toks.slice(s1, k1).some((t) => !t.cap && (VERBAL.has(t.w) || /ed$/.test(t.w) || lexicon().verbs.has(t.w)));
      if (nameLike(toks, s1, k1) || nounPhrase) return s1;
    }
    if (!opener || opener.w !== ',') return undefined;
    k = k1;
  }
  return undefined;
}

/** Words that open a comma-set aside that is not a description of the source (`Smith, however, said`). */
const ASIDE_OPENERS = new Set(['who', 'whose', 'which', 'whom', 'where', 'when', 'meanwhile', 'too', 'however', 'though', 'also', 'instead', 'again', 'once', 'still', 'now', 'then', 'for', 'in', 'on', 'at', 'after', 'before', 'during', 'like', 'unlike', 'as', 'with', 'without', 'by', 'from', 'among', 'despite', 'speaking', 'clearly', 'perhaps', 'apparently', 'not']);

/**
 * `Smith, the mayor, who ..., said`: the source is the head and its descriptions (`Smith, the mayor`);
 * a relative clause, a participle or an adverbial set off by commas is left out.
 */
function appositionEnd(toks: readonly Tok[], a: number, b: number): number {
  let end = a;
  let k = a;
  while (k < b) {
    let j = k;
    let depth = 0;
    while (j < b && !(toks[j].w === ',' && depth === 0)) {
      if (toks[j].w === '(') depth++;
      else if (toks[j].w === ')') depth = Math.max(0, depth - 1);
      j++;
    }
    if (k > a) {
      const first = toks[k];
      const aside = !first || ASIDE_OPENERS.has(first.w) || (!first.cap && /(ing|ed|ly)$/.test(first.w) && first.w.length > 4);
      if (aside) break;
    }
    end = j;
    k = j + 1;
  }
  return end;
}

const DASHES = new Set(['—', '–', '-']);

/** `McCain -- who lost in 2008 -- said`: a source, then an aside between dashes; returns where the source starts. */
function dashAside(toks: readonly Tok[], dash: number): number | undefined {
  let k = dash;
  while (k > 0 && DASHES.has(toks[k - 1].w)) k--;
  let j = k - 1;
  while (j >= 0 && !DASHES.has(toks[j].w) && !toks[j].q && k - j < 25) j--;
  if (j < 0 || !DASHES.has(toks[j].w)) return undefined;
  while (j > 0 && DASHES.has(toks[j - 1].w)) j--;
  const s1 = scanLeft(toks, j);
  if (s1 >= j || (s1 > 0 && !toks[s1 - 1].q && !lexicon().clauseBreaks.has(toks[s1 - 1].w))) return undefined;
  return nameLike(toks, s1, j) || (j - s1 <= 8 && !toks.slice(s1, j).some((t) => !t.cap && (VERBAL.has(t.w) || /ed$/.test(t.w)))) ? s1 : undefined;
}

/** Like scanLeft, but lets a relative clause (`who leads the party`) through its clause words. */
function scanLeftLoose(toks: readonly Tok[], i: number): number {
  let j = i - 1;
  while (j >= 0 && i - j <= 20) {
    const t = toks[j];
    if (t.q || (!isWord(t) && t.w !== '.' && t.w !== '(' && t.w !== ')' && t.w !== '’' && t.w !== "'")) break;
    j--;
  }
  return j + 1;
}
