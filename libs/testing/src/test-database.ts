import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The admin connection and template database prepared by the integration tier's global setup. */
function testEnv(): { adminUrl: string; template: string; run: string } {
  const adminUrl = process.env.CLAIMTRACE_TEST_ADMIN_URL;
  const template = process.env.CLAIMTRACE_TEST_TEMPLATE;
  const run = process.env.CLAIMTRACE_TEST_RUN;
  if (!adminUrl || !template || !run) {
    throw new Error('Integration tests need the global setup of jest.config.js (run `npm test`).');
  }
  return { adminUrl, template, run };
}

/** The URL of another database on the server behind `url`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database with every migration applied, copied from the run's template (fast), so each
 * test file has its own data. Dropped by the global teardown.
 */
export async function createTestDatabase(): Promise<string> {
  const { adminUrl, template, run } = testEnv();
  const name = `${run}_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return withDatabase(adminUrl, name);
}
