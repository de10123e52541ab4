import { fmt, pointOf, type ClaimGroup, type GroupedClaim } from './align.js';

/** UCDP-style estimates for one claim group, with the figure's evolution over report time. */
export interface Figure {
  group: string;
  label: string;
  unit: string;
  low: number | null;
  best: number | null;
  high: number | null;
  /** The rule that picked `best`, in words, so a reader can check it. */
  rule: string;
  /** Claims that fed `best` (`doc/claim`). */
  basis: string[];
  evolution: Array<{ date?: string; figure: string; low: number | null; high: number | null; speaker: string; outlet: string; claim: string; phase?: string }>;
}

/** The rule, stated once, that every figure's `best` follows. */
export const BEST_RULE =
  'best = the median of the point estimates (a value, else a range midpoint, else its one bound) of the latest claim of each independent source, leaving out initial-group figures and projections; low = the lowest lower bound and high = the highest upper bound of all current claims (projections widen only high).';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Computes low / best / high for a claim group, UCDP-style, and lists the figure over time. */
export function figureOf(g: ClaimGroup): Figure {
  const current = g.claims.filter((c) => c.phase !== 'initial' && c.phase !== 'projected');
  const pool = current.length ? current : g.claims;
  const latest = new Map<string, GroupedClaim>();
  for (const c of pool) {
    const prev = latest.get(c.source);
    if (!prev || (c.reportDate ?? '') > (prev.reportDate ?? '')) latest.set(c.source, c);
  }
  const points = [...latest.values()].map((c) => ({ c, p: pointOf(c) })).filter((x): x is { c: GroupedClaim; p: number } => x.p !== undefined);
  const lows = pool.map((c) => c.low ?? c.value).filter((x): x is number => typeof x === 'number');
  const highs = g.claims.map((c) => c.high ?? c.value).filter((x): x is number => typeof x === 'number');
  const openHigh = pool.some((c) => c.high === null && c.value === undefined);
  return {
    group: g.id,
    label: g.label,
    unit: g.key.unit,
    low: lows.length ? Math.min(...lows) : null,
    best: points.length ? median(points.map((x) => x.p)) : null,
    high: openHigh || !highs.length ? null : Math.max(...highs),
    rule: BEST_RULE,
    basis: points.map((x) => `${x.c.doc}/${x.c.claim}`),
    evolution: [...g.claims]
      .sort((a, b) => (a.reportDate ?? '9999').localeCompare(b.reportDate ?? '9999'))
      .map((c) => ({
        ...(c.reportDate ? { date: c.reportDate } : {}),
        figure: fmt(c),
        low: c.low,
        high: c.high,
        speaker: c.speaker,
        outlet: c.outlet,
        claim: `${c.doc}/${c.claim}`,
        ...(c.phase ? { phase: c.phase } : {}),
      })),
  };
}
