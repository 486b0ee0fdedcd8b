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

/**
 * Readers that finished a reading and wait for the next one (loading the DOM library takes a
 * worker about a second): at most MAX_READERS, and none keeps the process alive.
 */
const idle: Worker[] = [];

let reading = 0;
const waiting: (() => void)[] = [];

/** How many readers are reading, how many readings wait for one, and how many readers are idle. */
export function readers(): { reading: number; waiting: number; idle: number } {
  return { reading, waiting: waiting.length, idle: idle.length };
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

/** The worker's code: loads the reader once, then reads each page it is sent, posting back the
 * reading or the error. */
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
parentPort.on('message', ({ html, url }) => {
  try {
    parentPort.postMessage({ reading: readPage(html, url) });
  } catch (error) {
    parentPort.postMessage({ error: { name: error && error.name, tooComplex: error && error.constructor && error.constructor.name === 'PageTooComplex', message: String(error && error.message) } });
  }
});
`;

function startReader(): Worker {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { reader: READER },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  worker.unref();
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at !== -1) idle.splice(at, 1);
  });
  return worker;
}

interface WorkerAnswer {
  reading?: PageReading;
  error?: { name: string; tooComplex: boolean; message: string };
}

/**
 * readPage in a worker thread, so that the event loop answers other requests while a page is
 * read; the worker is stopped (and another started for the next page) after `timeoutMs`, or when it needs more than HEAP_MB, and
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
  const worker = idle.pop() ?? startReader();
  return new Promise<PageReading>((resolve, reject) => {
    let settled = false;
    /** Ends the reading; the worker reads the next page, or is stopped (`keep` false). */
    const settle = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) idle.push(worker);
      else void worker.terminate();
      outcome();
    };
    const onMessage = (answer: WorkerAnswer) =>
      settle(true, () => {
        if (answer.reading) return resolve(answer.reading);
        const error = answer.error!;
        if (error.tooComplex) return reject(new PageTooComplex(error.message));
        if (error.name === 'RangeError') {
          return reject(new PageTooComplex(`is built too deep to read (${error.message})`));
        }
        reject(new Error(`Reading the page failed: ${error.name}: ${error.message}`));
      });
    const onError = (error: Error & { code?: string }) =>
      settle(false, () =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new PageTooComplex(`needs more than ${HEAP_MB} MB of memory to read`)
            : error,
        ),
      );
    const onExit = () =>
      settle(false, () => reject(new Error('The page reader stopped without an answer.')));
    const timer = setTimeout(
      () =>
        settle(false, () =>
          reject(
            new PageTooComplex(`took longer than ${seconds(timeoutMs)} to read (FETCH_TIMEOUT_MS)`),
          ),
        ),
      timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ html, url });
  });
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
