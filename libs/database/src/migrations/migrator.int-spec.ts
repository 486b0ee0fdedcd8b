import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminQuery, withDatabase } from '@claimtrace/testing';
import { MigrationFile, prismaDir, readMigrations } from './migration-files';
import { migrate, MigrationError } from './migrator';

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

function adminUrl(): string {
  const url = process.env.CLAIMTRACE_TEST_ADMIN_URL;
  if (!url) throw new Error('Integration tests need the global setup of jest.config.js.');
  return url;
}

const created: string[] = [];

/** An empty database (not copied from the migrated template); dropped after the file. */
async function emptyDatabase(): Promise<string> {
  // The run's prefix lets the global teardown drop it too should this file crash.
  const name = `${process.env.CLAIMTRACE_TEST_RUN}_migrator_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl(), `CREATE DATABASE "${name}"`);
  created.push(name);
  return withDatabase(adminUrl(), name);
}

async function query<R extends object>(url: string, sql: string): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

const recorded = (url: string) =>
  query<MigrationRow>(
    url,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
     FROM "_prisma_migrations" ORDER BY migration_name`,
  );

const tableExists = async (url: string, table: string) =>
  (await query<{ found: string | null }>(url, `SELECT to_regclass('public.${table}') AS found`))[0]
    .found !== null;

const withSql = (migration: MigrationFile, sql: string): MigrationFile => ({
  ...migration,
  sql,
  checksum: createHash('sha256').update(sql).digest('hex'),
});

describe('migrate', () => {
  const migrations = readMigrations();

  afterAll(async () => {
    for (const name of created) {
      await adminQuery(adminUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it('finds the migrations of prisma/migrations in name order', () => {
    expect(migrations.length).toBeGreaterThan(0);
    const names = migrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
  });

  describe('on an empty database', () => {
    let url: string;
    beforeAll(async () => {
      url = await emptyDatabase();
    });

    it("applies every migration and records each as Prisma does, with the file's SHA-256", async () => {
      const report = await migrate(url);
      expect(report).toEqual({ applied: migrations.map((m) => m.name), alreadyApplied: 0 });

      const rows = await recorded(url);
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const row of rows) {
        const file = readFileSync(
          join(prismaDir(), 'migrations', row.migration_name, 'migration.sql'),
        );
        expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
      expect(await tableExists(url, 'claims')).toBe(true);
    });

    it('applies nothing the second time', async () => {
      const before = await recorded(url);
      expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: migrations.length });
      expect(await recorded(url)).toEqual(before);
    });

    it('refuses to go on when an applied migration was edited, naming it', async () => {
      const edited = migrations.map((m, i) => (i === 0 ? withSql(m, `${m.sql}\n-- edited\n`) : m));
      const error = await migrate(url, edited).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toBe(
        `Migration ${migrations[0].name} was changed after it was applied (checksum differs). Never edit an applied migration; add a new one.`,
      );
      expect(await recorded(url)).toHaveLength(migrations.length);
    });

    it('rolls a failing migration back and records nothing for it', async () => {
      const broken = withSql(
        { name: '29991231000000_broken', sql: '', checksum: '' },
        'CREATE TABLE "half_done" (id INT);\nSELECT * FROM "no_such_table";\n',
      );
      await expect(migrate(url, [...migrations, broken])).rejects.toThrow(
        /^Migration 29991231000000_broken failed: relation "no_such_table" does not exist$/,
      );
      expect(await tableExists(url, 'half_done')).toBe(false);
      const rows = await recorded(url);
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      // and the database is still usable by the next, correct run
      expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: migrations.length });
    });
  });

  it('applies each migration exactly once when several processes migrate at the same time', async () => {
    const url = await emptyDatabase();
    const reports = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const applied = reports.flatMap((report) => report.applied).sort();
    expect(applied).toEqual(migrations.map((m) => m.name));
    const rows = await recorded(url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('gives every token made before people a person of its own name (20261207220000_newsroom)', async () => {
    const url = await emptyDatabase();
    const newsroom = migrations.findIndex((m) => m.name.endsWith('_newsroom'));
    await migrate(url, migrations.slice(0, newsroom));
    await query(
      url,
      `INSERT INTO api_principals (name, role, token_hash)
       VALUES ('admin', 'ADMIN', 'h1'), ('desk', 'EDITOR', 'h2'), ('desk', 'EDITOR', 'h3')`,
    );
    await migrate(url);
    const rows = await query<{ token: string; person: string }>(
      url,
      `SELECT a.token_hash AS token, p.name AS person
       FROM api_principals a JOIN people p ON p.id = a.person_id ORDER BY a.token_hash`,
    );
    expect(rows).toEqual([
      { token: 'h1', person: 'admin' },
      { token: 'h2', person: 'desk' },
      { token: 'h3', person: 'desk' },
    ]);
    // one person per token, even for tokens that shared a name
    const [{ n }] = await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM people');
    expect(n).toBe(3);
  });
});
