import { createHash } from 'node:crypto';
import { CUE_MODEL } from './model/cue-model-file';

/**
 * The revision of the rules. Bump it with any change that changes what `extractAttributions`
 * answers: stored suggestions of another version are recomputed when next read.
 * `version.spec.ts` pins the answer on the worked example to remind you.
 */
export const EXTRACTION_RULES_REVISION = 3;

/**
 * Names the extractor whose suggestions are stored beside an article: the rules' revision and a
 * digest of the learned cue model's weights, so a retrained model is a new version by itself.
 */
const CUE_MODEL_DIGEST = createHash('sha256')
  .update(JSON.stringify(CUE_MODEL))
  .digest('hex')
  .slice(0, 16);

export const EXTRACTOR_VERSION = `rules-${EXTRACTION_RULES_REVISION}+cue-model-${CUE_MODEL_DIGEST}`;
