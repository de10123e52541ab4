import type { Document } from '../core/document.js';
import type { CorpusStage } from '../core/stage.js';
import type { Provenance } from '../provenance/stage.js';
import { alignClaims } from './align.js';
import { figureOf } from './figures.js';
import { buildTimeline } from './timeline.js';

/** Corpus stage: claim groups with relations, UCDP-style figures, and the timeline of dated events. */
export const alignmentStage: CorpusStage = {
  kind: 'corpus',
  name: 'alignment',
  version: 1,
  needs: ['layer:claims', 'corpus:provenance'],
  produces: ['corpus:claimGroups', 'corpus:figures', 'corpus:timeline'],
  description: 'groups claims about the same thing across documents, relates them, and estimates low/best/high',
  run(docs, _ctx, corpus) {
    const provenance = corpus.provenance as Provenance | undefined;
    const claimGroups = alignClaims(docs as Document[], provenance?.groupOf ?? {});
    const figures = claimGroups.filter((g) => g.claims.some((c) => c.low !== null || c.high !== null || c.value !== undefined)).map(figureOf);
    return { sections: { claimGroups, figures, timeline: buildTimeline(docs as Document[]) } };
  },
};
