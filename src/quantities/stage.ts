import type { DocumentStage, SpanInput } from '../core/stage.js';
import { candidateWindows, quantitiesIn } from './normalize.js';
import { tokenize } from './tokens.js';

/**
 * The `quantities` layer: counts, money, percentages, measures, rates and vague amounts, each an
 * interval (`low`, `high`) with a point `value` when there is one, a `qualifier` (see
 * normalize.ts for the set), a `unit` and the `counted` noun phrase. Years, dates, times, ages,
 * ordinals, durations and identifiers are left out. Reads the clean text line by line (a
 * quantity never crosses a line), so it needs only `text`.
 */
export const quantitiesStage: DocumentStage = {
  kind: 'document',
  name: 'quantities',
  version: 1,
  needs: ['text'],
  produces: ['layer:quantities'],
  description: 'counts, money, percentages, measures and vague amounts as intervals with hedges, units and the counted noun',
  run(doc) {
    const spans: SpanInput[] = quantitiesIn(tokenize(doc.text, candidateWindows(doc.text))).map((q, i) => ({ id: `q${i + 1}`, ...q }));
    return { layers: { quantities: spans } };
  },
};
