import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRunningApi, forgetRunningApi, recordRunningApi, RunningApi } from './running-api';

describe('the running API record', () => {
  const api = (pid: number): RunningApi => ({
    pid,
    dashboard: 'http://localhost:3000/',
    graphql: 'http://localhost:3000/graphql',
    websocket: 'ws://localhost:3000/graphql',
    startedAt: '2026-12-07T10:00:00.000Z',
  });
  const folder = () => mkdtempSync(join(tmpdir(), 'claimtrace-api-record-'));

  it('is found while its process lives, and reported as stopped after', () => {
    const dataDir = folder();
    const file = recordRunningApi(dataDir, api(4242));
    expect(file).toBe(join(dataDir, 'api.json'));
    expect(findRunningApi(dataDir, () => true)).toEqual({ state: 'running', api: api(4242), file });
    expect(findRunningApi(dataDir, () => false)).toEqual({
      state: 'stopped',
      api: api(4242),
      file,
    });
    expect(readdirSync(dataDir)).toEqual(['api.json']);
  });

  it('creates the data folder, and checks a real process by default', () => {
    const dataDir = join(folder(), 'not', 'yet');
    recordRunningApi(dataDir, api(process.pid));
    expect(findRunningApi(dataDir).state).toBe('running');
  });

  it('is removed by its own process only', () => {
    const dataDir = folder();
    recordRunningApi(dataDir, api(4242));
    forgetRunningApi(dataDir, 1111);
    expect(findRunningApi(dataDir, () => true).state).toBe('running');
    forgetRunningApi(dataDir, 4242);
    expect(findRunningApi(dataDir).state).toBe('none');
  });

  it('counts a missing or unreadable file as no API', () => {
    const dataDir = folder();
    expect(findRunningApi(dataDir)).toEqual({ state: 'none', file: join(dataDir, 'api.json') });
    writeFileSync(join(dataDir, 'api.json'), '{"pid": 12');
    expect(findRunningApi(dataDir).state).toBe('none');
    writeFileSync(join(dataDir, 'api.json'), '{"pid": "12", "websocket": "ws://x"}');
    expect(findRunningApi(dataDir).state).toBe('none');
  });
});
