/**
 * Retrains the learned cue model on PolNeAR's train split; chooses and reports on the dev split
 * (never trained on).
 *
 *   npm run train:cue-model -- --threshold 4 --veto -8 --min-weight 2
 *   npm run train:cue-model -- --choose [--thresholds 4,8] [--vetoes -Infinity,-4] [--min-weight 2]   # writes nothing
 *
 * Writes libs/extraction/data/cue-model.json: the model with its provenance (corpus and its hash,
 * this command, the commit of the extraction code, the scores on the dev split). The same corpus
 * and the same commit give the same file. TRAIN_DIR defaults to ../shared/data/polnear-train and
 * DEV_DIR to ../shared/data/polnear-dev beside the repository. With --choose it writes nothing: it
 * trains once and prints the overlap scores on the dev part of the dev split at each threshold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { scoreTexts } from './training/evaluate';
import { prf } from './training/score';
import { trainCueModel } from './training/train-cue-model';
import { corpusHash, cueModelFileText, roundedScores, sourceCommit } from './training/model-file';

const repoRoot = path.resolve(__dirname, '../../..');
const trainDir = path.resolve(
  process.env.TRAIN_DIR ?? path.join(repoRoot, '../shared/data/polnear-train'),
);
const devDir = path.resolve(
  process.env.DEV_DIR ?? path.join(repoRoot, '../shared/data/polnear-dev'),
);
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const threshold = Number(option('--threshold') ?? 0);
const vetoThreshold = Number(option('--veto') ?? -Infinity);
const minWeight = Number(option('--min-weight') ?? 0);
const train = loadCorpus(trainDir);
const dev = loadCorpus(devDir);

if (args.includes('--choose')) {
  const thresholds = option('--thresholds')?.split(',').map(Number) ?? [Infinity, 4, 6, 8, 10, 12];
  const vetoes = option('--vetoes')?.split(',').map(Number) ?? [-Infinity];
  const trained = trainCueModel(
    train,
    0,
    vetoes.some((v) => v > -Infinity) ? 0 : -Infinity,
    minWeight,
  );
  const devPart = dev.filter((doc) => doc.part === 'dev');
  for (const t of thresholds)
    for (const v of vetoes) {
      const veto = trained.veto && { ...trained.veto, threshold: v };
      const scores = scoreTexts(devPart, (text) =>
        extractAttributions(text, { cueModel: { ...trained, threshold: t, veto } }),
      );
      const line = [`threshold ${t} veto ${v}`];
      for (const role of ['cue', 'source', 'content'] as const) {
        const { precision, recall, f1 } = prf(scores.spans[role].overlap);
        line.push(`${role} P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
      }
      console.log(line.join(' | '));
    }
} else {
  const model = trainCueModel(train, threshold, vetoThreshold, minWeight);
  const scores = scoreTexts(dev, (text) => extractAttributions(text, { cueModel: model }));
  const text = cueModelFileText(model, {
    corpus: {
      name: 'PolNeAR',
      path: path.relative(repoRoot, trainDir),
      part: 'train (all texts; first annotation file of each)',
      texts: train.length,
      sha256: corpusHash(trainDir, train),
    },
    command: ['npm run train:cue-model --', ...args].join(' '),
    commit: sourceCommit(repoRoot),
    devScores: roundedScores(scores),
  });
  const out = path.resolve(repoRoot, 'libs/extraction/data/cue-model.json');
  fs.writeFileSync(out, text);
  console.log(
    `wrote ${out}: ${model.stems.length} stems, ${Object.keys(model.weights).length} weights, threshold ${threshold}`,
  );
}
