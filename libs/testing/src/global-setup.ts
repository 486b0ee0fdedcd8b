import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres, migrate } from '@claimtrace/database';
import { adminQuery, withDatabase } from './test-database';

/**
 * Prepares a real PostgreSQL for the integration tier: the server named by DATABASE_URL when set
 * (CI points it at the machine's PostgreSQL), else an embedded one in a temporary folder. Builds a
 * template database with the migrations applied; each test file copies it.
 */
export default async function globalSetup(): Promise<void> {
  const run = `ct_test_${Date.now().toString(36)}_${process.pid}`;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'claimtrace-test-pg-'));
    const server = await EmbeddedPostgres.start({ dataDir, database: 'postgres' });
    (globalThis as { __claimtraceTestPg?: unknown }).__claimtraceTestPg = { server, dataDir };
    adminUrl = server.url('postgres');
  }
  const template = `${run}_template`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  await migrate(withDatabase(adminUrl, template));
  process.env.CLAIMTRACE_TEST_ADMIN_URL = adminUrl;
  process.env.CLAIMTRACE_TEST_TEMPLATE = template;
  process.env.CLAIMTRACE_TEST_RUN = run;
}
