import { createHash } from 'node:crypto';
import type { Document } from '../core/document.js';
import type { CorpusStage } from '../core/stage.js';
import { words } from './reuse.js';

/** Two articles that are the same text (`exact`) or nearly the same (`near`); never dropped, only recorded. */
export interface DuplicateRelation {
  a: string;
  b: string;
  kind: 'exact' | 'near';
  /** Jaccard similarity of the two texts' 5-word shingle sets (1 for exact duplicates). */
  similarity: number;
  /** Share of the smaller text's shingles found in the other (a short copy inside a long one scores high). */
  containment: number;
  /** Which one came first, when both carry publication dates that differ. */
  direction?: { from: string; to: string; basis: 'published' };
}

/** Tuning of the near-duplicate search. */
export interface DuplicateOptions {
  /** Words per shingle (default 5). */
  shingle?: number;
  /** MinHash functions (default 128); must be `bands * rows`. */
  hashes?: number;
  /**
   * LSH bands (default 64 of 2 rows): a pair at the 0.5 threshold becomes a candidate with
   * probability 1 - (1 - 0.5^2)^64 > 0.9999; 32 bands of 4 missed about 1 pair in 100 there.
   */
  bands?: number;
  /** Exact Jaccard a candidate pair needs to count as a near duplicate (default 0.5). */
  threshold?: number;
}

const DEFAULTS = { shingle: 5, hashes: 128, bands: 64, threshold: 0.5 };

/** Folded words joined by single spaces: case, punctuation and spacing do not make texts differ. */
export function normalizedText(text: string): string {
  return words(text).norm.join(' ');
}

/** Content hash of the normalized text: equal hashes are exact duplicates. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizedText(text)).digest('hex');
}

/** The set of k-word shingles of a text (the text itself when it is shorter than k words). */
export function shingles(text: string, k = DEFAULTS.shingle): Set<string> {
  const w = words(text).norm;
  const out = new Set<string>();
  if (w.length && w.length < k) out.add(w.join(' '));
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads the bits of each derived hash. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MinHash signature: for each of `n` hash functions, the least hash over the shingles. */
export function minhash(set: Set<string>, n = DEFAULTS.hashes): Uint32Array {
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (const s of set) {
    const h1 = fnv1a(s, 0x811c9dc5);
    const h2 = fnv1a(s, 0x9747b28c) | 1;
    // Derived hashes h1 + i*h2 (Kirsch and Mitzenmacher), each mixed.
    for (let i = 0; i < n; i++) {
      const h = fmix32((h1 + Math.imul(i, h2)) >>> 0);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Exact Jaccard similarity and containment of two sets. */
export function jaccard(a: Set<string>, b: Set<string>): { jaccard: number; containment: number } {
  if (!a.size || !b.size) return { jaccard: 0, containment: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return { jaccard: inter / (a.size + b.size - inter), containment: inter / small.size };
}

/** A comparable publication time: ms since epoch and whether a time of day was given. */
function when(meta: Document['meta']): { ms: number; day: string; timed: boolean } | undefined {
  if (!meta.published || meta.publishedSource === 'option') return undefined;
  const ms = Date.parse(meta.published);
  if (Number.isNaN(ms)) return undefined;
  return { ms, day: meta.published.slice(0, 10), timed: /T\d/.test(meta.published) };
}

/** Which of two documents came first, when their dates say so (a date without a time only decides across days). */
function direction(a: Pick<Document, 'id' | 'meta'>, b: Pick<Document, 'id' | 'meta'>): DuplicateRelation['direction'] {
  const x = when(a.meta);
  const y = when(b.meta);
  if (!x || !y) return undefined;
  const cmp = x.timed && y.timed ? x.ms - y.ms : x.day < y.day ? -1 : x.day > y.day ? 1 : 0;
  if (cmp === 0) return undefined;
  return cmp < 0 ? { from: a.id, to: b.id, basis: 'published' } : { from: b.id, to: a.id, basis: 'published' };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Finds exact duplicates (same hash of normalized text) and near duplicates (MinHash over word
 * shingles, LSH banding for candidates, then the exact Jaccard on each candidate).
 */
export function findDuplicates(docs: readonly Pick<Document, 'id' | 'text' | 'meta'>[], options: DuplicateOptions = {}): DuplicateRelation[] {
  const o = { ...DEFAULTS, ...options };
  const rows = o.hashes / o.bands;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`duplicates: hashes (${o.hashes}) must be a multiple of bands (${o.bands})`);
  const out: DuplicateRelation[] = [];
  const pairKey = (i: number, j: number) => (i < j ? `${i}:${j}` : `${j}:${i}`);
  const done = new Set<string>();
  const sets = docs.map((d) => shingles(d.text, o.shingle));
  const relation = (i: number, j: number, kind: DuplicateRelation['kind'], sim: { jaccard: number; containment: number }) => {
    const rel: DuplicateRelation = { a: docs[i].id, b: docs[j].id, kind, similarity: round(sim.jaccard), containment: round(sim.containment) };
    const dir = direction(docs[i], docs[j]);
    if (dir) rel.direction = dir;
    out.push(rel);
    done.add(pairKey(i, j));
  };

  // Exact duplicates: group by content hash.
  const byHash = new Map<string, number[]>();
  docs.forEach((d, i) => {
    if (!normalizedText(d.text)) return;
    const h = contentHash(d.text);
    byHash.set(h, [...(byHash.get(h) ?? []), i]);
  });
  for (const group of byHash.values()) {
    for (let x = 0; x < group.length; x++) for (let y = x + 1; y < group.length; y++) relation(group[x], group[y], 'exact', { jaccard: 1, containment: 1 });
  }

  // Near duplicates: documents that agree on every row of some band are candidates.
  const buckets = new Map<string, number[]>();
  docs.forEach((_, i) => {
    if (!sets[i].size) return;
    const sig = minhash(sets[i], o.hashes);
    for (let b = 0; b < o.bands; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * rows, (b + 1) * rows)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const candidates = new Set<string>();
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(pairKey(list[x], list[y]));
  }
  for (const key of [...candidates].sort()) {
    if (done.has(key)) continue;
    const [i, j] = key.split(':').map(Number);
    const sim = jaccard(sets[i], sets[j]);
    if (sim.jaccard >= o.threshold) relation(i, j, 'near', sim);
  }
  return out.sort((p, q) => q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
}

/** Corpus stage: exact and near-duplicate articles, recorded as relations (copies are kept, not dropped). */
export const duplicatesStage: CorpusStage = {
  kind: 'corpus',
  name: 'duplicates',
  version: 1,
  needs: ['text'],
  produces: ['corpus:duplicates'],
  description: 'exact and near-duplicate articles (MinHash over 5-word shingles, LSH, exact Jaccard check)',
  run(docs, ctx) {
    const opts = (ctx.options.duplicates ?? {}) as DuplicateOptions;
    return { sections: { duplicates: findDuplicates(docs, opts) } };
  },
};
