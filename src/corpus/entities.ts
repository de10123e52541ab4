import type { CorpusStage } from '../core/stage.js';
import { phon } from '../entities/gazetteer.js';
import type { EntityRecord } from '../entities/stage.js';

/** An entity linked across documents, as listed in `corpus.entities`. */
export interface CorpusEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  documents: string[];
  mentions: Array<{ doc: string; span: string }>;
}

const GAZ_KEY = /^(?:GPE:country|GPE:city|ORG:org|NORP|LOC:region):/;
/** Adds item i to the set kept under key. */
function addTo(map: Map<string, Set<number>>, key: string, i: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(i);
  map.set(key, set);
}
const typeClass = (t: string): string => (t === 'GPE' || t === 'LOC' ? 'PLACE' : t);

/**
 * Links per-document entities across documents: the same gazetteer id, or a shared name or alias
 * after spelling-variant folding (Andrii/Andriy Kovalenko), within one type class. A lone surname
 * links nothing across documents, since it is ambiguous outside its own text.
 */
export function linkEntities(docs: ReadonlyArray<{ id: string; records: Record<string, unknown[]> }>): CorpusEntity[] {
  const items: Array<{ doc: string; e: EntityRecord }> = [];
  for (const d of docs) for (const e of (d.records.entities ?? []) as EntityRecord[]) items.push({ doc: d.id, e });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  items.forEach(({ e }, i) => {
    const keys = new Set<string>([e.key]);
    // A gazetteer entity is known by its id and name; its aliases may include metonyms ("Kyiv" for
    // Ukraine's government) that must not pull the city in.
    for (const n of GAZ_KEY.test(e.key) ? [e.name] : [e.name, ...e.aliases]) {
      const p = phon(n);
      if (!p || (e.type === 'PERSON' && !p.includes(' '))) continue;
      keys.add(`${typeClass(e.type)}|${p}`);
    }
    for (const k of keys) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else parent[find(i)] = find(o);
    }
  });
  /** Joins item i to the candidates when they all belong to one linked entity (no guess between two). */
  const joinIfOne = (i: number, candidates: Set<number> | undefined): void => {
    const roots = new Set([...(candidates ?? [])].map(find));
    if (roots.size === 1) parent[find(i)] = [...roots][0];
  };
  // An acronym standing alone in one document ("AP") joins the one organisation whose initials it spells.
  const initials = new Map<string, Set<number>>();
  items.forEach(({ e }, i) => {
    if (e.type !== 'ORG') return;
    for (const n of [e.name, ...e.aliases]) {
      const ws = n.replace(/^the\s+/i, '').split(/[\s-]+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
      if (ws.length > 1) addTo(initials, ws.map((w) => w[0]).join(''), i);
    }
  });
  items.forEach(({ e }, i) => {
    if (e.type !== 'ORG' || !/^\p{Lu}{2,}$/u.test(e.name)) return;
    joinIfOne(i, initials.get(e.name));
  });
  // A person named by surname alone in one document joins the one person elsewhere whose full name ends in it.
  const bySurname = new Map<string, Set<number>>();
  items.forEach(({ e }, i) => {
    const p = phon(e.name).split(' ');
    if (e.type === 'PERSON' && p.length > 1) addTo(bySurname, p[p.length - 1], i);
  });
  items.forEach(({ e }, i) => {
    const p = phon(e.name);
    if (e.type !== 'PERSON' || p.includes(' ')) return;
    joinIfOne(i, bySurname.get(p));
  });
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(i);
  });
  const out: CorpusEntity[] = [];
  for (const members of groups.values()) {
    const es = members.map((i) => items[i]);
    // Canonical name: a gazetteer name when any member has one, else the name most mentions use.
    const gaz = es.find((x) => GAZ_KEY.test(x.e.key));
    const weight = new Map<string, number>();
    for (const { e } of es) weight.set(e.name, (weight.get(e.name) ?? 0) + e.mentions.length);
    const name = gaz?.e.name ?? [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
    const aliases = new Set<string>();
    for (const { e } of es) for (const n of [e.name, ...e.aliases]) if (n !== name) aliases.add(n);
    out.push({
      id: '',
      name,
      type: (gaz ?? es[0]).e.type,
      aliases: [...aliases],
      documents: [...new Set(es.map((x) => x.doc))],
      mentions: es.flatMap(({ doc, e }) => e.mentions.map((span) => ({ doc, span }))),
    });
  }
  out.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  out.forEach((c, i) => (c.id = `C${i + 1}`));
  return out;
}

/** Cross-document entity linking over the documents' merged entities. */
export const entityLinksStage: CorpusStage = {
  kind: 'corpus',
  name: 'entity-links',
  version: 1,
  needs: ['records:entities'],
  produces: ['corpus:entities'],
  description: 'links each document’s entities across documents by gazetteer id, name and spelling variant',
  run(docs) {
    return { sections: { entities: linkEntities(docs) } };
  },
};
