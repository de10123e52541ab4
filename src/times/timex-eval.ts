/**
 * TempEval-3 style scoring of TIMEX3 spans: strict extent (same offsets), relaxed extent (any
 * overlap, one-to-one), and attribute F1 for value and type, where a true positive is a relaxed
 * match whose attribute is equal (precision over system spans, recall over gold spans), as in the
 * TempEval-3 task description (UzZaman et al., 2013).
 */

/** A TIMEX3 span: offsets into the document text, type, value and optional mod. */
export interface TimexSpan {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string;
}

/** A gold document of the fixture: creation time, text, and its TIMEX3s in text order. */
export interface TimexDoc {
  id: string;
  dct: string;
  text: string;
  timex: Array<{ text: string; type: string; value: string; mod?: string }>;
}

/** Precision, recall and F1. */
export interface PRF {
  p: number;
  r: number;
  f: number;
}

/** Scores over a document set, and the counts behind them. */
export interface TimexScores {
  strict: PRF;
  relaxed: PRF;
  value: PRF;
  type: PRF;
  gold: number;
  system: number;
}

/**
 * Places each gold TIMEX3 of a document by searching its text from the end of the previous one,
 * so the fixture names extents by their words, not by hand-counted offsets. Throws when one is missing.
 */
export function locateGold(doc: TimexDoc): TimexSpan[] {
  let from = 0;
  return doc.timex.map((t) => {
    const start = doc.text.indexOf(t.text, from);
    if (start < 0) throw new Error(`fixture ${doc.id}: "${t.text}" not found after offset ${from}`);
    from = start + t.text.length;
    return { ...t, start, end: from };
  });
}

const prf = (tp: number, sys: number, gold: number): PRF => {
  const p = sys ? tp / sys : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Pairs gold and system spans one-to-one by overlap, largest overlap first. */
export function alignSpans(gold: TimexSpan[], sys: TimexSpan[]): Array<[number, number]> {
  const cand: Array<[number, number, number]> = [];
  gold.forEach((g, i) =>
    sys.forEach((s, j) => {
      const o = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (o > 0) cand.push([o, i, j]);
    }),
  );
  cand.sort((a, b) => b[0] - a[0]);
  const gi = new Set<number>();
  const sj = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of cand) {
    if (gi.has(i) || sj.has(j)) continue;
    gi.add(i);
    sj.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/** Scores system spans against gold spans over many documents. */
export function scoreTimex(docs: Array<{ gold: TimexSpan[]; system: TimexSpan[] }>): TimexScores {
  let gold = 0, system = 0, strict = 0, relaxed = 0, value = 0, type = 0;
  for (const d of docs) {
    gold += d.gold.length;
    system += d.system.length;
    for (const [i, j] of alignSpans(d.gold, d.system)) {
      const g = d.gold[i];
      const s = d.system[j];
      relaxed++;
      if (g.start === s.start && g.end === s.end) strict++;
      if (g.value === s.value) value++;
      if (g.type === s.type) type++;
    }
  }
  return { strict: prf(strict, system, gold), relaxed: prf(relaxed, system, gold), value: prf(value, system, gold), type: prf(type, system, gold), gold, system };
}
