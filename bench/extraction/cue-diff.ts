/**
 * The cues an experimental setting adds over the same code with the setting off, on the dev part
 * (rules alone), each marked gold (+) or not (-): a new rule pays when the precision of what it
 * adds is above F1/2 (≈ 0.39 now; see NOTES.md), so judge it by that number. Guard the
 * experiment behind an environment variable; the baseline is the same build with it empty.
 *
 *   node tools/scripts/build.js && MY_FLAG=on node dist/bench/extraction/cue-diff.js --env MY_FLAG
 *
 * Lists cues whose span is new (a moved span counts as one added and is not listed as removed).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { spansMatch } from './training/score';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/data/polnear-dev');
const dev = loadCorpus(corpusDir).filter((doc) => doc.part === 'dev');
const envAt = process.argv.indexOf('--env');
const flag = envAt >= 0 ? process.argv[envAt + 1] : 'EXPERIMENT';
const spansOf = (text: string) =>
  extractAttributions(text, { cueModel: null }).map((a) => `${a.cue.start}:${a.cue.end}`);

if (process.argv.includes('--baseline')) {
  console.log(JSON.stringify(dev.map((doc) => spansOf(doc.text))));
} else {
  const baseline: string[][] = JSON.parse(
    execFileSync(process.execPath, [__filename, '--baseline', '--env', flag], {
      env: { ...process.env, [flag]: '' },
      maxBuffer: 1 << 26,
    }).toString(),
  );
  let good = 0;
  let bad = 0;
  dev.forEach((doc, k) => {
    const before = new Set(baseline[k]);
    const chars = Array.from(doc.text);
    for (const key of spansOf(doc.text)) {
      if (before.has(key)) continue;
      const [start, end] = key.split(':').map(Number);
      const gold = doc.gold.some((g) => spansMatch(g.cue, { start, end }, 'overlap'));
      if (gold) good++;
      else bad++;
      const context =
        chars.slice(Math.max(0, start - 50), start).join('') +
        '[' +
        chars.slice(start, end).join('') +
        ']' +
        chars.slice(end, end + 40).join('');
      console.log(`${gold ? '+' : '-'} ${context.replace(/\s+/g, ' ')}`);
    }
  });
  console.log(
    `added: ${good} gold, ${bad} not (precision ${good + bad ? (good / (good + bad)).toFixed(2) : '-'})`,
  );
}
