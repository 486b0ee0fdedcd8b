/**
 * Retrains the learned cue model on the dev part of the corpus (never the held-out part).
 *
 *   npm run train:cue-model -- --threshold 10 [--veto V]
 *   npm run train:cue-model -- --cv [--thresholds 8,10] [--vetoes -Infinity,-6]
 *
 * Writes libs/extraction/data/cue-model.json: the model with its provenance (corpus and its hash,
 * this command, the commit of the extraction code, the dev scores). The same corpus and the same
 * commit give the same file. CORPUS_DIR defaults to ../shared/data/polnear-dev beside the
 * repository. With --cv it writes nothing: it trains on one half of the dev texts, scores the other
 * half end to end at several thresholds, swaps the halves and prints the summed overlap F1 per
 * role, for choosing the threshold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { scoreTexts } from './training/evaluate';
import { addCounts, prf, ZERO_COUNTS } from './training/score';
import { trainCueModel } from './training/train-cue-model';
import { corpusHash, cueModelFileText, roundedScores, sourceCommit } from './training/model-file';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = path.resolve(
  process.env.CORPUS_DIR ?? path.join(repoRoot, '../shared/data/polnear-dev'),
);
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const threshold = Number(option('--threshold') ?? 0);
const vetoThreshold = Number(option('--veto') ?? -Infinity);
const dev = loadCorpus(corpusDir).filter((doc) => doc.part === 'dev');

if (args.includes('--cv')) {
  const folds = [dev.filter((_, i) => i % 2 === 0), dev.filter((_, i) => i % 2 === 1)];
  const list = (name: string, fallback: number[]) =>
    option(name)?.split(',').map(Number) ?? fallback;
  const settings: [number, number][] = [];
  for (const t of list('--thresholds', [Infinity, 4, 6, 8, 10, 12]))
    for (const v of list('--vetoes', [-Infinity, -6])) settings.push([t, v]);
  const models = folds.map((fold) => trainCueModel(fold, 0, 0));
  for (const [t, v] of settings) {
    const line = [`threshold ${t} veto ${v}`];
    for (const role of ['cue', 'source', 'content'] as const) {
      let counts = { ...ZERO_COUNTS };
      folds.forEach((_, k) => {
        const trained = models[1 - k];
        const model = { ...trained, threshold: t, veto: { ...trained.veto!, threshold: v } };
        const scores = scoreTexts(folds[k], (text) =>
          extractAttributions(text, { cueModel: model }),
        );
        counts = addCounts(counts, scores.spans[role].overlap);
      });
      const { precision, recall, f1 } = prf(counts);
      line.push(`${role} P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
    }
    console.log(line.join(' | '));
  }
} else {
  const model = trainCueModel(dev, threshold, vetoThreshold);
  const scores = scoreTexts(dev, (text) => extractAttributions(text, { cueModel: model }));
  const text = cueModelFileText(model, {
    corpus: {
      name: 'PolNeAR',
      path: path.relative(repoRoot, corpusDir),
      part: 'dev (texts by name, all but every third from the third)',
      texts: dev.length,
      sha256: corpusHash(corpusDir, dev),
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
