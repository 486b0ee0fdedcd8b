import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, withDatabase } from './test-database';

/**
 * Prepares a real PostgreSQL for the integration tier: the server named by DATABASE_URL when set
 * (CI points it at the machine's PostgreSQL), else an embedded one in a temporary folder. Builds a
 * template database with the migrations applied; each test file copies it.
 *
 * Jest runs this in its own process, which in band (one worker, as on two cores) also runs the
 * test files, and it hands every test file's sandbox the properties of that process's global
 * object. So the libraries load here only after the global object's names are noted, and whatever
 * they left on it is removed: @nestjs/graphql keeps its type registry on `global`
 * (GqlTypeMetadataStorage, loaded through `@claimtrace/database` → `@claimtrace/core`), and that one
 * registry, shared by every file, made the second file's schema fail to build.
 */
export default async function globalSetup(): Promise<void> {
  const names = new Set(Reflect.ownKeys(globalThis));
  const { EmbeddedPostgres, migrate } = await import('@claimtrace/database');
  for (const name of Reflect.ownKeys(globalThis)) {
    // what cannot be removed (signal-exit's emitter is defined non-configurable) holds no classes
    const removable = Reflect.getOwnPropertyDescriptor(globalThis, name)?.configurable;
    if (!names.has(name) && removable) delete (globalThis as Record<PropertyKey, unknown>)[name];
  }

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
