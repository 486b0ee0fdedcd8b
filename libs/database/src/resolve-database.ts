import { isAbsolute, join } from 'node:path';
import { AppConfig } from '@claimtrace/core';
import { EmbeddedPostgres } from './embedded/embedded-postgres';
import { migrate } from './migrations/migrator';

/** The data folder (CLAIMTRACE_DATA_DIR), absolute. */
export function dataDirOf(config: Pick<AppConfig, 'CLAIMTRACE_DATA_DIR'>): string {
  return isAbsolute(config.CLAIMTRACE_DATA_DIR)
    ? config.CLAIMTRACE_DATA_DIR
    : join(process.cwd(), config.CLAIMTRACE_DATA_DIR);
}

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedPostgres | null;
}

/**
 * The database to use: the server named by DATABASE_URL, else an embedded PostgreSQL under the data
 * folder. Either way, the migrations are applied before the API starts.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.DATABASE_URL;
  if (!url) {
    const dataDir = dataDirOf(config);
    embedded = await EmbeddedPostgres.start({
      dataDir: join(dataDir, 'postgres'),
      port: config.EMBEDDED_PG_PORT,
      database: 'claimtrace',
      log,
    });
    url = embedded.url();
  }
  try {
    const report = await migrate(url);
    if (report.applied.length) log(`applied migrations: ${report.applied.join(', ')}`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, embedded };
}
