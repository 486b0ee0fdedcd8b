import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from './embedded-postgres';

jest.setTimeout(30_000);

async function query<R extends object>(url: string, sql: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a process that has already exited. */
function exitedPid(): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.once('exit', () => done(child.pid!));
  });
}

describe('EmbeddedPostgres', () => {
  // One folder for the file: the cluster is initialised once, the second test starts on it.
  const dataDir = mkdtempSync(join(tmpdir(), 'claimtrace-embedded-test-'));
  const servers: EmbeddedPostgres[] = [];
  const start = async () => {
    const server = await EmbeddedPostgres.start({ dataDir, database: 'claimtrace' });
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its data and its port across a stop and a start on the same folder', async () => {
    const first = await start();
    await query(first.url(), 'CREATE TABLE notes (body TEXT NOT NULL)');
    await query(first.url(), `INSERT INTO notes VALUES ('written before the restart')`);
    await first.stop();

    const second = await start();
    expect(second.port).toBe(first.port);
    expect(await query(second.url(), 'SELECT body FROM notes')).toEqual([
      { body: 'written before the restart' },
    ]);
    await second.stop();
  });

  it('shares the server another live process runs on the folder, and leaves it running', async () => {
    const owner = await start();
    await query(owner.url(), 'CREATE TABLE IF NOT EXISTS shared_notes (body TEXT NOT NULL)');
    const serverPid = readFileSync(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split(
      '\n',
    )[0];
    const lines: string[] = [];

    const guest = await EmbeddedPostgres.start({
      dataDir,
      database: 'claimtrace',
      log: (line) => lines.push(line),
    });
    expect(guest.port).toBe(owner.port);
    expect(lines.join('\n')).toContain(
      `using the embedded PostgreSQL that process ${process.pid} runs`,
    );
    await query(guest.url(), `INSERT INTO shared_notes VALUES ('written by the guest')`);
    await guest.stop();

    expect(isAlive(Number(serverPid))).toBe(true);
    expect(await query(owner.url(), 'SELECT body FROM shared_notes')).toEqual([
      { body: 'written by the guest' },
    ]);
    await owner.stop();
    expect(isAlive(Number(serverPid))).toBe(false);
  });

  it('takes over a server that an earlier process left running on the folder', async () => {
    const abandoned = await start(); // its owner never stops it
    await query(abandoned.url(), 'CREATE TABLE IF NOT EXISTS marks (body TEXT NOT NULL)');
    await query(abandoned.url(), `INSERT INTO marks VALUES ('written by the abandoned server')`);
    const orphanPid = Number(
      readFileSync(join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    // as if its owner had been killed: the pid of a process that has exited
    writeFileSync(join(dataDir, 'pg-owner'), `${await exitedPid()}\n`);

    const recovered = await start();
    expect(recovered.port).toBe(abandoned.port);
    expect(isAlive(orphanPid)).toBe(false);
    expect(await query(recovered.url(), 'SELECT body FROM marks')).toEqual([
      { body: 'written by the abandoned server' },
    ]);
    await recovered.stop();
  });

  it('says when its server is killed, and restarts it on the same port with every commit', async () => {
    const server = await start();
    await query(server.url(), 'CREATE TABLE IF NOT EXISTS survivors (body TEXT NOT NULL)');
    await query(server.url(), `INSERT INTO survivors VALUES ('committed before the kill')`);
    // a session left open: its backend outlives the postmaster and holds its shared memory
    const open = new Client({ connectionString: server.url() });
    open.on('error', () => undefined);
    await open.connect();
    const pidFile = join(dataDir, 'pgdata', 'postmaster.pid');
    const killed = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);

    const exit = new Promise<string>((done) => server.onUnexpectedExit(done));
    process.kill(killed, 'SIGKILL');
    expect(await exit).toBe(`the embedded PostgreSQL (pid ${killed}) was killed by SIGKILL`);
    await server.restart();
    await open.end().catch(() => undefined);

    expect(Number(readFileSync(pidFile, 'utf8').split('\n')[0])).not.toBe(killed);
    expect(await query(server.url(), 'SELECT body FROM survivors')).toEqual([
      { body: 'committed before the kill' },
    ]);
    await server.stop();
  });

  // Only root switches to the postgres OS user; as another user there is nothing to move.
  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot('runs from a private folder the postgres OS user cannot enter (mktemp -d)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'claimtrace-private-')); // mode 0700
    const lines: string[] = [];
    const server = await EmbeddedPostgres.start({
      dataDir: join(parent, 'data'),
      database: 'claimtrace',
      log: (line) => lines.push(line),
    });
    const moved = /lives in (\S+)$/m.exec(lines.join('\n'))?.[1];
    try {
      expect(await query(server.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(lines.join('\n')).toContain(`cannot enter ${parent}`);
      expect(moved).toMatch(/^\/var\/lib\/claimtrace\/[0-9a-f]{16}\/pgdata$/);
    } finally {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
      if (moved) rmSync(dirname(moved), { recursive: true, force: true });
    }
  });
});
