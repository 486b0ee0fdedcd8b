/**
 * Evaluates libs/extraction on the English and Spanish dev sets.
 *
 *   npm run eval:extraction     (= node tools/scripts/build.js && node dist/bench/extraction/evaluate.js)
 *
 * English: PolNeAR's dev split (../shared/data/polnear-dev beside the repository, or DEV_DIR),
 * never trained on; stance on our own labels of its attributions (bench/extraction/data/
 * stance-en.tsv). Spanish: the Spanish dev set written for this project
 * (bench/extraction/data/spanish-dev), with stances. Prints exact and overlap precision, recall
 * and F1 per role, attribution-level scores and stance accuracy per class, with date and commit.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { formatTable, scoreTexts } from './training/evaluate';
import { formatStances, type StanceScores } from './training/stance-score';
import { readStanceLabels, withStanceLabels } from './training/stance-labels';

const repoRoot = path.resolve(__dirname, '../../..');
const devDir = path.resolve(
  process.env.DEV_DIR ?? path.join(repoRoot, '../shared/data/polnear-dev'),
);
const spanishDir = path.join(repoRoot, 'bench/extraction/data/spanish-dev');
const stanceFile = path.join(repoRoot, 'bench/extraction/data/stance-en.tsv');

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (uncommitted changes)' : '';
console.log(
  `date: ${new Date().toISOString().slice(0, 10)}  commit: ${git('rev-parse', '--short', 'HEAD')}${dirty}`,
);
console.log(
  'overlap: a predicted span counts when it shares at least half of the shorter span with a gold span of the same role (one-to-one)',
);
console.log(
  'stance: accuracy over the labelled gold attributions whose cue was found (overlap); "found" of "gold"\n',
);

const english = loadCorpus(devDir);
const extractEnglish = (text: string) => extractAttributions(text, { language: 'en' });
console.log(
  `== English: PolNeAR dev split (${devDir}); the cue model never saw it (trained on train)`,
);
console.log(
  'parts: texts by name, every third (positions 2, 5, 8, …) "held-out": never read while writing rules\n',
);
for (const [title, docs] of [
  ['dev part', english.filter((doc) => doc.part === 'dev')],
  ['held-out part', english.filter((doc) => doc.part === 'held-out')],
  ['all of dev', english],
] as const) {
  console.log(`${formatTable(`English, ${title}`, scoreTexts(docs, extractEnglish))}\n`);
}
const englishStances: StanceScores = new Map();
const labelled = withStanceLabels(english, readStanceLabels(stanceFile));
scoreTexts(labelled, extractEnglish, englishStances);
console.log(
  `${formatStances(`English stance (${labelled.length} texts, our labels)`, englishStances)}\n`,
);

const spanish = loadCorpus(spanishDir);
const spanishStances: StanceScores = new Map();
const extractSpanish = (text: string) => extractAttributions(text);
console.log('== Spanish: bench/extraction/data/spanish-dev (language detected, not declared)\n');
console.log(`${formatTable('Spanish dev', scoreTexts(spanish, extractSpanish, spanishStances))}\n`);
console.log(formatStances('Spanish stance', spanishStances));
