import type { Report } from '../report/report.js';
import type { StorySummary } from './types.js';

/** The host of a URL, without `www.`, or undefined when it is not a URL. */
function host(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Counts disputed figures in a figures section of unknown future shape: an array, or `{items}`. */
function countDisputed(section: unknown): number | undefined {
  const items = Array.isArray(section) ? section : section && typeof section === 'object' ? (section as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return undefined;
  return items.filter((f) => f && typeof f === 'object' && ((f as Record<string, unknown>).disputed === true || (f as Record<string, unknown>).status === 'disputed')).length;
}

/** Computes a story's listing fields from its report. */
export function summarize(id: string, name: string, report: Report, times: { createdAt: string; updatedAt: string }): StorySummary {
  const outlets = new Set<string>();
  const dates: string[] = [];
  const layers = new Set<string>();
  for (const d of report.documents) {
    const outlet = d.meta.site ?? host(d.meta.url);
    if (outlet) outlets.add(outlet);
    if (d.meta.published && d.meta.publishedSource !== 'option') dates.push(d.meta.published);
    for (const l of Object.keys(d.layers)) layers.add(l);
  }
  dates.sort();
  // A figure is disputed when its claim group is; the figures section itself carries no status.
  const disputed = report.corpus.claimGroups !== undefined ? countDisputed(report.corpus.claimGroups) : countDisputed(report.corpus.figures);
  return {
    id,
    name,
    documents: report.summary.documents,
    analyzed: report.summary.analyzed,
    failedDocuments: report.summary.failedDocuments,
    failedInputs: report.summary.failedInputs,
    outlets: [...outlets].sort(),
    dateRange: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : {},
    ...(disputed !== undefined ? { disputedFigures: disputed } : {}),
    sections: Object.keys(report.corpus).sort(),
    layers: [...layers].sort(),
    stages: report.stages,
    ...times,
  };
}
