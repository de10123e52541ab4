import type { Document } from '../core/document.js';
import type { DocumentStage, SpanInput } from '../core/stage.js';
import { gazetteer, norm, phon } from './gazetteer.js';
import { findMentions, type Basis, type EntityType, type Mention } from './detect.js';

/** A merged entity of one document, as listed in `records.entities`. */
export interface EntityRecord {
  id: string;
  /** Canonical name: the gazetteer's, else the longest name used. */
  name: string;
  type: EntityType;
  /** Other names used for it in this document (pronouns excluded). */
  aliases: string[];
  role?: string;
  /** Country or organisation it belongs to, by name. */
  affiliation?: string;
  /** Span ids in `layers.entities`. */
  mentions: string[];
  /** Identity used to link entities across documents (gazetteer id or folded name). */
  key: string;
}

/** An entity mention span in `layers.entities`. */
export interface EntitySpan extends SpanInput {
  id: string;
  type: EntityType;
  entity: string;
  basis: Basis;
  /** For a surname, acronym or pronoun: the span it refers back to. */
  ref?: string;
}

/** How far back (in sentences) a pronoun looks for its person. */
const PRONOUN_WINDOW = 2;

/** Merges mentions into per-document entities: gazetteer ids, acronyms, surnames, spelling variants, pronouns. */
export function mergeMentions(mentions: Mention[], text: string): { spans: EntitySpan[]; entities: EntityRecord[] } {
  const g = gazetteer();
  const spans: EntitySpan[] = [];
  const entities: EntityRecord[] = [];
  const byKey = new Map<string, EntityRecord>();
  const ofMention = new Map<number, EntityRecord>();
  const spanOf = new Map<number, string>();
  const names = new Map<EntityRecord, Map<string, number>>();
  // The first named person of each sentence: a pronoun prefers the subject of its own sentence
  // (when named before it) or of the nearest earlier sentence that names someone.
  const firstPerson = new Map<number, number>();
  let lastPersonSentence = -1;

  // Folded words of the names looked back at: each surname mention scans the persons before it.
  const phonWords = new Map<string, string[]>();
  const keyOf = (m: Mention, idx: number): { key: string; ref?: number } => {
    if (m.acronymOf !== undefined) return { key: ofMention.get(m.acronymOf)?.key ?? `ORG:${phon(m.name)}`, ref: m.acronymOf };
    if (m.gaz) return { key: m.gaz.key };
    const p = phon(m.name);
    if (m.type === 'PERSON') {
      const toks = p.split(' ');
      // A lone surname (or a family name written first) refers to the last person who bore it.
      if (toks.length === 1) {
        for (let k = idx - 1; k >= 0; k--) {
          const e = ofMention.get(k);
          if (!e || e.type !== 'PERSON' || mentions[k].pronoun) continue;
          let et = phonWords.get(e.name);
          if (!et) phonWords.set(e.name, (et = phon(e.name).split(' ')));
          if (et.length > 1 && (et[et.length - 1] === toks[0] || et[0] === toks[0])) return { key: e.key, ref: k };
        }
      }
      return { key: `PERSON:${p}` };
    }
    if (m.type === 'ORG' && m.basis === 'acronym') {
      // An undefined acronym that spells the initials of an organisation named earlier is that organisation.
      const letters = m.name.replace(/[^A-Za-z]/g, '').toUpperCase();
      for (const e of entities) {
        if (e.type !== 'ORG') continue;
        for (const n of [e.name, ...e.aliases]) {
          const initials = n.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
          if (initials.length > 1 && initials === letters) return { key: e.key };
        }
      }
    }
    const aff = m.affCountry ?? (m.affMention !== undefined ? ofMention.get(m.affMention)?.key : '');
    // "Kursk Oblast" and "Kursk" (from "the Kursk region") name one place.
    const place = m.type === 'LOC' ? phon(m.name.replace(/\s+\S+$/, (w) => (g.cues.placeCues.has(w.trim().toLowerCase()) ? '' : w))) : p;
    return { key: `${m.type}:${aff ?? ''}:${place}` };
  };

  mentions.forEach((m, idx) => {
    const id = `ent${spans.length + 1}`;
    if (m.pronoun) {
      const sentence = firstPerson.has(m.sentence) ? m.sentence : lastPersonSentence;
      if (sentence < 0 || m.sentence - sentence > PRONOUN_WINDOW) return;
      const antecedent = firstPerson.get(sentence)!;
      const e = ofMention.get(antecedent)!;
      spans.push({ id, start: m.start, end: m.end, type: 'PERSON', entity: e.id, basis: 'pronoun', ref: spanOf.get(antecedent) });
      e.mentions.push(id);
      return;
    }
    const { key, ref } = keyOf(m, idx);
    let e = byKey.get(key);
    if (!e) {
      e = { id: `E${entities.length + 1}`, name: m.gaz?.name ?? m.name, type: m.gaz?.type ?? m.type, aliases: [], mentions: [], key };
      entities.push(e);
      byKey.set(key, e);
      names.set(e, new Map());
    }
    ofMention.set(idx, e);
    spanOf.set(idx, id);
    const span: EntitySpan = { id, start: m.start, end: m.end, type: e.type, entity: e.id, basis: m.basis };
    if (ref !== undefined && spanOf.has(ref)) span.ref = spanOf.get(ref);
    spans.push(span);
    e.mentions.push(id);
    const surface = text.slice(m.start, m.end);
    const used = names.get(e)!;
    used.set(surface, (used.get(surface) ?? 0) + 1);
    if (m.role && !e.role) e.role = m.role;
    if (e.type === 'PERSON') {
      if (!firstPerson.has(m.sentence)) firstPerson.set(m.sentence, idx);
      lastPersonSentence = m.sentence;
    }
  });
  // Affiliations last: an apposition can name the organisation after the person.
  mentions.forEach((m, idx) => {
    const e = ofMention.get(idx);
    if (!e || e.affiliation) return;
    const c = m.affCountry ?? (e.type !== 'GPE' && e.type !== 'NORP' ? m.gaz?.country : undefined);
    if (c) e.affiliation = g.countryName.get(c);
    else if (m.affMention !== undefined) e.affiliation = ofMention.get(m.affMention)?.name;
  });

  for (const e of entities) {
    const used = [...names.get(e)!.keys()];
    if (!e.key.startsWith('GPE:country') && !e.key.startsWith('ORG:org') && !e.key.startsWith('NORP:') && !e.key.startsWith('GPE:city')) {
      // Canonical name: the longest form used (a full name over a surname); an affiliated
      // generic organisation carries its country ("Security Council (Ukraine)").
      const longest = used.filter((n) => !/^\p{Lu}{2,}$/u.test(n)).sort((a, b) => b.length - a.length)[0] ?? e.name;
      e.name = longest.replace(/^the\s+/i, '');
      const ws = e.name.split(/\s+/);
      const head = g.names.get(norm(ws[0])) ?? g.names.get(norm(ws.slice(0, 2).join(' ')));
      if (e.type === 'ORG' && e.affiliation && !e.name.includes(e.affiliation) && !head?.country) {
        e.name = `${e.name} (${e.affiliation})`;
      }
    }
    e.aliases = used.filter((n) => n !== e.name);
    if (e.role === undefined) delete e.role;
    if (e.affiliation === undefined) delete e.affiliation;
  }
  return { spans, entities };
}

/** Named entities: PERSON, ORG, GPE, LOC and NORP mentions merged into per-document entities. */
export const entitiesStage: DocumentStage = {
  kind: 'document',
  name: 'entities',
  version: 1,
  needs: ['text', 'layer:sentences'],
  produces: ['layer:entities', 'records:entities'],
  description: 'people, organisations, places and nationalities, with roles, affiliations, aliases and coreference',
  run(doc: Readonly<Document>) {
    const mentions = findMentions(doc.text, doc.layers.sentences ?? []);
    const { spans, entities } = mergeMentions(mentions, doc.text);
    return { layers: { entities: spans }, records: { entities } };
  },
};
