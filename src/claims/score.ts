import type { Report, ReportDocument } from '../report/report.js';
import type { ClaimGroup } from './align.js';
import type { Figure } from './figures.js';
import type { Provenance } from '../provenance/stage.js';
import type { SourceProfile } from '../profile/stage.js';

/** The gold file's shape, as far as the scorer reads it (see examples/README.md). */
export interface Gold {
  documents: Array<{ doc: string; kind: string }>;
  claimGroups: Array<{ id: string; claims: Array<{ doc: string; quote: string; low: number | null; high: number | null; value?: number | null; speakerChain?: string[] }> }>;
  speakers?: Array<{ id: string; name: string; aliases?: string[] }>;
  figures: Array<{ group: string; low: number | null; best: number | null; high: number | null }>;
  copies: Array<{ from: string; to: string; kind: string }>;
  opinion?: string[];
  nonClaims?: Array<{ doc: string; quote: string }>;
}

/** Scores of a report against a gold file. */
export interface ClaimScores {
  claims: { gold: number; predicted: number; matched: number; recall: number; precision: number; falseOnNonClaims: number };
  groups: { pairs: number; precision: number; recall: number; f1: number };
  figures: { gold: number; found: number; lowExact: number; bestExact: number; highExact: number; bestWithin10pct: number };
  copies: { gold: number; predicted: number; matched: number; directionCorrect: number; precision: number; recall: number; quotationsNotCopies: number; quotations: number };
  opinion: { gold: number; predicted: number; matched: number };
  /** Matched claims whose speaker is the gold chain's last speaker (an alias of it), or unattributed when the gold has none. */
  speakers: { gold: number; correct: number; accuracy: number };
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : 0);

function docFor(report: Report, goldDoc: string): ReportDocument | undefined {
  return report.documents.find((d) => d.source === goldDoc || d.source.endsWith('/' + goldDoc));
}

function sameBound(a: number | null | undefined, b: number | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** Scores claim detection, grouping, figures, copy relations and opinion labels against a gold file. */
export function scoreClaims(report: Report, gold: Gold): ClaimScores {
  const groups = (report.corpus.claimGroups ?? []) as ClaimGroup[];
  const figures = (report.corpus.figures ?? []) as Figure[];
  const provenance = report.corpus.provenance as Provenance | undefined;
  // Predicted claims, keyed `doc/claim`, with their group.
  const predicted = new Map<string, { group: string; low: number | null; high: number | null; value?: number; doc: string; start: number; end: number; speaker: string; unattributed: boolean }>();
  for (const g of groups) for (const c of g.claims) predicted.set(`${c.doc}/${c.claim}`, { group: g.id, low: c.low, high: c.high, value: c.value, doc: c.doc, start: c.start, end: c.end, speaker: c.speaker, unattributed: c.unattributed });
  const goldClaimOf = new Map<string, { speakerChain?: string[] }>();
  const matchOf = new Map<string, string>(); // gold claim key -> predicted key
  const goldGroupOf = new Map<string, string>();
  let goldN = 0;
  for (const g of gold.claimGroups) {
    g.claims.forEach((gc, i) => {
      goldN++;
      const key = `${g.id}#${i}`;
      goldGroupOf.set(key, g.id);
      goldClaimOf.set(key, gc);
      const d = docFor(report, gc.doc);
      if (!d) return;
      const at = d.text.indexOf(gc.quote);
      if (at < 0) return;
      for (const [pk, p] of predicted) {
        if (p.doc !== d.id || p.start > at || p.end < at + gc.quote.length) continue;
        const valueOk = (sameBound(p.low, gc.low) && sameBound(p.high, gc.high)) || (gc.value != null && p.value === gc.value);
        if (valueOk && ![...matchOf.values()].includes(pk)) {
          matchOf.set(key, pk);
          break;
        }
      }
    });
  }
  let falseOnNon = 0;
  for (const nc of gold.nonClaims ?? []) {
    const d = docFor(report, nc.doc);
    if (!d) continue;
    const at = d.text.indexOf(nc.quote);
    if (at < 0) continue;
    for (const p of predicted.values()) if (p.doc === d.id && p.start <= at && p.end >= at + nc.quote.length) {
      // A claim in the same sentence as a non-claim counts only when it carries the non-claim's number.
      const num = /\d[\d,.]*/.exec(nc.quote)?.[0]?.replace(/,/g, '');
      if (num && (String(p.value) === num || String(p.low) === num)) falseOnNon++;
    }
  }
  // Pairwise clustering precision/recall over matched gold claims.
  const keys = [...matchOf.keys()];
  let tp = 0;
  let predPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const sameGold = goldGroupOf.get(keys[i]) === goldGroupOf.get(keys[j]);
      const samePred = predicted.get(matchOf.get(keys[i])!)!.group === predicted.get(matchOf.get(keys[j])!)!.group;
      if (sameGold) goldPairs++;
      if (samePred) predPairs++;
      if (sameGold && samePred) tp++;
    }
  }
  const gp = ratio(tp, predPairs);
  const gr = ratio(tp, goldPairs);
  // Figures: the predicted group holding most of a gold group's matched claims.
  let found = 0;
  let lowExact = 0;
  let bestExact = 0;
  let highExact = 0;
  let within = 0;
  for (const gf of gold.figures) {
    const votes = new Map<string, number>();
    for (const [k, pk] of matchOf) if (goldGroupOf.get(k) === gf.group) {
      const pg = predicted.get(pk)!.group;
      votes.set(pg, (votes.get(pg) ?? 0) + 1);
    }
    const pg = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const f = figures.find((x) => x.group === pg);
    if (!f) continue;
    found++;
    if (sameBound(f.low, gf.low)) lowExact++;
    if (sameBound(f.best, gf.best)) bestExact++;
    if (sameBound(f.high, gf.high)) highExact++;
    if (f.best !== null && gf.best !== null && Math.abs(f.best - gf.best) <= 0.1 * Math.abs(gf.best)) within++;
  }
  // Copies: predicted copy edges vs gold wire/rerun copies; gold quotations must not be copies.
  const edges = (provenance?.edges ?? []).filter((e) => e.kind === 'copy');
  const idOf = (g: string) => docFor(report, g)?.id;
  const goldCopies = gold.copies.filter((c) => c.kind !== 'quotation');
  let cm = 0;
  let dir = 0;
  for (const c of goldCopies) {
    const [a, b] = [idOf(c.from), idOf(c.to)];
    const e = edges.find((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a));
    if (e) {
      cm++;
      if (e.from === a) dir++;
    }
  }
  const quotations = gold.copies.filter((c) => c.kind === 'quotation');
  const qOk = quotations.filter((c) => !edges.some((x) => [x.from, x.to].includes(idOf(c.from)!) && [x.from, x.to].includes(idOf(c.to)!))).length;
  // Speakers: the predicted name and a gold alias contain one another (case and apostrophes aside).
  const norm = (x: string) => x.toLowerCase().replace(/[’']/g, "'").replace(/^the\s+/, '').trim();
  const aliases = new Map((gold.speakers ?? []).map((sp) => [sp.id, [sp.name, ...(sp.aliases ?? [])].map(norm)]));
  let spGold = 0;
  let spOk = 0;
  for (const [k, pk] of matchOf) {
    const chain = goldClaimOf.get(k)?.speakerChain;
    if (!chain) continue;
    spGold++;
    const p = predicted.get(pk)!;
    const last = chain[chain.length - 1];
    if (!last) {
      if (p.unattributed) spOk++;
      continue;
    }
    const name = norm(p.speaker);
    const names = aliases.get(last) ?? [norm(last.replace(/-/g, ' '))];
    if (names.some((a) => a && (a.includes(name) || name.includes(a)))) spOk++;
  }
  const goldOpinion = new Set((gold.opinion ?? gold.documents.filter((d) => d.kind === 'opinion').map((d) => d.doc)).map(idOf));
  const predOpinion = new Set(report.documents.filter((d) => (d.records.profile?.[0] as SourceProfile | undefined)?.genre === 'opinion').map((d) => d.id));
  return {
    claims: { gold: goldN, predicted: predicted.size, matched: matchOf.size, recall: ratio(matchOf.size, goldN), precision: ratio(matchOf.size, predicted.size), falseOnNonClaims: falseOnNon },
    groups: { pairs: goldPairs, precision: gp, recall: gr, f1: gp + gr ? Math.round(((2 * gp * gr) / (gp + gr)) * 1000) / 1000 : 0 },
    figures: { gold: gold.figures.length, found, lowExact, bestExact, highExact, bestWithin10pct: within },
    copies: { gold: goldCopies.length, predicted: edges.length, matched: cm, directionCorrect: dir, precision: ratio(cm, edges.length), recall: ratio(cm, goldCopies.length), quotationsNotCopies: qOk, quotations: quotations.length },
    opinion: { gold: goldOpinion.size, predicted: predOpinion.size, matched: [...predOpinion].filter((x) => goldOpinion.has(x)).length },
    speakers: { gold: spGold, correct: spOk, accuracy: ratio(spOk, spGold) },
  };
}
