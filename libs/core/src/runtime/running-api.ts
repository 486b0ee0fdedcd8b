import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * While the API runs it records where it listens in its data folder (CLAIMTRACE_DATA_DIR), beside
 * the embedded database, so the CLI finds the API the way it finds the database.
 */
export const RUNNING_API_FILE = 'api.json';

export interface RunningApi {
  pid: number;
  dashboard: string;
  graphql: string;
  websocket: string;
  startedAt: string;
}

export type RunningApiLookup =
  | { state: 'running'; api: RunningApi; file: string }
  | { state: 'stopped'; api: RunningApi; file: string }
  | { state: 'none'; file: string };

/** Writes the record (whole or not at all: a reader never sees half a file). */
export function recordRunningApi(dataDir: string, api: RunningApi): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, RUNNING_API_FILE);
  const partial = `${file}.${api.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(api, null, 2)}\n`);
  renameSync(partial, file);
  return file;
}

/** Removes the record, if it is this process's (another API may have started on the folder since). */
export function forgetRunningApi(dataDir: string, pid = process.pid): void {
  const file = join(dataDir, RUNNING_API_FILE);
  if (readRecord(file)?.pid === pid) rmSync(file, { force: true });
}

/** The API recorded in the data folder, and whether its process is still alive. */
export function findRunningApi(
  dataDir: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): RunningApiLookup {
  const file = join(dataDir, RUNNING_API_FILE);
  const api = readRecord(file);
  if (!api) return { state: 'none', file };
  return { state: isAlive(api.pid) ? 'running' : 'stopped', api, file };
}

function readRecord(file: string): RunningApi | null {
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningApi>;
    return Number.isInteger(record.pid) && typeof record.websocket === 'string'
      ? (record as RunningApi)
      : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
