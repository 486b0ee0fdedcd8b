import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTestDatabase } from '@claimtrace/testing';

// The built CLI and API (`bin/claimtrace.js`, `dist/apps/api/src/main.js`) as a person runs them:
// `--out -` puts the export alone on stdout; `watch` finds the API that runs on its data folder;
// a data folder without a database is refused, not silently filled with a new, empty one.

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'bin/claimtrace.js');
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const run = promisify(execFile);

/** The environment of a fresh shell: none of the test run's Claimtrace settings. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'CLAIMTRACE_DATA_DIR',
    'CLAIMTRACE_URL',
    'PORT',
    'LOG_LEVEL',
  ]) {
    delete base[name];
  }
  return { ...base, ...env };
}

/** Runs the CLI to its end; stdout and stderr apart, and the exit code. */
async function claimtrace(
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: cleanEnv(env),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** Resolves once `check` holds, polling (the test's own timeout bounds the wait). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((done) => setTimeout(done, 100));
}

describe('the CLI as run from a shell', () => {
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const demo = await claimtrace(['demo'], { DATABASE_URL: databaseUrl });
    expect(demo.stdout).toMatch(/Loaded the demo/);
  }, 60_000);

  describe('export --out -', () => {
    const exportTo = (...args: string[]) =>
      claimtrace(['export', '--out', '-', ...args], { DATABASE_URL: databaseUrl });

    it('writes the graph alone on stdout, in each format, and the summary on stderr', async () => {
      const json = await exportTo('--format', 'json');
      expect(json.code).toBe(0);
      const graph = JSON.parse(json.stdout) as { nodes: unknown[]; edges: unknown[] };
      expect(graph.nodes.length).toBeGreaterThan(10);
      expect(graph.edges.length).toBeGreaterThan(10);
      expect(json.stderr).toMatch(/Wrote stdout in/);

      const graphml = await exportTo('--format', 'graphml');
      const doc = new XMLParser({ isArray: (n) => ['node', 'edge'].includes(n) }).parse(
        graphml.stdout,
      );
      expect(doc.graphml.graph.node).toHaveLength(graph.nodes.length);

      const edges = await exportTo('--format', 'csv', '--table', 'edges');
      const rows = parseCsv(edges.stdout, { columns: true }) as { id: string }[];
      expect(rows).toHaveLength(graph.edges.length);
    }, 60_000);

    it('refuses two csv tables on one stdout, writing nothing there', async () => {
      const both = await exportTo('--format', 'csv');
      expect(both.code).toBe(1);
      expect(both.stdout).toBe('');
      expect(both.stderr).toMatch(/--table nodes or --table edges/);
    }, 30_000);
  });

  it('refuses to read a data folder without a database, and creates none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'claimtrace-empty-'));
    for (const args of [
      ['export', '--format', 'json', '--out', '-'],
      ['token', 'list'],
    ]) {
      const result = await claimtrace(args, { CLAIMTRACE_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`There is no Claimtrace database in ${dataDir}`);
      expect(result.stderr).toContain('CLAIMTRACE_DATA_DIR');
    }
    expect(readdirSync(dataDir)).toEqual([]);
  }, 30_000);

  describe('watch', () => {
    let dataDir: string;
    let api: ChildProcess;
    let apiOutput = '';
    let port: number;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'claimtrace-watch-'));
      api = spawn(process.execPath, [MAIN], {
        cwd: ROOT,
        env: cleanEnv({
          DATABASE_URL: databaseUrl,
          CLAIMTRACE_DATA_DIR: dataDir,
          PORT: '0', // any free port: the test learns it as the CLI does, from api.json
          HOST: '127.0.0.1',
          DEMO_DATA: 'false',
          LOG_FORMAT: 'json',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      api.stdout?.on('data', (chunk) => (apiOutput += chunk));
      api.stderr?.on('data', (chunk) => (apiOutput += chunk));
      await until(() => {
        if (api.exitCode !== null) throw new Error(`the API exited:\n${apiOutput}`);
        return existsSync(join(dataDir, 'api.json'));
      });
      const recorded = JSON.parse(readFileSync(join(dataDir, 'api.json'), 'utf8'));
      port = Number(new URL(recorded.graphql).port);
    }, 120_000);
    afterAll(() => {
      if (api.exitCode === null) api.kill('SIGKILL');
    });

    it('starts with one JSON block of its addresses and none of Nest’s start-up lines', () => {
      const lines = apiOutput
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { msg: string; context?: string; startup?: object });
      expect(lines.map((line) => line.context)).not.toContain('InstanceLoader');
      expect(lines.map((line) => line.context)).not.toContain('RouterExplorer');
      expect(lines.find((line) => line.startup)).toMatchObject({
        msg: expect.stringMatching(/^Claimtrace is ready\n/),
        startup: {
          dashboard: `http://127.0.0.1:${port}/`,
          graphql: `http://127.0.0.1:${port}/graphql`,
          websocket: `ws://127.0.0.1:${port}/graphql`,
        },
      });
    });

    it('finds the API running on its data folder and prints its events', async () => {
      const first = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ events(first: 1) { edges { cursor } } }' }),
      });
      const cursor = ((await first.json()) as any).data.events.edges[0].cursor as string;

      const watch = spawn(process.execPath, [CLI, 'watch', '--after', cursor], {
        cwd: ROOT,
        env: cleanEnv({ CLAIMTRACE_DATA_DIR: dataDir }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      watch.stdout?.on('data', (chunk) => (stdout += chunk));
      watch.stderr?.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((done) => watch.once('exit', done));
      await until(() => stdout.split('\n').length > 3 || watch.exitCode !== null);
      watch.kill('SIGINT');
      expect(await exited).toBe(0);

      expect(stderr).toContain(
        `following ws://127.0.0.1:${port}/graphql (found in ${join(dataDir, 'api.json')})`,
      );
      const events = stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { cursor: string; kind: string });
      expect(events[0].cursor).not.toBe(cursor);
      expect(events.every((event) => typeof event.kind === 'string')).toBe(true);
    }, 60_000);

    it('forgets the API once it stops, and says so instead of waiting for it', async () => {
      const exited = new Promise<number | null>((done) => api.once('exit', done));
      api.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(join(dataDir, 'api.json'))).toBe(false);

      const result = await claimtrace(['watch'], { CLAIMTRACE_DATA_DIR: dataDir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('No running Claimtrace API found');
      expect(result.stderr).toContain(join(dataDir, 'api.json'));
    }, 60_000);
  });
});
