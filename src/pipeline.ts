import { cleanStage } from './clean/stage.js';
import { sentencesStage } from './language/sentences.js';
import { entitiesStage } from './entities/stage.js';
import { quantitiesStage } from './quantities/stage.js';
import { timesStage } from './times/stage.js';
import { attributionsStage } from './attributions/stage.js';
import { claimsStage } from './claims/stage.js';
import { profileStage } from './profile/stage.js';
import { reuseStage } from './corpus/reuse.js';
import { duplicatesStage } from './corpus/duplicates.js';
import { entityLinksStage } from './corpus/entities.js';
import { provenanceStage } from './provenance/stage.js';
import { alignmentStage } from './claims/corpus.js';
import { buildPipeline, type Pipeline } from './core/runner.js';
import type { Stage } from './core/stage.js';
import { TriangulateError } from './core/errors.js';

/** Every stage the library ships, in pipeline order. */
export const STAGES: readonly Stage[] = [
  cleanStage,
  sentencesStage,
  entitiesStage,
  quantitiesStage,
  timesStage,
  attributionsStage,
  claimsStage,
  profileStage,
  reuseStage,
  duplicatesStage,
  entityLinksStage,
  provenanceStage,
  alignmentStage,
];

/** The default pipeline, checked. */
export function defaultPipeline(): Pipeline {
  return buildPipeline([...STAGES]);
}

/** Looks a stage up by `name` or `name@version`; unknown names are an error listing the valid ones. */
export function getStage(ref: string): Stage {
  const [name, version] = ref.split('@');
  const s = STAGES.find((x) => x.name === name && (!version || String(x.version) === version));
  if (!s) throw new TriangulateError('E_UNKNOWN_STAGE', `Unknown stage "${ref}". Valid stages: ${STAGES.map((x) => `${x.name}@${x.version}`).join(', ')}.`);
  return s;
}
