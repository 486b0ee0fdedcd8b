import * as path from 'node:path';
import { readCueModelFile } from '../../../libs/extraction/src/model/cue-model-file';
import { loadCorpus } from './corpus';
import { corpusHash } from './model-file';
import { trainCueModel } from './train-cue-model';

/**
 * The shipped cue model against the annotated corpus it names: PolNeAR's train split. The corpus
 * is not in the repository (../shared/data/polnear-train beside it, or TRAIN_DIR), so this is not
 * part of `npm test`: `.ci/run` runs it as its own step when the corpus is there.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const trainDir = path.resolve(
  process.env.TRAIN_DIR ?? path.join(repoRoot, '../shared/data/polnear-train'),
);

describe('the shipped cue model and its corpus', () => {
  const { provenance, model } = readCueModelFile();
  const train = loadCorpus(trainDir);

  it('was trained on exactly these texts (the hash in its provenance)', () => {
    expect(train.length).toBe(provenance.corpus.texts);
    expect(corpusHash(trainDir, train)).toBe(provenance.corpus.sha256);
  });

  it('comes from a trainer that gives the same model twice', () => {
    const veto = model.veto?.threshold ?? -Infinity;
    const first = trainCueModel(train, model.threshold, veto, model.minWeight);
    expect(first).toEqual(model);
    expect(trainCueModel(train, model.threshold, veto, model.minWeight)).toEqual(first);
  });
});
