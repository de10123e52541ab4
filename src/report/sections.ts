import type { ClaimGroup } from '../claims/align.js';
import type { Figure } from '../claims/figures.js';
import type { TimelineEvent } from '../claims/timeline.js';
import type { SourceProfile } from '../profile/stage.js';
import type { Provenance } from '../provenance/stage.js';
import type { Report, ReportDocument } from './report.js';

/** Typed access to the corpus sections a report may hold (each absent when its stage did not run). */
export function sections(report: Report) {
  const c = report.corpus;
  return {
    claimGroups: (c.claimGroups ?? []) as ClaimGroup[],
    figures: (c.figures ?? []) as Figure[],
    timeline: (c.timeline ?? []) as TimelineEvent[],
    provenance: c.provenance as Provenance | undefined,
  };
}

/** A document's profile record, when the profile stage ran. */
export function profileOf(d: ReportDocument): SourceProfile | undefined {
  return (d.records.profile?.[0] as SourceProfile | undefined) ?? undefined;
}

/** A short display name for a document: outlet, else title, else file name. */
export function docLabel(d: Pick<ReportDocument, 'meta' | 'source' | 'id'>): string {
  return d.meta.site ?? d.meta.title?.slice(0, 60) ?? d.source.split('/').pop() ?? d.id;
}

/** A claim's speaker chain for reading, with the channel the speaker used: "outlet → Umerov (Telegram)". */
export function chainText(c: { chain: string[]; channel?: string }): string {
  const chain = c.chain.join(' → ');
  return c.channel && chain ? `${chain} (${c.channel})` : chain;
}
