import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface MigrationFile {
  name: string;
  sql: string;
  /** Prisma's checksum: SHA-256 of the file's bytes, hex */
  checksum: string;
}

/** The repository's `prisma/` folder, found by walking up from this file (works from src and dist). */
export function prismaDir(from: string = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'prisma', 'migrations'))) return join(dir, 'prisma');
  }
  throw new Error(`Cannot find prisma/migrations above ${from}`);
}

/** Every migration in Prisma's layout (`<timestamp>_<name>/migration.sql`), in name order. */
export function readMigrations(dir: string = join(prismaDir(), 'migrations')): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return {
        name,
        sql: bytes.toString('utf8'),
        checksum: createHash('sha256').update(bytes).digest('hex'),
      };
    });
}
