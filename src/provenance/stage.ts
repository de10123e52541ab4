import type { Document } from '../core/document.js';
import type { CorpusStage } from '../core/stage.js';
import type { ReuseRelation, SharedPassage } from '../corpus/reuse.js';
import { quotedRegions } from '../profile/quotes.js';
import { canonicalWire, findWireCredits, wiresInByline, type WireCredit } from './wire.js';

/** A directed (or undirected, when dates do not tell) text-reuse link between two documents. */
export interface CopyEdge {
  from: string;
  to: string;
  /**
   * `copy`: shared narrative text; `shared-quote`: only the same quotation, which two outlets can get
   * independently; `same-origin`: two copies of one origin in the set, sharing text only through it;
   * `incidental`: a short shared phrase, too little to say either.
   */
  kind: 'copy' | 'shared-quote' | 'same-origin' | 'incidental';
  directed: boolean;
  /** Shared words outside quotation marks, and their share of the smaller document. */
  sharedWords: number;
  coverage: number;
  passages: SharedPassage[];
  reason: string;
}

/** Documents that are not independent of each other (copies, re-runs, the same wire). */
export interface ProvenanceGroup {
  id: string;
  documents: string[];
  wires: string[];
  reasons: string[];
}

/** The provenance section of the report. */
export interface Provenance {
  wires: Array<WireCredit & { doc: string }>;
  edges: CopyEdge[];
  groups: ProvenanceGroup[];
  /** Document id -> provenance group id; one group is one independent source. */
  groupOf: Record<string, string>;
}

/** Thresholds: a copy needs this many shared words outside quotes, or this share of the smaller text. */
export const COPY_MIN_WORDS = 30;
export const COPY_MIN_COVERAGE = 0.15;

function wordsIn(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

function dateOf(d: Pick<Document, 'meta'>): number | undefined {
  if (!d.meta.published || d.meta.publishedSource === 'option') return undefined;
  const t = Date.parse(d.meta.published);
  return Number.isNaN(t) ? undefined : t;
}

/** Share of `[start, end)` covered by quotation regions. */
function quotedShare(regions: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): number {
  let covered = 0;
  for (const r of regions) {
    if (r.end <= start) continue;
    if (r.start >= end) break;
    covered += Math.min(end, r.end) - Math.max(start, r.start);
  }
  return covered / Math.max(1, end - start);
}

/** Splits a reuse relation into narrative copying and shared quotation, and orients it by date. */
export function classifyReuse(rel: ReuseRelation, a: Document, b: Document, credits: Map<string, WireCredit[]> = new Map()): CopyEdge {
  const qa = quotedRegions(a.text);
  const qb = quotedRegions(b.text);
  let narrative = 0;
  let quotedWords = 0;
  for (const p of rel.passages) {
    // Words of the passage inside quotation marks in both documents are quotation, the rest narrative.
    const share = Math.min(quotedShare(qa, p.a.start, p.a.end), quotedShare(qb, p.b.start, p.b.end));
    const q = Math.round(p.words * share);
    quotedWords += q;
    narrative += p.words - q;
  }
  const smaller = Math.max(1, Math.min(wordsIn(a.text), wordsIn(b.text)));
  const coverage = Math.round((narrative / smaller) * 1000) / 1000;
  const copy = narrative >= COPY_MIN_WORDS || (narrative >= 12 && coverage >= COPY_MIN_COVERAGE);
  const ta = dateOf(a);
  const tb = dateOf(b);
  let directed = ta !== undefined && tb !== undefined && ta !== tb;
  let [from, to] = directed && tb! < ta! ? [b.id, a.id] : [a.id, b.id];
  // The agency's own publication is the origin of the copy another outlet credits to it, whatever the clocks say.
  const norm = (x: string) => x.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const isAgencyOf = (d: Document, other: Document) => Boolean(d.meta.site) && (credits.get(other.id) ?? []).some((c) => norm(c.wire) === norm(d.meta.site!));
  const agencyReason = isAgencyOf(a, b) !== isAgencyOf(b, a);
  if (agencyReason) [from, to, directed] = isAgencyOf(a, b) ? [a.id, b.id, true] : [b.id, a.id, true];
  if (!directed) {
    // Without dates: the article that carries the agency's own dateline is the origin, the one
    // that says it "contains reporting from" the agency is the re-run.
    const form = (id: string, f: WireCredit['form']) => (credits.get(id) ?? []).some((c) => c.form === f);
    if (form(a.id, 'dateline') && form(b.id, 'reporting-from')) [from, to, directed] = [a.id, b.id, true];
    else if (form(b.id, 'dateline') && form(a.id, 'reporting-from')) [from, to, directed] = [b.id, a.id, true];
  }
  return {
    from,
    to,
    kind: copy ? 'copy' : quotedWords > narrative ? 'shared-quote' : 'incidental',
    directed,
    sharedWords: narrative,
    coverage,
    passages: rel.passages,
    reason: copy
      ? `${narrative} words of narrative text in common (${Math.round(coverage * 100)}% of the shorter article)${directed ? (agencyReason ? '; the origin is the agency\'s own publication, the copy credits the agency' : ta !== undefined && tb !== undefined && ta !== tb ? '; the earlier article is the likely origin' : '; the origin carries the agency dateline, the copy credits the agency') : ''}`
      : quotedWords > narrative
        ? `only the same quotation${rel.passages.length > 1 ? 's' : ''} in common: each outlet may have it independently`
        : `only ${narrative} words in common: too little to call a copy`,
  };
}

/** Builds provenance: wire credits, copy edges, and groups of documents that are one source. */
export function buildProvenance(docs: readonly Document[], reuse: readonly ReuseRelation[]): Provenance {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const wires: Provenance['wires'] = [];
  const docWires = new Map<string, Set<string>>();
  for (const d of docs) {
    const set = new Set<string>();
    for (const c of findWireCredits(d.text)) {
      wires.push({ ...c, doc: d.id });
      set.add(c.wire);
    }
    // Credits the cleaner lifted out of the text into metadata (a trailing "AP" line) still count.
    for (const w of [...(d.meta.wire ?? []).map(canonicalWire), ...wiresInByline(d.meta.byline)]) {
      if (!set.has(w)) wires.push({ wire: w, form: d.meta.wire?.map(canonicalWire).includes(w) ? 'metadata' : 'byline', doc: d.id });
      set.add(w);
    }
    docWires.set(d.id, set);
  }
  const creditsByDoc = new Map<string, WireCredit[]>();
  for (const w of wires) creditsByDoc.set(w.doc, [...(creditsByDoc.get(w.doc) ?? []), w]);
  const edges = siblingsOfOneOrigin(reuse.filter((r) => byId.has(r.a) && byId.has(r.b)).map((r) => classifyReuse(r, byId.get(r.a)!, byId.get(r.b)!, creditsByDoc)));
  // Union-find over copy edges and shared wire credits.
  const parent = new Map(docs.map((d) => [d.id, d.id]));
  const reasons = new Map<string, string[]>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)!)!);
      x = parent.get(x)!;
    }
    return x;
  };
  const union = (x: string, y: string, why: string) => {
    const rx = find(x);
    const ry = find(y);
    // Within one group the reason is added once; joining two groups keeps both lists (never the same list twice).
    const merged = rx === ry ? [...(reasons.get(rx) ?? []), why] : [...(reasons.get(rx) ?? []), ...(reasons.get(ry) ?? []), why];
    if (rx !== ry) {
      parent.set(ry, rx);
      reasons.delete(ry);
    }
    reasons.set(rx, merged);
  };
  for (const e of edges) if (e.kind === 'copy' || e.kind === 'same-origin') union(e.from, e.to, `${e.from} and ${e.to} share ${e.sharedWords} words of text`);
  const firstWithWire = new Map<string, string>();
  for (const d of docs) {
    for (const w of docWires.get(d.id) ?? []) {
      const first = firstWithWire.get(w);
      if (first) union(first, d.id, `${first} and ${d.id} both carry ${w} reporting`);
      else firstWithWire.set(w, d.id);
    }
  }
  const members = new Map<string, string[]>();
  for (const d of docs) {
    const r = find(d.id);
    members.set(r, [...(members.get(r) ?? []), d.id]);
  }
  const groups: ProvenanceGroup[] = [];
  const groupOf: Record<string, string> = {};
  let n = 0;
  for (const [root, ids] of members) {
    const id = `g${++n}`;
    for (const d of ids) groupOf[d] = id;
    groups.push({ id, documents: ids, wires: [...new Set(ids.flatMap((d) => [...(docWires.get(d) ?? [])]))].sort(), reasons: [...new Set(reasons.get(root) ?? [])] });
  }
  return { wires, edges, groups, groupOf };
}

/** Corpus stage: who copied whom, who carries which wire, and which documents are one source. */
export const provenanceStage: CorpusStage = {
  kind: 'corpus',
  name: 'provenance',
  version: 1,
  needs: ['text', 'corpus:reuse'],
  produces: ['corpus:provenance'],
  description: 'wire credits, a copy graph from shared text, and groups of documents that count as one source',
  run(docs, _ctx, corpus) {
    return { sections: { provenance: buildProvenance(docs as Document[], (corpus.reuse ?? []) as ReuseRelation[]) } };
  },
};

/**
 * Two re-runs of one origin share its text but neither copied the other: their edge is `same-origin`.
 * A copy of a copy carries its source's edits, so it shares more with that source than with the origin:
 * only a pair that shares no more than each shares with the common origin is read as siblings.
 */
export function siblingsOfOneOrigin(edges: CopyEdge[]): CopyEdge[] {
  const shared = new Map<string, number>();
  const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const originsOf = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.kind !== 'copy') continue;
    shared.set(key(e.from, e.to), e.sharedWords);
    if (e.directed) (originsOf.get(e.to) ?? originsOf.set(e.to, new Set()).get(e.to)!).add(e.from);
  }
  return edges.map((e) => {
    if (e.kind !== 'copy') return e;
    const common = [...(originsOf.get(e.from) ?? [])].find(
      (o) => o !== e.to && originsOf.get(e.to)?.has(o) && e.sharedWords <= Math.min(shared.get(key(o, e.from)) ?? 0, shared.get(key(o, e.to)) ?? 0) + 5,
    );
    return common ? { ...e, kind: 'same-origin', directed: false, reason: `${e.reason}; both copy ${common} and share no more with each other than with it` } : e;
  });
}
