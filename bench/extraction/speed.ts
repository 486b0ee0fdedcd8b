/**
 * Throughput of extractAttributions on one core.
 *
 *   node tools/scripts/build.js && node dist/bench/extraction/speed.js [CORPUS_DIR]
 *
 * Concatenates the corpus texts (as articles, one after another) until at least 2 MB, runs the
 * extractor article by article once to warm up, then times three runs and prints MB/s.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractAttributions } from '@claimtrace/extraction';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = process.argv[2] ?? path.resolve(repoRoot, '../shared/data/polnear-dev');
const textDir = path.join(corpusDir, 'text');
const articles = fs
  .readdirSync(textDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(textDir, f), 'utf8'));
if (articles.length === 0) throw new Error(`no .txt files in ${textDir}`);

const TARGET_BYTES = 2 * 1024 * 1024;
const batch: string[] = [];
let bytes = 0;
for (let i = 0; bytes < TARGET_BYTES; i++) {
  const article = articles[i % articles.length];
  batch.push(article);
  bytes += Buffer.byteLength(article, 'utf8');
}

const run = (): number => {
  let found = 0;
  for (const article of batch) found += extractAttributions(article).length;
  return found;
};

run(); // warm-up
const runs = 3;
let best = Infinity;
let bestCpu = Infinity;
let found = 0;
/** CPU seconds of this process: on a busy machine wall time overstates the cost. */
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
for (let r = 0; r < runs; r++) {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  found = run();
  bestCpu = Math.min(bestCpu, cpuSeconds(cpu));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  best = Math.min(best, seconds);
}
const megabytes = bytes / (1024 * 1024);
console.log(
  `${batch.length} articles, ${megabytes.toFixed(2)} MB, ${found} attributions; ` +
    `best of ${runs}: ${best.toFixed(3)} s = ${(megabytes / best).toFixed(2)} MB/s ` +
    `(CPU time ${bestCpu.toFixed(3)} s = ${(megabytes / bestCpu).toFixed(2)} MB/s)`,
);
// One long document too: the whole batch as a single text.
const joined = batch.join('\n\n');
const started = process.hrtime.bigint();
const singleCpu = process.cpuUsage();
const single = extractAttributions(joined).length;
const singleCpuSeconds = cpuSeconds(singleCpu);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(
  `one ${megabytes.toFixed(2)} MB document: ${single} attributions in ${seconds.toFixed(3)} s = ` +
    `${(megabytes / seconds).toFixed(2)} MB/s (CPU time ${singleCpuSeconds.toFixed(3)} s = ` +
    `${(megabytes / singleCpuSeconds).toFixed(2)} MB/s)`,
);
