import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PageReading, PageTooComplex } from './read-page';

/** The reader as built (dist), else its source (tests run TypeScript: the worker compiles it). */
const READER = [join(__dirname, 'read-page.js'), join(__dirname, 'read-page.ts')].find((file) =>
  existsSync(file),
)!;

/** The most memory a reading may take: a page beyond it is refused, the server stays up. */
const HEAP_MB = 512;

/**
 * How many pages are read at once: one per core. More would only share the cores (and hold a heap
 * each); a reading waits for a free reader within its time limit.
 */
export const MAX_READERS = Math.max(1, availableParallelism());

/** No reader came free within the time limit: the server is busy reading other pages. */
export class ReadersBusy extends Error {}

let reading = 0;
const waiting: (() => void)[] = [];

/** How many readers are reading, and how many readings wait for one. */
export function readers(): { reading: number; waiting: number } {
  return { reading, waiting: waiting.length };
}

/** Waits for a free reader (FIFO); false when none came free before `deadline` (epoch ms). */
async function acquireReader(deadline: number): Promise<boolean> {
  if (reading < MAX_READERS) {
    reading += 1;
    return true;
  }
  return new Promise((resolve) => {
    const take = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(take), 1);
      resolve(false);
    }, deadline - Date.now());
    waiting.push(take);
  });
}

/** Hands the reader on to the next one waiting, if any. */
function releaseReader(): void {
  const next = waiting.shift();
  if (next) next();
  else reading -= 1;
}

/** The worker's code: loads the reader, reads the page, posts the reading or the error back. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
function load(file) {
  if (file.endsWith('.js')) return require(file);
  const Module = require('node:module');
  const { dirname } = require('node:path');
  const { code } = require('@swc/core').transformSync(require('node:fs').readFileSync(file, 'utf8'), {
    filename: file,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  module._compile(code, file);
  return module.exports;
}
const { readPage } = load(workerData.reader);
try {
  parentPort.postMessage({ reading: readPage(workerData.html, workerData.url) });
} catch (error) {
  parentPort.postMessage({ error: { name: error && error.name, tooComplex: error && error.constructor && error.constructor.name === 'PageTooComplex', message: String(error && error.message) } });
}
`;

interface WorkerAnswer {
  reading?: PageReading;
  error?: { name: string; tooComplex: boolean; message: string };
}

/**
 * readPage in a worker thread of its own, so that the event loop answers other requests while a
 * page is read; the worker is stopped after `timeoutMs`, or when it needs more than HEAP_MB, and
 * the page refused (PageTooComplex). A stack overflow on a page built to cause one is refused too.
 * At most MAX_READERS pages are read at once; a reading waits for a free reader up to `timeoutMs`
 * as well (ReadersBusy when none comes free in time).
 */
export async function readPageOffThread(
  html: string,
  url: string,
  timeoutMs: number,
): Promise<PageReading> {
  if (!(await acquireReader(Date.now() + timeoutMs))) {
    throw new ReadersBusy(`every reader was busy for ${seconds(timeoutMs)}`);
  }
  try {
    return await readInWorker(html, url, timeoutMs);
  } finally {
    releaseReader();
  }
}

function readInWorker(html: string, url: string, timeoutMs: number): Promise<PageReading> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { reader: READER, html, url },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new PageTooComplex(`took longer than ${seconds(timeoutMs)} to read (FETCH_TIMEOUT_MS)`),
          ),
        ),
      timeoutMs,
    );
    worker.on('message', (answer: WorkerAnswer) =>
      settle(() => {
        if (answer.reading) return resolve(answer.reading);
        const error = answer.error!;
        if (error.tooComplex) return reject(new PageTooComplex(error.message));
        if (error.name === 'RangeError') {
          return reject(new PageTooComplex(`is built too deep to read (${error.message})`));
        }
        reject(new Error(`Reading the page failed: ${error.name}: ${error.message}`));
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PageTooComplex(`needs more than ${HEAP_MB} MB of memory to read`)
            : error,
        ),
      ),
    );
    worker.on('exit', () =>
      settle(() => reject(new Error('The page reader stopped without an answer.'))),
    );
  });
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
