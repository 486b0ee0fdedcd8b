import { execFileSync } from 'node:child_process';
import { chownSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. When this process is root, the server runs as the `postgres`
 * OS user (created when missing), which must own the data folder and be able to enter every folder
 * above it. Answers null when no switch is needed.
 */
export function postgresOsUser(dataDir: string): OsUser | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const user = ensureUser('postgres');
  chownSync(dataDir, user.uid, user.gid);
  assertTraversable(dataDir, user);
  return user;
}

function ensureUser(name: string): OsUser {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', name]);
    return lookup();
  }
}

function assertTraversable(dataDir: string, user: OsUser): void {
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const canEnter =
      (mode & 0o001) !== 0 ||
      (gid === user.gid && (mode & 0o010) !== 0) ||
      (uid === user.uid && (mode & 0o100) !== 0);
    if (!canEnter) {
      throw new Error(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir}. ` +
          `Set CLAIMTRACE_DATA_DIR to a folder outside it (for example /var/lib/claimtrace) or make ${dir} enterable (chmod o+x).`,
      );
    }
  }
}
