import * as path from 'node:path';
import { readCueModelFile } from '../../../libs/extraction/src/model/cue-model-file';
import { loadCorpus } from './corpus';
import { corpusHash } from './model-file';
import { trainCueModel } from './train-cue-model';

/**
 * The shipped cue model against the annotated corpus it names. The corpus is not in the
 * repository (../shared/data/polnear-dev beside it, or CORPUS_DIR), so this is not part of
 * `npm test`: `.ci/run` runs it as its own step when the corpus is there.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = path.resolve(
  process.env.CORPUS_DIR ?? path.join(repoRoot, '../shared/data/polnear-dev'),
);

describe('the shipped cue model and its corpus', () => {
  const { provenance, model } = readCueModelFile();
  const dev = loadCorpus(corpusDir).filter((doc) => doc.part === 'dev');

  it('was trained on exactly these texts (the hash in its provenance)', () => {
    expect(dev.length).toBe(provenance.corpus.texts);
    expect(corpusHash(corpusDir, dev)).toBe(provenance.corpus.sha256);
  });

  it('comes from a trainer that gives the same model twice', () => {
    const first = trainCueModel(dev, model.threshold);
    expect(trainCueModel(dev, model.threshold)).toEqual(first);
  });
});
