import { fmt } from '../claims/align.js';
import type { Report } from './report.js';
import { sections } from './sections.js';

/** One CSV cell: quoted, and defused against spreadsheet formula injection. */
export function csvCell(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** Every grouped claim, one row each, with its citation span and sentence. */
export function claimsCsv(report: Report): string {
  const byId = new Map(report.documents.map((d) => [d.id, d]));
  const rows: unknown[][] = [];
  for (const g of sections(report).claimGroups) {
    for (const c of g.claims) {
      const d = byId.get(c.doc);
      rows.push([g.id, g.label, g.status, c.doc, c.claim, c.outlet, c.speaker, c.chain.join(' > '), c.unattributed, fmt(c), c.low, c.high, c.value, c.qualifier, c.unit, c.subject, c.measure, c.place, c.scope, c.reportDate, c.eventDate, c.phase, c.modality, c.polarity, c.start, c.end, d?.text.slice(c.start, c.end)]);
    }
  }
  return table(['group', 'label', 'status', 'doc', 'claim', 'outlet', 'speaker', 'chain', 'unattributed', 'figure', 'low', 'high', 'value', 'qualifier', 'unit', 'subject', 'measure', 'place', 'scope', 'reported', 'event_date', 'phase', 'modality', 'polarity', 'start', 'end', 'sentence'], rows);
}

/** Low / best / high per figure, with the independent sources and the claims behind best. */
export function figuresCsv(report: Report): string {
  const { figures, claimGroups } = sections(report);
  return table(
    ['group', 'label', 'unit', 'low', 'best', 'high', 'independent_sources', 'status', 'basis'],
    figures.map((f) => {
      const g = claimGroups.find((x) => x.id === f.group);
      return [f.group, f.label, f.unit, f.low, f.best, f.high, g?.independentSources, g?.status, f.basis.join(' ')];
    }),
  );
}
