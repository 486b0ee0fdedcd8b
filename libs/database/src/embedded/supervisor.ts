import { backoffDelays, RestartPolicy } from './backoff';
import { EmbeddedPostgres } from './embedded-postgres';

/** What readiness asks of the database server itself: why it cannot serve now, or null. */
export interface ServerHealth {
  problem(): string | null;
}

export interface SupervisorHooks {
  log: (line: string) => void;
  warn: (line: string) => void;
  /** every restart failed: the process cannot serve and should exit (once, with `message`) */
  giveUp: (message: string) => void;
}

/**
 * Keeps the embedded PostgreSQL this process started running: when it dies, restarts it on the
 * same port with exponential backoff (RestartPolicy), and says meanwhile, for `/health/ready`,
 * that the database is down. The pool needs nothing: its connections to the dead server fail and
 * are discarded, and new ones reach the restarted server. After the last failed restart it hands
 * over to `giveUp`.
 */
export class EmbeddedSupervisor implements ServerHealth {
  private down: string | null = null;
  private recovering: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly server: EmbeddedPostgres,
    private readonly policy: RestartPolicy,
    private readonly hooks: SupervisorHooks,
  ) {
    this.unsubscribe = server.onUnexpectedExit((how) => {
      this.recovering ??= this.recover(how).finally(() => (this.recovering = null));
    });
  }

  problem(): string | null {
    return this.down;
  }

  /** Stops watching (the process is shutting down); a restart in progress is abandoned. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.wake?.();
    await this.recovering;
  }

  private async recover(how: string): Promise<void> {
    const since = Date.now();
    const delays = backoffDelays(this.policy);
    this.down = `${how}; restarting`;
    this.hooks.warn(`${how}; restarting it (up to ${delays.length} attempts)`);
    let last = 'no restart allowed (EMBEDDED_PG_RESTART_RETRIES=0)';
    for (const [index, delay] of delays.entries()) {
      const attempt = `attempt ${index + 1} of ${delays.length}`;
      this.down = `${how}; restart ${attempt} in ${delay} ms`;
      await this.sleep(delay);
      if (this.stopped) return;
      this.down = `${how}; restart ${attempt} in progress`;
      try {
        await this.server.restart();
        this.down = null;
        this.hooks.log(
          `the embedded PostgreSQL is back (${attempt}, ${Date.now() - since} ms after it stopped)`,
        );
        return;
      } catch (error) {
        last = firstLine(error);
        this.hooks.warn(`restarting the embedded PostgreSQL failed (${attempt}): ${last}`);
      }
    }
    if (this.stopped) return;
    this.down = `${how}; every restart failed`;
    this.hooks.giveUp(
      `${how} and did not restart after ${delays.length} attempts (last: ${last}); exiting.`,
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(done, ms);
      this.wake = () => {
        clearTimeout(timer);
        done();
      };
    });
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim()) ?? message;
}
