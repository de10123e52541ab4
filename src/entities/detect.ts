/**
 * Entity mention finding, rule by rule; each mention records the rule that typed it (`basis`):
 * 1. gazetteer: countries, demonyms, capitals and cities, regions, groups, organisations (data/*.json);
 *    a capital followed by a verb and not after a preposition stands for its government;
 *    after "Country's", a lower-case description names that country's agency ("military intelligence agency");
 * 2. runs of capitalised words (sentence-initial words only when wink tags them PROPN), joined by
 *    "of/for/on (the)" inside organisation names and titles;
 * 3. a role word in the run makes the rest a PERSON ("Defense Minister Rustem Umerov"), an organisation
 *    head or suffix makes an ORG, a place cue after it ("region", "Oblast") or a compass word a LOC;
 * 4. a lone word: an acronym (ORG, or the organisation it was defined for in parentheses), a known
 *    person's surname, the subject of a speech verb (PERSON), or a proper noun after "in/near/from" (LOC);
 * 5. two to four capitalised words mid-sentence with a proper noun among them: a PERSON by name shape;
 * 6. he/she/his/her: resolved when merging (stage.ts).
 * Title-case headings yield only gazetteer names (and organisations set off in credit lines).
 */
import type { Span } from '../core/document.js';
import { lineTokens } from '../language/wink.js';
import { gazetteer, norm, type GazEntry, type Gazetteer } from './gazetteer.js';

/** The entity types this stage finds. */
export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP';

/** Why a mention got its type: every decision names its rule, so it can be explained and audited. */
export type Basis =
  | 'gazetteer'
  | 'gazetteer-description'
  | 'capital-for-government'
  | 'title'
  | 'honorific'
  | 'org-suffix'
  | 'org-head'
  | 'acronym'
  | 'acronym-defined'
  | 'surname'
  | 'speech-subject'
  | 'place-cue'
  | 'place-preposition'
  | 'name-shape'
  | 'pronoun';

/** A mention as found in the text, before mentions are merged into entities. */
export interface Mention {
  start: number;
  end: number;
  type: EntityType;
  basis: Basis;
  /** Surface name (for acronyms and descriptions, the text itself). */
  name: string;
  /** Gazetteer entry when the name is known. */
  gaz?: GazEntry;
  role?: string;
  /** Country code or the index of an ORG mention this one belongs to. */
  affCountry?: string;
  affMention?: number;
  /** Index of the mention an acronym in parentheses defines. */
  acronymOf?: number;
  sentence: number;
  pronoun?: boolean;
}

interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Lower case without a final period ("Gen." gives "gen"), for the cue lists. */
  bare: string;
  /** Folded for gazetteer lookup (see `norm`). */
  norm: string;
  pos: string;
  cap: boolean;
  upper: boolean;
  sentStart: boolean;
  sentence: number;
}

const CAP = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}[\p{Lu}0-9&]{1,7}|(?:\p{Lu}\.){2,4})$/u;
/** Compass words make a capitalised run a place ("East Asia", "Western Europe"), not a person. */
const COMPASS = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater)(?:ern)?$/;
/** Word endings of place adjectives (Siberian, European, Balkan-ese...). */
const ADJECTIVAL = /(?:ian|ean|ese|ish|ic|an)$/;
const POSSESSIVE = /^['’]s$/;
const bare = (w: string): string => w.toLowerCase().replace(/\.$/, '');

/** Words of one line: wink tokens with hyphenated compounds joined (`Jong-un`, `counter-disinformation`). */
function lineWords(text: string, line: string, offset: number, sentenceAt: (pos: number) => number): Word[] {
  const lt = lineTokens(text, offset, offset + line.length);
  const out: Word[] = [];
  if (!lt) return out;
  const { starts, ends, pos } = lt;
  let prevSentence = -1;
  for (let i = 0; i < starts.length; i++) {
    let s = starts[i];
    let e = ends[i];
    let p = pos[i];
    while (i + 2 < starts.length && ends[i] === starts[i + 1] && line[starts[i + 1]] === '-' && ends[i + 1] === starts[i + 2] && /\w/.test(line[starts[i + 2]])) {
      i += 2;
      e = ends[i];
      if (p !== 'PROPN') p = pos[i];
    }
    const text = line.slice(s, e);
    const lower = text.toLowerCase();
    const sentence = sentenceAt(s + offset);
    // ASCII fast paths for the per-word tests (most words); other scripts take the Unicode patterns.
    const c0 = text.charCodeAt(0);
    const asciiAlnum = (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57);
    const isWord = asciiAlnum || /[\p{L}\p{N}]/u.test(text);
    const sentStart = sentence !== prevSentence && isWord;
    if (isWord) prevSentence = sentence;
    out.push({
      start: s + offset,
      end: e + offset,
      text,
      lower,
      bare: lower.endsWith('.') ? lower.slice(0, -1) : lower,
      norm: norm(text),
      pos: p,
      cap: c0 < 128 ? c0 >= 65 && c0 <= 90 : CAP.test(text),
      upper: (c0 < 128 ? c0 >= 65 && c0 <= 90 : CAP.test(text)) && ACRONYM.test(text),
      sentStart,
      sentence,
    });
  }
  return out;
}

/** Every leading part of every gazetteer name ("u", "un", ... "united states"), per gazetteer. */
const namePrefixes = new WeakMap<Gazetteer, Set<string>>();
function prefixesOf(g: Gazetteer): Set<string> {
  let set = namePrefixes.get(g);
  if (!set) {
    set = new Set();
    for (const k of g.names.keys()) for (let n = 1; n <= k.length; n++) set.add(k.slice(0, n));
    namePrefixes.set(g, set);
  }
  return set;
}

/** Longest gazetteer name starting at word `i` (within `limit`), or undefined. */
function longestGaz(g: Gazetteer, words: Word[], i: number, limit: number): { entry: GazEntry; n: number } | undefined {
  let best: { entry: GazEntry; n: number } | undefined;
  let key = '';
  const prefixes = prefixesOf(g);
  for (let n = 1; n <= g.maxWords && i + n <= limit; n++) {
    const w = words[i + n - 1];
    key = n === 1 ? w.norm : w.start === words[i + n - 2].end ? key + w.norm : `${key} ${w.norm}`;
    // Longer keys extend this one: once it begins no name, none of them is a name.
    if (!prefixes.has(key)) break;
    const e = g.names.get(key);
    if (e) best = { entry: e, n };
  }
  return best;
}

/** True when the word holds a letter (`/\p{L}/u`); a first ASCII letter settles it without the regex. */
function hasLetter(w: Word): boolean {
  const c = w.text.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || /\p{L}/u.test(w.text);
}

/** A line is a heading when it has no closing punctuation and most of its words are capitalised. */
function isHeading(words: Word[]): boolean {
  const ws = words.filter(hasLetter);
  if (ws.length < 2) return false;
  const last = words[words.length - 1];
  if (/^[.!?:"”’)]$/.test(last.text)) return false;
  const small = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'for', 'and', 'or', 'at', 'by', 'with', 'as', 'from']);
  const content = ws.filter((w) => !small.has(w.lower));
  return content.length > 0 && content.filter((w) => w.cap).length / content.length >= 0.8;
}

/** Finds entity mentions in the clean text, line by line, in text order. */
export function findMentions(text: string, sentences: readonly Span[]): Mention[] {
  const g = gazetteer();
  const c = g.cues;
  const sentStarts = sentences.map((s) => s.start);
  let cursor = 0;
  const sentenceAt = (pos: number): number => {
    while (cursor + 1 < sentStarts.length && sentStarts[cursor + 1] <= pos) cursor++;
    while (cursor > 0 && sentStarts[cursor] > pos) cursor--;
    return cursor;
  };
  const mentions: Mention[] = [];
  // Surname and first-name tokens of persons named so far, to recognise "Umerov said".
  const personTokens = new Set<string>();
  // Acronyms defined in the document, such as "(NIS)", to the mention that defines them.
  const acronyms = new Map<string, number>();

  let lineStart = 0;
  const lineEnd = (from: number): number => {
    const k = text.indexOf('\n', from);
    return k < 0 ? text.length : k;
  };
  for (let li = lineEnd(0); lineStart <= text.length; li = lineEnd(lineStart)) {
    const line = text.slice(lineStart, li);
    const offset = lineStart;
    lineStart = li + 1;
    if (!/\p{Lu}/u.test(line) && !/\b(?:he|she|his|her|him)\b/i.test(line)) continue;
    const words = lineWords(text, line, offset, sentenceAt);
    const heading = isHeading(words);
    const lineFirst = mentions.length;

    const push = (m: Mention): number => {
      mentions.push(m);
      if (m.type === 'PERSON' && !m.pronoun) for (const t of m.name.split(/\s+/)) personTokens.add(norm(t));
      return mentions.length - 1;
    };
    /** The mention that ends right before word `i`, possibly followed by a possessive `'s`. */
    const before = (i: number): { m: number; possessive: boolean } | undefined => {
      let j = i - 1;
      let possessive = false;
      if (j >= 0 && POSSESSIVE.test(words[j].text)) {
        possessive = true;
        j--;
      }
      if (j < 0) return undefined;
      for (let k = mentions.length - 1; k >= lineFirst; k--) if (mentions[k].end === words[j].end) return { m: k, possessive };
      return undefined;
    };
    const affiliationOf = (i: number): Pick<Mention, 'affCountry' | 'affMention'> => {
      const b = before(i);
      if (!b) return {};
      const m = mentions[b.m];
      if (m.type === 'ORG' && b.possessive) return { affMention: b.m };
      if (m.gaz?.country && (b.possessive || m.type === 'NORP' || m.type === 'GPE')) return { affCountry: m.gaz.country };
      return {};
    };
    /** An acronym in parentheses right after a mention defines an alias: "Service (NIS)". */
    const parenAcronym = (i: number, of: number): number => {
      if (words[i]?.text !== '(' || words[i + 2]?.text !== ')' || !words[i + 1]?.upper) return i;
      const w = words[i + 1];
      const idx = push({ start: w.start, end: w.end, type: mentions[of].type, basis: 'acronym-defined', name: w.text, acronymOf: of, sentence: w.sentence, gaz: mentions[of].gaz });
      acronyms.set(w.norm, idx);
      return i + 3;
    };

    let i = 0;
    while (i < words.length) {
      const w = words[i];
      // Pronouns refer back to the last person (resolved when merging).
      if (c.pronouns.has(w.lower) && (w.pos === 'PRON' || w.pos === 'DET')) {
        push({ start: w.start, end: w.end, type: 'PERSON', basis: 'pronoun', name: w.text, sentence: w.sentence, pronoun: true });
        i++;
        continue;
      }
      // A country's agency named by description: "Ukraine's military intelligence agency".
      const b = i > 0 && POSSESSIVE.test(words[i - 1].text) ? before(i) : undefined;
      if (b?.possessive && mentions[b.m].type === 'GPE' && mentions[b.m].gaz?.country) {
        const descs = g.descriptions.get(mentions[b.m].gaz!.country!);
        let hit: { e: GazEntry; n: number } | undefined;
        let key = '';
        for (let n = 1; descs && n <= 5 && i + n <= words.length; n++) {
          key = n === 1 ? words[i].norm : `${key} ${words[i + n - 1].norm}`;
          const e = descs.get(key);
          if (e) hit = { e, n };
        }
        if (hit) {
          const last = words[i + hit.n - 1];
          const idx = push({ start: w.start, end: last.end, type: 'ORG', basis: 'gazetteer-description', name: hit.e.name, gaz: hit.e, sentence: w.sentence });
          i = parenAcronym(i + hit.n, idx);
          continue;
        }
      }
      if (!isNameWord(w)) {
        i++;
        continue;
      }
      // Collect a run of capitalised words, allowing "of"/"for"/"the" inside organisation names.
      let j = i + 1;
      // Connectors continue organisation names ("Institute for the Study of War") and titles
      // ("Secretary of State"), not personal names ("Gen. Olena Marchuk of the Army" is two names).
      let orgish = c.orgHeads.has(w.bare) || c.orgSuffixes.has(w.bare);
      while (j < words.length) {
        const x = words[j];
        if (isNameWord(x) && !x.sentStart && !c.stopStarts.has(x.lower)) {
          if (c.orgHeads.has(x.bare) || c.orgSuffixes.has(x.bare)) orgish = true;
          j++;
          continue;
        }
        // "Korean People's Army": a possessive inside an organisation's name.
        const y = words[j + 1];
        if (POSSESSIVE.test(x.text) && y && isNameWord(y) && (orgish || (c.orgSuffixes.has(y.bare) && !g.names.has(norm(text.slice(w.start, words[j - 1].end)))))) {
          j += 2;
          continue;
        }
        if ((orgish || c.roleHeads.has(words[j - 1].bare)) && (x.lower === 'of' || x.lower === 'for' || x.lower === 'on')) {
          let k = j + 1;
          if (words[k]?.lower === 'the') k++;
          if (words[k] && isNameWord(words[k])) {
            j = k;
            continue;
          }
        }
        break;
      }
      i = classifyRun(i, j);
    }

    // Roles in apposition: "Andrii Kovalenko, the head of ... Council, said" and "the head of ..., Y".
    for (let k = lineFirst; k < mentions.length; k++) {
      const m = mentions[k];
      if (m.type !== 'PERSON' || m.pronoun) continue;
      // "Gen. Olena Marchuk of the Armed Forces of Ukraine": the organisation right after "of".
      const of = /^\s+of\s+(?:the\s+)?/.exec(text.slice(m.end, m.end + 12));
      if (of && m.affMention === undefined && m.affCountry === undefined) {
        const o = mentions.findIndex((x, q) => q > k && x.start === m.end + of[0].length && (x.type === 'ORG' || x.type === 'GPE'));
        if (o >= 0 && mentions[o].type === 'ORG') m.affMention = o;
        else if (o >= 0) m.affCountry = mentions[o].gaz?.country;
      }
      if (m.role) continue;
      const after = /^,\s+(?:the |a |an )?([^,.;:"“”]{3,140}?)(?=,|\s+(?:said|says|told|added)\b)/.exec(text.slice(m.end, Math.min(li, m.end + 160)));
      const prior = /(?:^|[,;:]\s+|^\s*)(?:the |a |an )?([^,.;:"“”]{3,140}),\s*$/i.exec(text.slice(Math.max(offset, m.start - 160), m.start));
      const pick = (phrase: string | undefined, from: number): boolean => {
        if (!phrase || !phrase.split(/\s+/).some((t) => c.roleHeads.has(bare(t)))) return false;
        if (/^(?:said|says|told|who|which|that|and|but)\b/i.test(phrase)) return false;
        m.role = phrase.replace(/^according to\s+(?:the\s+)?/i, '').trim();
        const to = from + phrase.length;
        for (let q = mentions.length - 1; q >= lineFirst; q--) {
          const o = mentions[q];
          if (o.start >= from && o.end <= to && (o.type === 'ORG' || o.type === 'GPE') && !o.pronoun) {
            if (o.type === 'ORG') m.affMention = q;
            else m.affCountry = o.gaz?.country;
            break;
          }
        }
        return true;
      };
      if (after && pick(after[1], m.end + after[0].indexOf(after[1]))) continue;
      if (prior) pick(prior[1], m.start - prior[0].length + prior[0].indexOf(prior[1]));
    }
    continue;

    function isNameWord(x: Word): boolean {
      if (!x.cap || !hasLetter(x)) return false;
      if (x.lower === 'the' || x.lower === 'a' || x.lower === 'an') return false; // "The Moskva": the article is no part of a name
      if (c.notNames.has(x.bare) && !g.names.has(x.norm)) return false;
      if (x.sentStart) {
        if (c.stopStarts.has(x.lower)) return false;
        if (x.pos !== 'PROPN' && !g.names.has(x.norm) && !c.titles.has(x.bare) && !personTokens.has(x.norm) && !acronyms.has(x.norm) && !x.upper) return false;
      }
      return true;
    }

    /** Types the capitalised run words[a, b) and pushes its mentions; returns the next word index. */
    function classifyRun(a: number, b: number): number {
      let next = b;
      const alone = (k: number): boolean => !words[k] || !/[\p{L}\p{N}]/u.test(words[k].text);
      if (heading && alone(a - 1) && alone(b) && b - a <= 5 && c.orgSuffixes.has(words[b - 1].bare) && !longestGaz(g, words, a, b)) {
        // A credit or caption line ("Central News Agency/AP"): a name set off by punctuation that ends like an organisation.
        const idx = push({ start: words[a].start, end: words[b - 1].end, type: 'ORG', basis: 'org-suffix', name: text.slice(words[a].start, words[b - 1].end), sentence: words[a].sentence });
        return parenAcronym(b, idx);
      }
      if (heading) {
        // In a title-case heading every word is capitalised: take only the names the gazetteer knows.
        for (let k = a; k < b; ) {
          const hit = longestGaz(g, words, k, b);
          if (hit) gazMention(k, k + hit.n, hit.entry);
          k += hit?.n ?? 1;
        }
        return b;
      }
      const gz = longestGaz(g, words, a, b);
      if (gz && gz.n === b - a) return gazMention(a, b, gz.entry);
      // A country or its people opening a longer name qualifies it; a group or region word
      // ("European Council on Foreign Relations") is just part of the name.
      if (gz?.entry.country) {
        const rest = a + gz.n;
        const restKind = runKind(rest, b);
        if ((gz.entry.type === 'NORP' || gz.entry.type === 'GPE') && restKind === 'org') {
          // "Russian Defense Ministry": an organisation of that country.
          const descs = g.descriptions.get(gz.entry.country ?? '');
          const known = descs?.get(norm(text.slice(words[rest].start, words[b - 1].end)));
          const idx = push({
            start: words[a].start,
            end: words[b - 1].end,
            type: 'ORG',
            basis: known ? 'gazetteer-description' : 'org-suffix',
            name: known ? known.name : text.slice(words[rest].start, words[b - 1].end),
            gaz: known,
            affCountry: gz.entry.country,
            sentence: words[a].sentence,
          });
          return parenAcronym(b, idx);
        }
        gazMention(a, rest, gz.entry);
        return plainRun(rest, b, { affCountry: gz.entry.country });
      }
      next = plainRun(a, b, affiliationOf(roleStart(a)));
      return next;
    }

    function gazMention(a: number, b: number, e: GazEntry): number {
      const first = words[a];
      const after = words[b];
      let entry = e;
      let basis: Basis = 'gazetteer';
      // A capital that speaks or acts stands for its government: "Pyongyang denied the report".
      const prev = words[a - 1]?.lower ?? '';
      const placed = c.placePrepositions.has(prev) || prev === 'to' || prev === 'at' || prev === 'of';
      if (e.capitalOf && after && !placed && (after.pos === 'VERB' || after.pos === 'AUX' || c.speechVerbs.has(after.lower))) {
        entry = g.names.get(norm(g.countryName.get(e.country!)!))!;
        basis = 'capital-for-government';
      }
      const idx = push({ start: first.start, end: words[b - 1].end, type: entry.type, basis, name: entry.name, gaz: entry, sentence: first.sentence, ...(entry.type === 'ORG' && !entry.country ? affiliationOf(a) : {}) });
      return parenAcronym(b, idx);
    }

    function runKind(a: number, b: number): 'org' | 'other' {
      return hasOrgWord(a, b) ? 'org' : 'other';
    }

    /** True when a word of words[a, b) heads or ends an organisation name ("Council on Foreign Relations"). */
    function hasOrgWord(a: number, b: number): boolean {
      for (let k = a; k < b; k++) if (c.orgSuffixes.has(words[k].bare) || c.orgHeads.has(words[k].bare)) return true;
      return false;
    }

    function plainRun(a: number, b: number, aff: Pick<Mention, 'affCountry' | 'affMention'>): number {
      if (a >= b) return b;
      const first = words[a];
      const last = words[b - 1];
      if (c.eventSuffixes.has(last.lower)) return b; // an event ("Korean War"), not an entity
      const span = (x: number, y: number): string => text.slice(words[x].start, words[y - 1].end);
      const full = span(a, b);
      // Title inside the run: "Defense Minister Rustem Umerov", "Gen. Smith".
      let t = -1;
      for (let k = a; k < b - 1; k++) if (c.roleHeads.has(words[k].bare) && !words[k].upper) t = k;
      if (t >= 0 && !hasOrgWord(a, t + 1) && runKind(t + 1, b) === 'other' && b - t - 1 <= 4) {
        const lead = leadingRole(a);
        const honor = t === a && c.honorifics.has(words[t].bare);
        const role = honor ? undefined : [lead, span(a, t + 1)].filter(Boolean).join(' ');
        push({ start: words[t + 1].start, end: last.end, type: 'PERSON', basis: honor ? 'honorific' : 'title', name: span(t + 1, b), role, sentence: first.sentence, ...aff });
        return b;
      }
      if (c.titles.has(last.bare) && !last.upper) return b; // a role with no name: "the Defense Minister"
      if (runKind(a, b) === 'org') {
        const basis: Basis = words.slice(a, b).some((x) => c.orgSuffixes.has(x.bare)) ? 'org-suffix' : 'org-head';
        const idx = push({ start: first.start, end: last.end, type: 'ORG', basis, name: full.replace(/^the\s+/i, ''), sentence: first.sentence, ...aff });
        return parenAcronym(b, idx);
      }
      const after = words[b];
      const prev = words[a - 1];
      // A capitalised adjective before a common noun ("Siberian region", "from Siberian units") is no name.
      if (b - a === 1 && ADJECTIVAL.test(first.text) && after && /^\p{Ll}/u.test(after.text)) return b;
      if (b - a === 1) {
        const k = first.norm;
        if (acronyms.has(k)) {
          const of = acronyms.get(k)!;
          push({ start: first.start, end: first.end, type: mentions[of].type, basis: 'acronym-defined', name: first.text, acronymOf: of, gaz: mentions[of].gaz, sentence: first.sentence });
          return b;
        }
        if (personTokens.has(k) && !first.upper) {
          push({ start: first.start, end: first.end, type: 'PERSON', basis: 'surname', name: first.text, sentence: first.sentence });
          return b;
        }
        if (first.upper) {
          if (heading) return b;
          const idx = push({ start: first.start, end: first.end, type: 'ORG', basis: 'acronym', name: first.text.replace(/\./g, ''), sentence: first.sentence });
          return parenAcronym(b, idx);
        }
        if (heading) return b;
        if (after && c.placeCues.has(after.lower)) {
          push({ start: first.start, end: first.end, type: 'LOC', basis: 'place-cue', name: first.text, sentence: first.sentence });
          return b;
        }
        if (after && c.speechVerbs.has(after.lower) && first.pos === 'PROPN') {
          push({ start: first.start, end: first.end, type: 'PERSON', basis: 'speech-subject', name: first.text, role: leadingRole(a), sentence: first.sentence, ...aff });
          return b;
        }
        if (prev && c.placePrepositions.has(prev.lower) && first.pos === 'PROPN') {
          push({ start: first.start, end: first.end, type: 'LOC', basis: 'place-preposition', name: first.text, sentence: first.sentence });
          return b;
        }
        return b;
      }
      if (heading) return b;
      if (after && c.placeCues.has(after.lower)) {
        push({ start: first.start, end: last.end, type: 'LOC', basis: 'place-cue', name: full, sentence: first.sentence });
        return b;
      }
      if (words.slice(a, b).some((x) => COMPASS.test(x.text)) || c.placeCues.has(last.lower)) {
        push({ start: first.start, end: last.end, type: 'LOC', basis: 'place-cue', name: full, sentence: first.sentence });
        return b;
      }
      // Two to four capitalised words mid-sentence, at least one a proper noun for wink ("Park Min-jae":
      // wink reads "Park" as a noun), make a personal name.
      const ws = words.slice(a, b);
      if (b - a <= 4 && ws.some((x) => x.pos === 'PROPN') && ws.every((x) => !x.upper && !/-\p{Lu}/u.test(x.text))) {
        push({ start: first.start, end: last.end, type: 'PERSON', basis: after && c.speechVerbs.has(after.lower) ? 'speech-subject' : 'name-shape', name: full, role: leadingRole(a), sentence: first.sentence, ...aff });
        return b;
      }
      return b;
    }

    /** Lower-case role words right before a name: "North Korean leader Kim Jong Un" gives "leader". */
    function leadingRole(a: number): string | undefined {
      const k = roleStart(a);
      return k < a ? text.slice(words[k].start, words[a - 1].end) : undefined;
    }

    /** Index of the first lower-case role word before word `a` (or `a` itself). */
    function roleStart(a: number): number {
      let k = a;
      while (k > 0 && !words[k - 1].cap && c.titles.has(words[k - 1].bare)) k--;
      return k;
    }
  }
  return mentions;
}
