import type { Document } from '../core/document.js';
import type { CorpusStage } from '../core/stage.js';

/** A passage two documents share word for word (after case and punctuation folding). */
export interface SharedPassage {
  a: { start: number; end: number };
  b: { start: number; end: number };
  words: number;
}

/** Text reuse between two documents: shared passages and how much of each they cover. */
export interface ReuseRelation {
  a: string;
  b: string;
  passages: SharedPassage[];
  /** Share of A's words that lie in passages shared with B (and the reverse). */
  coverageA: number;
  coverageB: number;
  sharedWords: number;
}

interface Words {
  norm: string[];
  start: number[];
  end: number[];
}

/** Words of a text with their clean positions, folded for comparison. */
export function words(text: string): Words {
  const norm: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    norm.push(m[0].toLowerCase().replace(/’/g, "'"));
    start.push(m.index);
    end.push(m.index + m[0].length);
  }
  return { norm, start, end };
}

/**
 * Finds passages of at least `k` consecutive identical words shared by two texts (greedy, longest
 * first from each seed), the way text-reuse detectors seed on shingles and extend.
 */
export function sharedPassages(a: Words, b: Words, k = 8): SharedPassage[] {
  const index = new Map<string, number[]>();
  for (let i = 0; i + k <= b.norm.length; i++) {
    const key = b.norm.slice(i, i + k).join(' ');
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  }
  const out: SharedPassage[] = [];
  const usedB = new Uint8Array(b.norm.length);
  let i = 0;
  while (i + k <= a.norm.length) {
    const hits = index.get(a.norm.slice(i, i + k).join(' '));
    let best = 0;
    let bestJ = -1;
    for (const j of hits ?? []) {
      if (usedB[j]) continue;
      let n = k;
      while (i + n < a.norm.length && j + n < b.norm.length && a.norm[i + n] === b.norm[j + n]) n++;
      if (n > best) {
        best = n;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      for (let t = 0; t < best; t++) usedB[bestJ + t] = 1;
      out.push({
        a: { start: a.start[i], end: a.end[i + best - 1] },
        b: { start: b.start[bestJ], end: b.end[bestJ + best - 1] },
        words: best,
      });
      i += best;
    } else i++;
  }
  return out;
}

/** Pairwise text reuse over the corpus; relations below `minWords` shared words are left out. */
export function findReuse(docs: readonly Pick<Document, 'id' | 'text'>[], k = 8, minWords = 12): ReuseRelation[] {
  const ws = docs.map((d) => words(d.text));
  const out: ReuseRelation[] = [];
  for (let x = 0; x < docs.length; x++) {
    for (let y = x + 1; y < docs.length; y++) {
      const passages = sharedPassages(ws[x], ws[y], k);
      const shared = passages.reduce((n, p) => n + p.words, 0);
      if (shared < minWords) continue;
      out.push({
        a: docs[x].id,
        b: docs[y].id,
        passages,
        sharedWords: shared,
        coverageA: round(shared / Math.max(1, ws[x].norm.length)),
        coverageB: round(shared / Math.max(1, ws[y].norm.length)),
      });
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Corpus stage: text shared word for word between documents (wire copy, quotes, re-runs). */
export const reuseStage: CorpusStage = {
  kind: 'corpus',
  name: 'reuse',
  version: 1,
  needs: ['text'],
  produces: ['corpus:reuse'],
  description: 'passages shared word for word between documents',
  run(docs) {
    return { sections: { reuse: findReuse(docs) } };
  },
};
