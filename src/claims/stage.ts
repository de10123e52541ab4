import type { DocumentStage } from '../core/stage.js';
import { buildClaims } from './build.js';

/** Normalized claim records: one per counted figure, with measure, subject, place, times, speaker chain and modality. */
export const claimsStage: DocumentStage = {
  kind: 'document',
  name: 'claims',
  version: 1,
  needs: ['text', 'layer:sentences', 'layer:quantities', 'layer:attributions', 'layer:times'],
  produces: ['layer:claims'],
  description: 'claim records built from figures, their speakers, places, times and hedges',
  run(doc) {
    return { layers: { claims: buildClaims(doc) } };
  },
};
