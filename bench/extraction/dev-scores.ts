/**
 * Overlap P / R / F1 for cue, source, content and attributions on the dev part only (never the held-out part),
 * for the rules alone and for the rules with the shipped cue model (in-sample for the model).
 *
 *   node tools/scripts/build.js && node dist/bench/extraction/dev-scores.js
 */
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { scoreTexts } from './training/evaluate';
import { prf } from './training/score';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/data/polnear-dev');
const dev = loadCorpus(corpusDir).filter((doc) => doc.part === 'dev');

for (const [name, cueModel] of [
  ['rules alone', null],
  ['shipped   ', undefined],
] as const) {
  const scores = scoreTexts(dev, (text) => extractAttributions(text, { cueModel }));
  const line: string[] = [name];
  for (const role of ['cue', 'source', 'content'] as const) {
    const counts = scores.spans[role].overlap;
    const { precision, recall, f1 } = prf(counts);
    line.push(
      `${role} ${precision.toFixed(3)} ${recall.toFixed(3)} ${f1.toFixed(3)} (${counts.matched}/${counts.predicted})`,
    );
  }
  const attributions = prf(scores.attributions.overlap);
  line.push(`attribution ${attributions.f1.toFixed(3)}`);
  console.log(line.join(' | '));
}
