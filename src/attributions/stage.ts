import type { Document, Span } from '../core/document.js';
import type { DocumentStage, SpanInput } from '../core/stage.js';
import { QUOTE_MARKS, findCues, findQuotes, tokenize, unitsOf, type Quote, type Unit } from './find.js';
import { lexicon, phrasePattern } from './lexicon.js';
import { kindOf, parseCue, sub, type Draft, type Sub } from './parse.js';

/** One attribution as it lands in `layers.attributions`. */
export interface Attribution {
  id: string;
  start: number;
  end: number;
  source: (Sub & { entity?: string }) | null;
  cue: Sub;
  content: Sub[];
  kind: Draft['kind'];
  channel?: string;
  via?: Sub[];
  unattributed?: true;
  resolved?: { attribution: string; start: number; end: number; text: string; entity?: string };
}

interface Placed extends Draft {
  para: number;
  unit: number;
}

const HEADLINE_STOP = /^(?:the latest|latest|watch|update|updated|breaking|exclusive|video|photos?|editor|analysis|opinion|live|read|related|note|listen|explainer|factbox|timeline|q&a|correction|warning|exclusive|poll|quiz|live updates|by)$/i;

/** `Smith: Plan is dead` at the start of a short line: a headline attribution with a colon cue. */
function headline(text: string, unit: Unit): Draft | undefined {
  const t = unit.toks;
  const colon = t.findIndex((x) => x.w === ':');
  if (colon < 1 || colon > 5 || unit.end - unit.start > 220) return undefined;
  if (t[colon].q || !t.slice(0, colon).every((x) => x.cap || ['of', 'the', '’s', "'s", '.'].includes(x.w))) return undefined;
  if (HEADLINE_STOP.test(text.slice(t[0].s, t[colon - 1].e)) || /^[A-Z\s.]+$/.test(text.slice(t[0].s, t[colon - 1].e))) return undefined;
  const content = sub(text, t[colon].e, unit.end);
  if (!content || content.text.split(/\s+/).length < 3) return undefined;
  const source = sub(text, t[0].s, t[colon - 1].e, true)!;
  const cue = { start: t[colon].s, end: t[colon].e, text: ':' };
  return { source, cue, content: [content], kind: kindOf([content]), final: false };
}

function overlaps(a: Sub, b: Sub): boolean {
  return a.start < b.end && b.start < a.end;
}

function partsOf(d: Draft): Sub[] {
  return [...(d.source ? [d.source] : []), d.cue, ...(d.via ?? [])];
}

/** Chooses among the cues of one unit: content-before cues first, then left to right; no overlaps. */
function choose(drafts: Draft[]): Draft[] {
  // Speech cues before belief and weak ones: `Asked if she believed ..., Clinton said ...`.
  const weak = (d: Draft) => Number(d.verbClass === 'belief' || d.verbClass === 'weak');
  // `according to` first: what it covers may itself be an attribution (`X said Y, according to Z`).
  const prep = (d: Draft) => Number(d.kind !== 'according-to');
  const order = [...drafts].sort((x, y) => prep(x) - prep(y) || weak(x) - weak(y) || Number(y.final) - Number(x.final) || x.cue.start - y.cue.start);
  const kept: Draft[] = [];
  for (const d of order) {
    // A coordinated clause (`..., and Smith said ...`) ends the content of the attribution before it.
    const cs = d.clauseStart;
    if (cs !== undefined) {
      for (const k of kept) {
        if (k.cue.end <= cs && k.content.some((c) => c.start < cs && c.end > d.cue.start)) {
          k.content = k.content.filter((c) => c.start < cs).map((c) => (c.end > cs ? { ...c, end: cs, text: c.text.slice(0, cs - c.start) } : c));
        }
      }
    }
    // A cue inside another attribution's content is reported speech within it (univocal reading), except
    // inside `according to` content: `X said Y, according to Z` keeps both (Z reports that X said Y).
    if (kept.some((k) => (k.kind !== 'according-to' && k.content.some((c) => overlaps(c, d.cue))) || partsOf(k).some((p) => partsOf(d).some((q) => overlaps(p, q))))) continue;
    // Content that would swallow an attribution already kept stops where that one begins.
    const first = kept.filter((k) => k.cue.start > d.cue.start && !k.content.some((c) => overlaps(c, d.cue))).map((k) => Math.min(...partsOf(k).map((p) => p.start), ...k.content.map((c) => c.start)));
    if (first.length) {
      const stop = Math.min(...first);
      d.content = d.content.map((c) => (c.end > stop && c.start < stop ? { ...c, end: stop, text: c.text.slice(0, stop - c.start) } : c)).filter((c) => c.start < stop || c.start > d.cue.end);
    }
    if (d.content.some((c) => kept.some((k) => partsOf(k).some((p) => overlaps(p, c))))) continue;
    kept.push(d);
  }
  return kept;
}

/** A quotation mark at `i`, counting a doubled apostrophe (`''`, wire copy's straight double quote) on either side. */
function quoteAt(text: string, i: number): boolean {
  const c = text[i] ?? '';
  return QUOTE_MARKS.test(c) || (c === "'" && (text[i + 1] === "'" || text[i - 1] === "'"));
}

function trimSub(text: string, s: Sub): Sub | null {
  return sub(text, s.start, s.end, quoteAt(text, s.end - 1) || quoteAt(text, s.start));
}

/** Finds attributions in a document's clean text using its sentence layer. */
export function findAttributions(doc: Pick<Document, 'text' | 'layers'>): Attribution[] {
  const text = doc.text;
  const sentences = doc.layers.sentences ?? [];
  const lex = lexicon();
  const placed: Placed[] = [];
  const paraUnits: Unit[][] = [];
  const paraQuotes: Quote[][] = [];
  let si = 0;
  let lineStart = 0;
  let para = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const i = nl < 0 ? text.length : nl;
    const start = lineStart;
    lineStart = i + 1;
    if (i === start) continue;
    const quotes = findQuotes(text.slice(start, i), start);
    const sents: Array<{ start: number; end: number }> = [];
    while (si < sentences.length && sentences[si].start < i) {
      if (sentences[si].start >= start) sents.push(sentences[si]);
      si++;
    }
    if (!sents.length) sents.push({ start, end: i });
    const units = unitsOf(sents, quotes, text).map((u) => ({ ...u, para, toks: tokenize(text, u.start, u.end, quotes) }));
    paraUnits.push(units);
    paraQuotes.push(quotes);
    units.forEach((unit, ui) => {
      const drafts: Draft[] = [];
      if (ui === 0) {
        const h = headline(text, unit);
        if (h) drafts.push(h);
      }
      for (const hit of findCues(unit.toks)) {
        const d = parseCue(text, unit, hit);
        if (d) drafts.push(d);
      }
      const kept = choose(drafts);
      for (const d of kept) {
        if (d.inherit) {
          // The speaker of this sentence's earlier attribution, else the clause's subject, else the paragraph's last speaker;
          // when none is found the cue and content still stand, with no source (the speaker is not named nearby).
          const prev = kept.filter((k) => k.cue.start < d.cue.start && k.source && !k.inherit).pop();
          d.source = prev?.source ?? d.subjectGuess?.() ?? placed.filter((p) => p.para === para && p.source).pop()?.source ?? null;
        }
        if (d.wantsPrevious || d.preferPrevious) {
          const prev = units[ui - 1];
          const q = prev && sub(text, prev.start, prev.end, true);
          const isQuote = !!q && quoteAt(q.text, 0) && quoteAt(q.text, q.text.length - 1) && !placed.some((p) => p.para === para && p.unit === ui - 1);
          if (isQuote) {
            d.content = [q];
            d.kind = d.kind === 'belief' ? 'belief' : kindOf(d.content);
          } else if (d.wantsPrevious) continue;
        }
        placed.push({ ...d, para, unit: ui });
      }
    });
    para++;
  }
  continueQuotes(text, placed, paraUnits, paraQuotes);
  const out = placed
    .map((d) => ({ ...d, content: d.content.map((c) => trimSub(text, c)).filter((c): c is Sub => !!c) }))
    .filter((d) => d.content.length)
    .sort((x, y) => x.cue.start - y.cue.start);
  const result: Attribution[] = out.map((d, n) => {
    const parts = [...partsOf(d), ...d.content];
    const a: Attribution = {
      id: `at${n + 1}`,
      start: Math.min(...parts.map((p) => p.start)),
      end: Math.max(...parts.map((p) => p.end)),
      source: d.source,
      cue: d.cue,
      content: d.content,
      kind: d.kind,
    };
    const channel = channelOf(text, d, paraUnits[d.para][d.unit]);
    if (channel) a.channel = channel;
    if (d.via) a.via = d.via;
    if (d.unattributed) a.unattributed = true;
    return a;
  });
  resolvePronouns(result, lex);
  return result;
}

/**
 * Quotations that go on after their attribution: later quote-only sentences of the same paragraph,
 * and the next paragraph when a quotation is left open at a paragraph end.
 */
function continueQuotes(text: string, placed: Placed[], paraUnits: Unit[][], paraQuotes: Quote[][]): void {
  const claimed = new Set(placed.map((d) => `${d.para}:${d.unit}`));
  const paraClaimed = (p: number) => paraUnits[p].some((_, u) => claimed.has(`${p}:${u}`));
  for (const d of placed) {
    if (d.kind !== 'direct' && d.kind !== 'mixed') continue;
    // Backwards: `“First part.` / `“Second part,” she added.`: earlier open-quote paragraphs belong here.
    for (let p = d.para - 1; p >= 0 && d.content[0]?.start === paraUnits[p + 1][0]?.start; p--) {
      const qs = paraQuotes[p];
      const units = paraUnits[p];
      if (!units.length || !qs[qs.length - 1]?.open || !quoteAt(text, units[0].start) || paraClaimed(p)) break;
      if (units.some((u) => findCues(u.toks).length)) break;
      const c = sub(text, units[0].start, units[units.length - 1].end, true);
      if (!c) break;
      d.content.unshift(c);
      units.forEach((_, u) => claimed.add(`${p}:${u}`));
    }
    let p = d.para;
    let u = d.unit + 1;
    for (;;) {
      const units = paraUnits[p];
      if (u >= units.length) {
        // An unclosed quotation at the paragraph end carries on into the next paragraph; so does a
        // closed one when the next paragraph is nothing but quotation, with no cue of its own.
        const qs = paraQuotes[p];
        const last = qs[qs.length - 1];
        const next = paraUnits[p + 1];
        if (!next?.length || !quoteAt(text, next[0].start)) break;
        if (!last?.open && !quoteOnly(text, next)) break;
        p++;
        u = 0;
        continue;
      }
      const unit = units[u];
      if (claimed.has(`${p}:${u}`) || !quoteAt(text, unit.start) || findCues(unit.toks).length) break;
      const c = sub(text, unit.start, unit.end, true);
      if (c) d.content.push(c);
      claimed.add(`${p}:${u}`);
      u++;
    }
  }
}

/** A paragraph made only of quotations (every unit opens and closes with a mark), none of them with a cue. */
function quoteOnly(text: string, units: readonly Unit[]): boolean {
  return units.every((u) => {
    let e = u.end;
    while (e > u.start && /\s/.test(text[e - 1])) e--;
    return quoteAt(text, u.start) && quoteAt(text, e - 1) && !findCues(u.toks).length;
  });
}

function containsWord(hay: string, needle: string): boolean {
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1];
    const after = hay[i + needle.length];
    if ((!before || !/[\p{L}\p{N}]/u.test(before)) && (!after || !/[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}

/** Every channel phrase in one pattern, per lexicon: most units name no channel, and one scan says so. */
const anyChannel = new WeakMap<object, RegExp | null>();

/** The medium of the statement: a phrase around the cue, a broadcaster listener, or the cue itself. */
function channelOf(text: string, d: Draft, unit: Unit): string | undefined {
  const lex = lexicon();
  if (!anyChannel.has(lex)) anyChannel.set(lex, phrasePattern(lex.channels.flatMap((r) => r.phrases)));
  // Look at the unit with the content blanked out, so words inside what was said do not count.
  let around = text.slice(unit.start, unit.end);
  for (const c of d.content) {
    if (c.start >= unit.start && c.end <= unit.end) around = around.slice(0, c.start - unit.start) + ' '.repeat(c.end - c.start) + around.slice(c.end - unit.start);
  }
  if (anyChannel.get(lex)?.test(around)) {
    for (const rule of lex.channels) {
      if (rule.pattern?.test(around)) return rule.channel;
    }
  }
  if (d.recipient && lex.broadcasters.some((b) => containsWord(d.recipient!.text.toLowerCase(), b))) return 'broadcaster';
  for (const rule of lex.channels) if (d.verbLemma && rule.cues.includes(d.verbLemma)) return rule.channel;
  return undefined;
}

/** A source that names someone: not a pronoun, with a capitalised word beyond a sentence-initial article. */
function named(s: Sub, lex: ReturnType<typeof lexicon>): boolean {
  const words = s.text.split(/\s+/);
  if (words.length === 1 && (lex.personPronouns.has(words[0].toLowerCase()) || lex.groupPronouns.has(words[0].toLowerCase()) || lex.otherPronouns.has(words[0].toLowerCase()))) return false;
  return words.some((w) => /^\p{Lu}/u.test(w) && !lex.determiners.has(w.toLowerCase()));
}

function personLike(s: Sub, lex: ReturnType<typeof lexicon>): boolean {
  return named(s, lex) && !s.text.toLowerCase().split(/[\s’']+/).some((w) => lex.orgWords.has(w));
}

/** Resolves `he said` / `they said` to the last named (person-like) source before it. */
function resolvePronouns(list: Attribution[], lex: ReturnType<typeof lexicon>): void {
  let lastPerson: Attribution | undefined;
  let lastNamed: Attribution | undefined;
  for (const a of [...list].sort((x, y) => x.start - y.start)) {
    const s = a.source;
    if (!s) continue;
    const w = s.text.toLowerCase();
    const ante = lex.personPronouns.has(w) ? lastPerson : lex.groupPronouns.has(w) ? lastNamed : undefined;
    if (ante?.source) a.resolved = { attribution: ante.id, start: ante.source.start, end: ante.source.end, text: ante.source.text };
    if (named(s, lex)) {
      lastNamed = a;
      if (personLike(s, lex)) lastPerson = a;
    }
  }
}

/** Links sources (and resolved antecedents) to the entity span they overlap most, when an entities layer exists. */
export function linkEntities(list: Attribution[], entities: readonly Span[] | undefined): void {
  if (!entities?.length) return;
  const best = (s: Sub): string | undefined => {
    let id: string | undefined;
    let most = 0;
    for (const e of entities) {
      const o = Math.min(e.end, s.end) - Math.max(e.start, s.start);
      if (o > most) {
        most = o;
        id = e.id;
      }
    }
    return id;
  };
  for (const a of list) {
    if (a.source) {
      const id = best(a.source);
      if (id) a.source.entity = id;
    }
    if (a.resolved) {
      const id = best(a.resolved);
      if (id) a.resolved.entity = id;
    }
  }
}

/** The `attributions@1` stage: who said what, through which cue and channel, for every sentence. */
export const attributionsStage: DocumentStage = {
  kind: 'document',
  name: 'attributions',
  version: 1,
  needs: ['text', 'layer:sentences'],
  produces: ['layer:attributions'],
  description: 'quotes, indirect speech, according-to and beliefs: source, cue, content, channel and via chains',
  run(doc) {
    const list = findAttributions(doc);
    linkEntities(list, doc.layers.entities);
    return { layers: { attributions: list as unknown as SpanInput[] } };
  },
};
