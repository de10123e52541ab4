import { diagnostic } from '../core/diagnostics.js';
import type { DocumentStage, SpanInput } from '../core/stage.js';
import { findTimes } from './find.js';

/**
 * The publication day in the reader's time zone: a date-time with a zone ("...T23:30:00Z") is
 * moved into `timeZone` first, so "Tuesday" is counted from the local day of publication.
 */
export function anchorDay(published: string | undefined, timeZone: string): string | undefined {
  if (!published) return undefined;
  if (!/T\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(published)) return published.slice(0, 10);
  const t = Date.parse(published);
  if (Number.isNaN(t)) return published.slice(0, 10);
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  } catch {
    return published.slice(0, 10);
  }
}

/**
 * times@1: time expressions as TIMEX3 values (TimeML / TempEval-3 conventions) anchored on the
 * publication date (`meta.published`, else `ctx.published`). Each span carries `type`, `value`,
 * `granularity`, `mod?`, `anchored`, `role` (report = the time of a saying, event = otherwise; rule in
 * roles.ts) and `relativeTo?` (id of the earlier time a "the following day" was measured from).
 */
export const timesStage: DocumentStage = {
  kind: 'document',
  name: 'times',
  version: 1,
  needs: ['text', 'meta'],
  produces: ['layer:times'],
  description: 'time expressions (dates, times, durations, sets) normalized to TIMEX3 against the publication date',
  run(doc, ctx) {
    const anchor = anchorDay(doc.meta.published ?? ctx.published, ctx.timeZone);
    const sentences = doc.layers.sentences?.map((s) => ({ start: s.start, end: s.end }));
    const { times, unanchored } = findTimes(doc.text, anchor, sentences);
    const diagnostics = [];
    if (!anchor) {
      diagnostics.push(
        diagnostic('warning', 'times/no-anchor', 'times@1', `No publication date: ${unanchored} relative time expression(s) were left out and the rest are unanchored.`, {
          expected: 'a published date in the input or the --published option (YYYY-MM-DD)',
        }),
      );
    }
    return { layers: { times: times as unknown as SpanInput[] }, diagnostics };
  },
};
