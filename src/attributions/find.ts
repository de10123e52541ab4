import { lexicon, type CueVerb } from './lexicon.js';
import { SCALES, TENS, UNITS } from '../quantities/data.js';

/** A word or punctuation token: clean-text bounds, lower-cased form, and whether it sits in a quote. */
export interface Tok {
  s: number;
  e: number;
  w: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Inside a quotation (marks included). */
  q: boolean;
}

/** A quotation in a paragraph: marks included; `open` when it runs to the paragraph end unclosed. */
export interface Quote {
  start: number;
  end: number;
  open: boolean;
}

/** A stretch of a paragraph that no quotation crosses: one or more sentences. */
export interface Unit {
  start: number;
  end: number;
  para: number;
  toks: Tok[];
}

/** A place where an attribution may be anchored, before its parts are found. */
export interface CueHit {
  kind: 'verb' | 'prep' | 'adverb' | 'passive' | 'question' | 'evidential';
  /** Token range of the cue itself. */
  a: number;
  b: number;
  verb?: CueVerb;
}

const QUESTION_WORDS = new Set(['whether', 'if', 'about', 'what', 'who', 'whom', 'why', 'how', 'when', 'where', 'which', 'by', 'to']);
/** Words before which the bare form of a verb is a verb: pronouns, modals, `to`, `did`. */
const BARE_SUBJECT = new Set(['i', 'you', 'we', 'they', 'to', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'do', 'does', 'not', 'also', 'who', 'often', 'never', 'always', 'still', 'then']);
/** Words that may follow a reporting verb: a complementiser, a determiner, a pronoun, a question word. */
const CLAUSE_NEXT = new Set(['that', 'the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'my', 'no', 'how', 'what', 'why', 'whether', 'if', 'there', 'this', 'these', 'those', ':', ',', 'him', 'them', 'me', 'us', 'to', 'for', 'on', 'in', 'himself', 'herself', 'themselves', 'itself']);
const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);
/** Any quotation mark, opening or closing. */
export const QUOTE_MARKS = /["“”«»„]|''/;

/** Finds quotations in one paragraph (`text` is the paragraph, `offset` its position). */
export function findQuotes(text: string, offset: number): Quote[] {
  const out: Quote[] = [];
  let openAt = -1;
  // Jump from quote mark to quote mark: most characters are not marks.
  const marks = /["“”«»„']/g;
  let m: RegExpExecArray | null;
  while ((m = marks.exec(text))) {
    const i = m.index;
    let c = m[0];
    // Two apostrophes stand for a straight double quote in some wire copy.
    const pair = c === "'" && text[i + 1] === "'";
    if (c === "'" && !pair) continue;
    if (pair) {
      c = '"';
      marks.lastIndex = i + 2;
    }
    if (openAt < 0 && (OPEN.has(c) || c === '"')) {
      // A straight quote opens only where a quotation can begin (not `5" tall`).
      if (c === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
      openAt = i;
    } else if (openAt >= 0 && (c === '"' || CLOSE.has(c))) {
      // Any closing mark ends a quotation: copy often mixes straight and curly marks.
      out.push({ start: offset + openAt, end: offset + i + (pair ? 2 : 1), open: false });
      openAt = -1;
    } else if (openAt >= 0 && OPEN.has(c)) {
      // A new opening mark before a close: the earlier quote was left open (typo); restart here.
      openAt = i;
    }
  }
  if (openAt >= 0) out.push({ start: offset + openAt, end: offset + text.trimEnd().length, open: true });
  return out;
}

const TOKEN = /''|(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’\-&][\p{L}\p{N}]+)*|\S/gu;

const asciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const asciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Length of the `TOKEN` match at `seg[i]` (an ASCII character that is not a space), read by hand;
 * 0 when a character beyond ASCII takes part, so the caller asks the regex (same result, fewer calls).
 */
function asciiTokenAt(seg: string, i: number): number {
  const c = seg.charCodeAt(i);
  if (c === 39 && seg.charCodeAt(i + 1) === 39) return 2;
  if (!asciiAlnum(c)) return 1;
  if (asciiLetter(c)) {
    // (?:\p{L}\.){2,}: `U.S.`, `a.m.`
    let k = i;
    while (seg.charCodeAt(k + 1) === 46) {
      const n = seg.charCodeAt(k + 2);
      if (n >= 128 && k + 2 < seg.length) return 0;
      if (k + 2 >= seg.length || !asciiLetter(n) || seg.charCodeAt(k + 3) !== 46) break;
      k += 2;
    }
    if (k > i) return k + 2 - i;
  }
  // [\p{L}\p{N}]+(?:['’\-&][\p{L}\p{N}]+)*
  let j = i + 1;
  for (;;) {
    while (j < seg.length && asciiAlnum(seg.charCodeAt(j))) j++;
    if (j >= seg.length) return j - i;
    const d = seg.charCodeAt(j);
    if (d >= 128) return 0;
    if (d !== 39 && d !== 45 && d !== 38) return j - i;
    const n = seg.charCodeAt(j + 1);
    if (n >= 128) return 0;
    if (!asciiAlnum(n)) return j - i;
    j += 2;
  }
}

/** Tokenizes `text[start, end)` and marks tokens inside any of the quotes. */
export function tokenize(text: string, start: number, end: number, quotes: readonly Quote[]): Tok[] {
  const out: Tok[] = [];
  const seg = text.slice(start, end);
  let qi = 0;
  let i = 0;
  while (i < seg.length) {
    const c = seg.charCodeAt(i);
    // ASCII spaces are skipped and ASCII tokens read by hand; anything else goes to the regex.
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    let at = i;
    let len = c < 128 ? asciiTokenAt(seg, i) : 0;
    if (!len) {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(seg);
      if (!m) break;
      at = m.index;
      len = m[0].length;
    }
    i = at + len;
    const word = seg.slice(at, i);
    const s = start + at;
    // Word tokens keep their case in `cap`; `w` is lower-cased.
    const e = s + len;
    while (qi < quotes.length && quotes[qi].end <= s) qi++;
    const q = qi < quotes.length && quotes[qi].start <= s && s < quotes[qi].end;
    const c0 = word.charCodeAt(0);
    // ASCII fast path for the case test; other scripts use the Unicode property.
    const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : /^\p{Lu}/u.test(word);
    out.push({ s, e, w: word.toLowerCase(), cap, q });
  }
  return out;
}

/** More `(` than `)` in `text[start, end)`. */
function unbalanced(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth > 0;
}

/** Groups a paragraph's sentences into units so that no quotation is split between units. */
export function unitsOf(sentences: ReadonlyArray<{ start: number; end: number }>, quotes: readonly Quote[], text = ''): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    // A sentence cannot start in lower case: the splitter broke after an abbreviation (`Sen. Paul (R-Ky.) said`).
    // Nor inside parentheses (`Rep. Lee (D-N.C.) said`).
    if (prev && (/^\p{Ll}/u.test(text[s.start] ?? '') || unbalanced(text, prev.start, prev.end))) prev.end = s.end;
    else if (prev && quotes.some((q) => q.start < prev.end && q.end > prev.end && !q.open)) {
      // The splitter cut before a closing mark (`...Deal.'' Mr. Smith said`): move the cut after the mark.
      const q = quotes.find((x) => x.start < prev.end && x.end > prev.end && !x.open)!;
      let at = q.end;
      while (at < s.end && /\s/.test(text[at] ?? '')) at++;
      if (text && q.end <= s.start + 2 && at < s.end && /^[\s"'”»’]*$/.test(text.slice(s.start, q.end))) {
        prev.end = q.end;
        out.push({ start: at, end: s.end });
      } else prev.end = s.end;
    }
    else if (prev && quotes.some((q) => q.open && q.start < prev.end && q.end >= s.start)) prev.end = s.end;
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** True when the token is a word (starts with a letter or digit), not punctuation. */
export function isWord(t: Tok | undefined): boolean {
  if (!t) return false;
  const c = t.w.charCodeAt(0);
  return c < 128 ? asciiAlnum(c) : /[\p{L}\p{N}]/u.test(t.w[0]);
}

/** Matches a multi-word phrase (lower-case words) at token `i`; returns the end index or -1. */
export function matchPhrase(toks: readonly Tok[], i: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) if (toks[i + k]?.w !== words[k] || toks[i + k].q) return -1;
  return i + words.length;
}

/** A number written as a word ("thirty", "hundreds"), from the quantities stage's number words. */
const isNumberWord = (w: string) => UNITS.has(w) || TENS.has(w) || SCALES.has(w) || SCALES.has(w.replace(/s$/, '')) || w === 'dozen' || w === 'dozens';

/** Finds cue candidates in one unit's tokens: reporting verbs, `according to`, `reportedly`, agentless passives. */
export function findCues(toks: readonly Tok[]): CueHit[] {
  const lex = lexicon();
  const out: CueHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.q || !isWord(t)) continue;
    const prep = lex.prepositionalFirst.has(t.w) ? lex.prepositional.find((p) => matchPhrase(toks, i, p) > 0) : undefined;
    if (prep) {
      // `per` alone is too common; it is a cue only before a capitalised source.
      if (prep.length === 1 && !toks[i + 1]?.cap) continue;
      out.push({ kind: 'prep', a: i, b: i + prep.length });
      i += prep.length - 1;
      continue;
    }
    // `In a CNN poll, ...` / `... among voters in a Gallup survey.`: a document named as the source.
    if (t.w === 'in' && (i === 0 || toks[i - 1].w === ',')) {
      let j = i + 1;
      while (j < toks.length && j - i <= 8 && isWord(toks[j]) && !toks[j].q && !lex.clauseBreaks.has(toks[j].w) && !lex.documentSources.has(toks[j].w)) j++;
      if (toks[j] && lex.documentSources.has(toks[j].w) && !toks[j].q && (!toks[j + 1] || !isWord(toks[j + 1]) || toks[j + 1].w === 'released' || toks[j + 1].w === 'published')) {
        out.push({ kind: 'prep', a: i, b: i + 1 });
        continue;
      }
    }
    if (lex.adverbs.has(t.w)) {
      // `X reportedly said ...`: the adverb hedges the verb that follows; the verb is the cue.
      const after = toks[i + 1];
      if (after && !after.q && lex.verbs.has(after.w)) continue;
      out.push({ kind: 'adverb', a: i, b: i + 1 });
      continue;
    }
    const prev = toks[i - 1];
    const next = toks[i + 1];
    // `Smith seems to be leading`, `it appeared that ...`: an impression nobody is named as holding.
    if (lex.evidential.has(t.w)) {
      if (next && !next.q && (lex.evidentialNext.has(next.w) || (/ly$/.test(next.w) && next.w.length > 4))) {
        let a = i;
        while (a > 0 && lex.auxiliaries.has(toks[a - 1].w) && !toks[a - 1].q) a--;
        out.push({ kind: 'evidential', a, b: i + 1 });
      }
      continue;
    }
    // Agentless passive: `it has been reported that`, `X is said to`.
    if (lex.passiveVerbs.has(t.w) && prev && lex.passiveAux.has(prev.w) && !prev.q) {
      if (next && (next.w === 'that' || next.w === 'to')) {
        let a = i - 1;
        while (a > 0 && (lex.passiveAux.has(toks[a - 1].w) || ['has', 'have', 'had', 'also', 'widely', 'not', 'now', 'long'].includes(toks[a - 1].w))) a--;
        out.push({ kind: 'passive', a, b: i + 1 });
        continue;
      }
      if (lex.passiveAux.has(prev.w)) continue;
    }
    const verb = lex.verbs.get(t.w);
    if (!verb) continue;
    // `When asked whether ...`, `Asked about ...`, `was asked if ...`: a question whose asker goes unnamed.
    // (`Asked by a reporter whether ...`, `Asked Tuesday about ...`: a short adverbial may come first.)
    if (verb.lemma === 'ask' && t.w === 'asked' && (!prev || prev.w === 'when' || prev.w === 'if' || prev.w === ',' || lex.passiveAux.has(prev.w)) && questionAt(toks, i + 1) >= 0) {
      out.push({ kind: 'question', a: lex.passiveAux.has(prev?.w ?? '') ? i - 1 : i, b: i + 1 });
      continue;
    }
    if (verb.particle && !verb.particle.includes(next?.w ?? '')) continue;
    if (verb.nounlike && prev && !prev.q && lex.determiners.has(prev.w) && prev.w !== 'that') continue;
    if (prev && (prev.w.endsWith('’s') || prev.w.endsWith("'s")) && verb.nounlike) continue;
    // `United States`, `Secretary of State`, `Washington Post`: a capitalised word before a noun-like form names a thing.
    // Past forms (`Trump tweeted`, `The Post reported`) are verbs even after a name.
    // A present form after a name is a verb when an object follows (`Biden calls him`, `Smith claims that`).
    // (In title case, `Clinton Calls For ...`, the next word is capitalised too.) `United States` stays a name.
    // (`"...," Bozell notes.`: right after a quotation a closing stop is fine too.)
    const afterQuote = toks.slice(Math.max(0, i - 3), i).some((x) => x.q) && (!next || next.w === '.' || next.w === ',');
    const objectNext = /s$/.test(t.w) && !!next && (afterQuote || next.q || next.cap || CLAUSE_NEXT.has(next.w)) && prev?.w !== 'united';
    if (verb.nounlike && !/ed$/.test(t.w) && !objectNext && prev?.cap && !['he', 'she', 'they', 'we', 'i', 'it'].includes(prev.w)) continue;
    if (verb.notBefore && next && verb.notBefore.includes(next.w)) continue;
    if (verb.asComplement && !asAhead(toks, i)) continue;
    if (verb.clauseOnly && !/(ed|ing)$/.test(t.w) && !(next && (next.q || next.w === 'that' || next.w === ':' || (next.w === ',' && toks[i + 2]?.q))) && !toks.slice(Math.max(0, i - 3), i).some((x) => x.q)) continue;
    // An -ing form reports only as a clause of its own: `, saying`, `and adding`, `was telling`.
    // (`... of “New York values,” saying ...`: the comma sits inside the closing mark.)
    const commaQuote = !!prev && QUOTE_MARKS.test(prev.w) && toks[i - 2]?.w === ',';
    if (/ing$/.test(t.w) && !(prev && (prev.w === ',' || commaQuote || prev.w === 'and' || prev.w === '—' || lex.passiveAux.has(prev.w) || prev.w === 'while' || prev.w === 'after')) && !withSubject(toks, i)) continue;
    if (next && (next.w === 'of' || next.w === 'by') && verb.nounlike) continue;
    if (prev?.w === 'to' && verb.class !== 'speech') continue;
    // A participle right after a figure (not a year: `in 2016 claimed`) is adjectival: `31 confirmed dead`, `12 reported cases`.
    if (/ed$/.test(t.w) && prev && !prev.q && ((/^\d[\d,.]*$/.test(prev.w) && !/^(?:1[89]|20)\d\d$/.test(prev.w)) || isNumberWord(prev.w))) continue;
    // A participle after `be` is passive or adjectival (was told, is expected, were worried).
    if (prev && lex.passiveAux.has(prev.w) && /(ed|en|ld|wn|ought|ound)$/.test(t.w)) continue;
    // The bare form of a noun-like verb needs a subject that takes it (`they report`, `will claim`), not a noun (`news report`).
    if (verb.nounlike && t.w === verb.lemma && prev && !BARE_SUBJECT.has(prev.w) && !(/[^s']s$/.test(prev.w) && prev.w !== 'news')) continue;
    // A present noun-like form (`states`, `shows`, `reports`) is a verb only when a clause or object follows it.
    if (verb.nounlike && !/ed$/.test(t.w) && t.w !== verb.lemma && !afterQuote && !(next && (next.q || next.cap || CLAUSE_NEXT.has(next.w)))) continue;
    // A noun-like form opening a clause is a noun (`Reports say ...`).
    if (verb.nounlike && !/(ed|ing)$/.test(t.w) && (!prev || !isWord(prev))) continue;
    // Verbs that report only right next to a quotation (`"...," she continued`, `Hannity started: "..."`).
    if (verb.quoteOnly && !toks.slice(Math.max(0, i - 3), i + 3).some((x) => x.q)) continue;
    const particle = verb.particle || (next && verb.optionalParticles?.includes(next.w)) || (!lex.particlesNotAfter.has(verb.lemma) && takesParticle(toks, i + 1));
    out.push({ kind: 'verb', a: i, b: particle ? i + 2 : i + 1, verb });
  }
  return out;
}

/** `said of Smith`, `warned against`, `asked about the plan`: a preposition whose object follows (not `about 40`, `on Monday`). */
function takesParticle(toks: readonly Tok[], i: number): boolean {
  const lex = lexicon();
  const p = toks[i];
  const n = toks[i + 1];
  if (!p || p.q || !lex.particles.has(p.w) || !n || (!isWord(n) && !n.q)) return false;
  return !lex.particlesNotBefore.has(n.w) && !/^\d/.test(n.w);
}

/** Where the question after `asked` starts: the next token, or a question word after a short adverbial; -1 if none. */
export function questionAt(toks: readonly Tok[], i: number): number {
  if (toks[i] && !toks[i].q && QUESTION_WORDS.has(toks[i].w) && (toks[i].w !== 'by' || !isWord(toks[i + 1]))) return i;
  for (let j = i; j < toks.length && j <= i + 8; j++) {
    const t = toks[j];
    if (t.q || (!isWord(t) && t.w !== '.')) return -1;
    if (j > i && QUESTION_WORDS.has(t.w) && t.w !== 'by' && t.w !== 'to') return j;
  }
  return -1;
}

/** `as` within a short object after token `i`, with no clause boundary in between (`sees Smith as a threat`). */
function asAhead(toks: readonly Tok[], i: number): boolean {
  for (let j = i + 1; j < toks.length && j <= i + 8; j++) {
    const t = toks[j];
    if (t.w === 'as' && !t.q) return j > i + 1;
    if (!isWord(t) || lexicon().clauseBreaks.has(t.w)) return false;
  }
  return false;
}

/** `with 30 percent of voters saying ...`: an -ing cue whose subject follows `with`. */
function withSubject(toks: readonly Tok[], i: number): boolean {
  for (let j = i - 1; j >= 0 && i - j <= 8; j--) {
    if (toks[j].q || !isWord(toks[j])) return false;
    if (toks[j].w === 'with') return j < i - 1;
  }
  return false;
}
