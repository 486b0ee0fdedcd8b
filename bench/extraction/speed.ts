/**
 * Throughput of extractAttributions on one core, the cue model's load time and size.
 *
 *   npm run bench:extraction   (= node tools/scripts/build.js && node dist/bench/extraction/speed.js [CORPUS_DIR])
 *
 * Concatenates the corpus texts (as articles, one after another) until at least 2 MB, then, in the
 * same run and on the same articles, times (best of three, after a warm-up): the rules alone (the
 * baseline), the shipped extractor with the article's language declared, the same with the language
 * detected, and the Spanish dev set repeated to 1 MB. Prints MB/s by wall and by CPU time (on a
 * busy machine wall time overstates the cost), and the ratio to the baseline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractAttributions, type ExtractedAttribution } from '@claimtrace/extraction';
import { CUE_MODEL_FILE, readCueModelFile } from '../../libs/extraction/src/model/cue-model-file';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = process.argv[2] ?? path.resolve(repoRoot, '../shared/data/polnear-dev');
const spanishDir = path.join(repoRoot, 'bench/extraction/data/spanish-dev');

function readTexts(dir: string): string[] {
  const textDir = path.join(dir, 'text');
  const texts = fs
    .readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(textDir, f), 'utf8'));
  if (texts.length === 0) throw new Error(`no .txt files in ${textDir}`);
  return texts;
}

/** Articles repeated in order until at least `target` bytes. */
function batchOf(texts: string[], target: number): { batch: string[]; megabytes: number } {
  const batch: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    batch.push(texts[i % texts.length]);
    bytes += Buffer.byteLength(texts[i % texts.length], 'utf8');
  }
  return { batch, megabytes: bytes / (1024 * 1024) };
}

interface Timing {
  wall: number;
  cpu: number;
  found: number;
}

function time(batch: string[], extract: (text: string) => ExtractedAttribution[]): Timing {
  const run = () => batch.reduce((found, article) => found + extract(article).length, 0);
  run(); // warm-up
  let best: Timing = { wall: Infinity, cpu: Infinity, found: 0 };
  for (let r = 0; r < 3; r++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const found = run();
    const used = process.cpuUsage(cpu);
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    best = {
      wall: Math.min(best.wall, wall),
      cpu: Math.min(best.cpu, (used.user + used.system) / 1e6),
      found,
    };
  }
  return best;
}

const started = process.hrtime.bigint();
const loadCpu = process.cpuUsage();
const file = readCueModelFile();
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
const loadCpuUsed = process.cpuUsage(loadCpu);
const size = fs.statSync(CUE_MODEL_FILE).size;
console.log(
  `cue model: ${(size / (1024 * 1024)).toFixed(2)} MB, ${Object.keys(file.model.weights).length} weights; ` +
    `read and checked in ${loadMs.toFixed(0)} ms ` +
    `(CPU ${((loadCpuUsed.user + loadCpuUsed.system) / 1000).toFixed(0)} ms)`,
);

const english = batchOf(readTexts(corpusDir), 2 * 1024 * 1024);
const spanish = batchOf(readTexts(spanishDir), 1024 * 1024);
const runs: [
  string,
  { batch: string[]; megabytes: number },
  (text: string) => ExtractedAttribution[],
][] = [
  [
    'rules alone, English declared (baseline)',
    english,
    (t) => extractAttributions(t, { cueModel: null, language: 'en' }),
  ],
  [
    'shipped extractor, English declared',
    english,
    (t) => extractAttributions(t, { language: 'en' }),
  ],
  ['shipped extractor, language detected', english, (t) => extractAttributions(t)],
  ['Spanish dev set, language detected', spanish, (t) => extractAttributions(t)],
];
let baselineCpu = 0;
for (const [title, { batch, megabytes }, extract] of runs) {
  const timing = time(batch, extract);
  const cpuRate = megabytes / timing.cpu;
  if (baselineCpu === 0) baselineCpu = cpuRate;
  console.log(
    `${title}: ${batch.length} articles, ${megabytes.toFixed(2)} MB, ${timing.found} attributions; ` +
      `${(megabytes / timing.wall).toFixed(2)} MB/s wall, ${cpuRate.toFixed(2)} MB/s CPU ` +
      `(${(cpuRate / baselineCpu).toFixed(2)}× the baseline)`,
  );
}
