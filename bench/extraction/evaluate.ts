/**
 * Evaluates libs/extraction against a PolNeAR-style corpus.
 *
 *   node tools/scripts/build.js && node dist/bench/extraction/evaluate.js [CORPUS_DIR] [--part dev|held-out]
 *
 * CORPUS_DIR defaults to ../shared/data/polnear-dev beside the repository. Prints exact and
 * overlap precision, recall and F1 per role and overall, and attribution-level scores, for the
 * development part, the held-out part and all texts.
 */
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { evaluateCorpus } from './training/evaluate';

const repoRoot = path.resolve(__dirname, '../../..');
const defaultCorpus = path.resolve(repoRoot, '../shared/data/polnear-dev');
const corpusDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? defaultCorpus;

const corpus = loadCorpus(corpusDir);
console.log(`corpus: ${corpusDir}`);
console.log(
  `split: texts sorted by name, every third one (positions 2, 5, 8, …) held out; ` +
    `gold = first annotation file of each text`,
);
console.log(
  'overlap: a predicted span counts when it shares at least half of the shorter span with a gold span of the same role (one-to-one)\n',
);
console.log(
  'note: the learned cue model (libs/extraction/data/cue-model.json) is trained on the train split\n' +
    'only; the rules were written looking at the dev part, so held-out is the honest number\n',
);
console.log(evaluateCorpus(corpus, (text) => extractAttributions(text)));
