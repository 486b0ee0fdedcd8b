import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { EmbeddedPostgres } from '@claimtrace/database';

/** Drops every database this run created and stops the embedded server, if any. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.CLAIMTRACE_TEST_ADMIN_URL;
  const run = process.env.CLAIMTRACE_TEST_RUN;
  if (adminUrl && run) {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname DESC`,
        [`${run}%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
  const embedded = (
    globalThis as { __claimtraceTestPg?: { server: EmbeddedPostgres; dataDir: string } }
  ).__claimtraceTestPg;
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.dataDir, { recursive: true, force: true });
  }
}
