import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Whether a process with this pid exists (one of another OS user counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The PostgreSQL processes working in `pgdata` (their working folder; PostgreSQL enters its data
 * folder): after its postmaster is killed, its backends and background workers live on for a while
 * and keep its shared memory attached. Linux only (it reads /proc); elsewhere none are found and a
 * restart waits for them to notice their postmaster is gone.
 */
export function postgresProcessesIn(pgdata: string): number[] {
  if (!existsSync('/proc/self/cwd')) return [];
  const folder = realpathSync(pgdata);
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== folder) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, 'latin1').startsWith('postgres')) continue;
      found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to inspect
    }
  }
  return found;
}

/**
 * Kills the leftovers of a dead postmaster on `pgdata` and waits (up to 5 s) until they are gone.
 * Safe only once the postmaster is dead: whatever they had not committed is lost as in any crash,
 * and what they had committed is in the WAL that the next start replays.
 */
export async function killLeftovers(pgdata: string): Promise<void> {
  // found again until none is left: a killed process is a zombie (no longer in `pgdata`, its
  // shared memory detached) until its new parent reaps it, which may take a while
  const deadline = Date.now() + 5_000;
  for (
    let pids = postgresProcessesIn(pgdata);
    pids.length > 0;
    pids = postgresProcessesIn(pgdata)
  ) {
    if (Date.now() > deadline) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * Removes `pgdata`'s postmaster.pid when it names `deadPid`, a postmaster this process saw exit: a
 * new process may have been given that pid since, and PostgreSQL would then take the file for a
 * live server's and refuse to start.
 */
export function removeStalePidFile(pgdata: string, deadPid: number | undefined): void {
  const file = join(pgdata, 'postmaster.pid');
  if (deadPid === undefined || !existsSync(file)) return;
  if (Number(readFileSync(file, 'utf8').split('\n')[0]) === deadPid) rmSync(file, { force: true });
}
