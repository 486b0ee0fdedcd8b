import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '@claimtrace/testing';
import { runCli } from './support/run-cli';

// `claimtrace token create|list|revoke` against a real database (DATABASE_URL set for the CLI).

describe('claimtrace token', () => {
  let url: string;
  const saved = process.env.DATABASE_URL;

  const cli = runCli;
  const run = (...args: string[]) => runCli('token', ...args);

  const rows = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (
        await client.query(
          'SELECT name, role, token_hash, revoked_at, expires_at FROM api_principals ORDER BY name',
        )
      ).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    url = await createTestDatabase();
    process.env.DATABASE_URL = url;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('creates a token, prints it once and stores only its SHA-256', async () => {
    const printed = await run(
      'create',
      '--name',
      'desk',
      '--role',
      'EDITOR',
      '--expires-in',
      '90d',
    );
    const token = /(ct_[A-Za-z0-9_-]{43})/.exec(printed)?.[1];
    expect(token).toBeDefined();
    expect(printed).toMatch(/Created EDITOR token "desk"/);
    expect(printed).toMatch(/cannot be shown again/);
    const [row] = await rows();
    expect(row).toMatchObject({ name: 'desk', role: 'EDITOR', revoked_at: null });
    expect(row.token_hash).toBe(createHash('sha256').update(token!).digest('hex'));
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);

    const json = JSON.parse(await run('create', '--name', 'bot', '--role', 'ADMIN', '--json'));
    expect(json).toMatchObject({ name: 'bot', role: 'ADMIN', expiresAt: null });
    expect(json.token).toMatch(/^ct_/);
  });

  it('refuses a second working token with the same name, and a bad role', async () => {
    await expect(run('create', '--name', 'desk')).rejects.toThrow(/named "desk" exists/);
    await expect(run('create', '--name', 'x', '--role', 'ROOT')).rejects.toThrow();
  });

  it('lists tokens without their secrets', async () => {
    const listed = await run('list');
    expect(listed).toMatch(/EDITOR\s+desk\s+expires/);
    expect(listed).toMatch(/ADMIN\s+bot\s+active/);
    expect(listed).not.toMatch(/ct_/);
  });

  it('revokes by name or id; revoked tokens are listed as such', async () => {
    expect(await run('revoke', 'desk')).toMatch(/Revoked EDITOR token "desk"/);
    const [, desk] = await rows();
    expect(desk.revoked_at).not.toBeNull();
    const listed = (await run('list', '--json'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const bot = listed.find((p) => p.name === 'bot');
    expect(await run('revoke', bot.id)).toMatch(/Revoked ADMIN token "bot"/);
    expect(await run('list')).toMatch(/desk\s+revoked/);
    await expect(run('revoke', 'nobody')).rejects.toThrow(/No working token/);
  });

  it('creates and lists people, and tokens that belong to one (by handle or id)', async () => {
    const created = JSON.parse(
      await cli('person', 'create', '--name', 'Ana Lima', '--handle', 'ana', '--json'),
    );
    expect(created).toMatchObject({ name: 'Ana Lima', handle: 'ana', email: null });
    await expect(cli('person', 'create', '--name', 'Other', '--handle', 'ANA')).rejects.toThrow(
      /"@ana" belongs to someone else/,
    );
    const byHandle = JSON.parse(
      await run('create', '--name', 'ana-desk', '--person', '@ana', '--json'),
    );
    const byId = JSON.parse(
      await run('create', '--name', 'ana-phone', '--person', created.id, '--json'),
    );
    expect([byHandle.personId, byId.personId]).toEqual([created.id, created.id]);
    await expect(run('create', '--name', 'ghost', '--person', 'nobody')).rejects.toThrow(
      /No Person has the id "nobody"/,
    );
    const people = await cli('person', 'list');
    expect(people).toMatch(/@ana\s+Ana Lima/);
    // the tokens made without --person got a person of their own name
    expect(people).toMatch(/-\s+desk/);
  });

  it('holds `person create` to the rules of createPerson: name length, e-mail form, control characters', async () => {
    const before = (await cli('person', 'list', '--json')).split('\n').filter(Boolean).length;
    await expect(cli('person', 'create', '--name', 'x'.repeat(101))).rejects.toThrow(
      /name must be 1 to 100 characters/,
    );
    await expect(
      cli('person', 'create', '--name', 'Eve', '--email', 'not an address'),
    ).rejects.toThrow(/email must look like name@example.org/);
    await expect(cli('person', 'create', '--name', 'Eve\u001b[2J')).rejects.toThrow(
      /control characters/,
    );
    await expect(cli('person', 'create', '--name', '\u200b')).rejects.toThrow(/visible character/);
    // a token's name is recorded on every write (and names the person made for it): the same rules
    await expect(run('create', '--name', 'bot\u001b[2J')).rejects.toThrow(/control characters/);
    expect((await cli('person', 'list', '--json')).split('\n').filter(Boolean)).toHaveLength(
      before,
    );
  });
});
