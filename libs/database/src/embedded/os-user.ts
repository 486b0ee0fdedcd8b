import { execFileSync } from 'node:child_process';
import { chownSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. When this process is root, the server runs as the `postgres`
 * OS user (created when missing). Answers null when no switch is needed.
 */
export function postgresOsUser(): OsUser | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  return ensureUser('postgres');
}

/** Gives the cluster folder to the server's OS user, after checking it can reach it. */
export function handOver(dataDir: string, user: OsUser): void {
  const blocked = blockingFolder(dataDir, user);
  if (blocked) {
    throw new Error(
      `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${blocked}. ` +
        `Set CLAIMTRACE_DATA_DIR to a folder outside it (for example /var/lib/claimtrace) or make ${blocked} enterable (chmod o+x).`,
    );
  }
  chownSync(dataDir, user.uid, user.gid);
}

/** The first folder above `dir` that `user` cannot enter, or null when it can reach `dir`. */
export function blockingFolder(dir: string, user: OsUser): string | null {
  for (let above = dirname(dir); above !== dirname(above); above = dirname(above)) {
    const { mode, uid, gid } = statSync(above);
    const canEnter =
      (mode & 0o001) !== 0 ||
      (gid === user.gid && (mode & 0o010) !== 0) ||
      (uid === user.uid && (mode & 0o100) !== 0);
    if (!canEnter) return above;
  }
  return null;
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
