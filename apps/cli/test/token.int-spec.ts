import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase } from '@claimtrace/testing';
import { runCli } from './support/run-cli';

// `claimtrace token create|list|revoke` against a real database (DATABASE_URL set for the CLI).

describe('claimtrace token', () => {
  let url: string;
  const saved = process.env.DATABASE_URL;

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
});
