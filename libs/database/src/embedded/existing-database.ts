import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether a data folder (CLAIMTRACE_DATA_DIR) already holds an embedded PostgreSQL: its first
 * start writes `<data folder>/postgres/pg-password` before creating the cluster (which may live
 * elsewhere, see EmbeddedPostgres), so the file marks a folder that has been used.
 */
export function hasEmbeddedDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'postgres', 'pg-password'));
}
