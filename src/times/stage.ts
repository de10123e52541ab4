import { diagnostic } from '../core/diagnostics.js';
import type { DocumentStage, SpanInput } from '../core/stage.js';
import { findTimes } from './find.js';

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
    const anchor = doc.meta.published ?? ctx.published;
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
