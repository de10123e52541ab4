import { attributionsStage } from './attributions/stage.js';
import { cleanStage } from './clean/stage.js';
import { buildPipeline, type Pipeline } from './core/runner.js';
import type { Stage } from './core/stage.js';
import { TriangulateError } from './core/errors.js';
import { reuseStage } from './corpus/reuse.js';
import { sentencesStage } from './language/sentences.js';

/** Every stage the library ships, in pipeline order. */
export const STAGES: readonly Stage[] = [cleanStage, sentencesStage, attributionsStage, reuseStage];

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
