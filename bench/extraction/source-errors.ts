/**
 * Error analysis of sources and contents on the dev part (shipped model): for every gold
 * attribution whose cue was found (overlap), how its source and content compare — missing,
 * spurious, overlapping the wrong way — with examples.
 *
 *   node tools/scripts/build.js && node dist/bench/extraction/source-errors.js [--examples N] [--role content] [--context]
 *
 * Never run on the held-out part: it is for choosing rules.
 */
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';
import { loadCorpus } from './training/corpus';
import { spansMatch } from './training/score';
import type { GoldSpan } from './training/brat';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/data/polnear-dev');
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const exampleCount = Number(option('--examples') ?? 8);
const role = (option('--role') ?? 'source') as 'source' | 'content';
const dev = loadCorpus(corpusDir).filter((doc) => doc.part === 'dev');

const outcomes = new Map<string, string[]>();
const note = (key: string, example: string) => {
  const list = outcomes.get(key) ?? [];
  list.push(example.replace(/\s+/g, ' '));
  outcomes.set(key, list);
};
const slice = (chars: string[], span: GoldSpan) => chars.slice(span.start, span.end).join('');

function kindOfSpan(text: string): string {
  if (/^(?:he|she|they|i|we|it|you|who|which|that)$/i.test(text.trim())) return 'pronoun';
  const words = text.trim().split(/\s+/).length;
  return words <= 3 ? 'short' : words <= 8 ? 'medium' : 'long';
}

for (const doc of dev) {
  const chars = Array.from(doc.text);
  const predicted = extractAttributions(doc.text);
  const used = new Set<number>();
  for (const gold of doc.gold) {
    const at = predicted.findIndex(
      (p, k) => !used.has(k) && spansMatch(gold.cue, p.cue, 'overlap'),
    );
    if (at < 0) continue;
    used.add(at);
    const p = predicted[at];
    const g = gold[role];
    const ps =
      role === 'source'
        ? p.source
        : p.content.start === p.cue.start && p.content.end === p.cue.end
          ? null
          : p.content;
    const cue = slice(chars, gold.cue);
    const gText = g ? slice(chars, g) : '';
    const pText = ps ? slice(chars, ps) : '';
    let key: string;
    if (!g && !ps) key = 'both none';
    else if (!g) key = 'spurious (gold none)';
    else if (!ps) key = `missing (gold ${kindOfSpan(gText)})`;
    else if (spansMatch(g, ps, 'overlap')) key = 'match';
    else if (Math.min(g.end, ps.end) > Math.max(g.start, ps.start))
      key = ps.end - ps.start > g.end - g.start ? 'overlap, too long' : 'overlap, too short';
    else key = `elsewhere (gold ${kindOfSpan(gText)})`;
    const before = chars.slice(Math.max(0, gold.cue.start - 90), gold.cue.start).join('');
    const after = chars.slice(gold.cue.end, gold.cue.end + 40).join('');
    const context = args.includes('--context') ? `  …${before}[${cue}]${after}…` : '';
    note(key, `cue [${cue}] gold [${gText.slice(0, 120)}] pred [${pText.slice(0, 120)}]${context}`);
  }
}
for (const [key, list] of [...outcomes.entries()].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${key}: ${list.length}`);
  if (key === 'match' || key === 'both none') continue;
  for (const example of list.slice(0, exampleCount)) console.log(`    ${example}`);
}
