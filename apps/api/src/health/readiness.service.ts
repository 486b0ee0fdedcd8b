import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@claimtrace/core';
import { Database, readMigrations } from '@claimtrace/database';

export type CheckResult = 'ok' | 'not configured' | string;

export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; redis: CheckResult };
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within 2 s`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What a load balancer asks before sending traffic: the database answers, every migration of this
 * build is applied, and Redis answers when REDIS_URL is set. Each check gives up after 2 s. While
 * the embedded PostgreSQL is being restarted (libs/database supervisor.ts) the database check says
 * so without asking it.
 */
@Injectable()
export class ReadinessService {
  private readonly expected = readMigrations().map((migration) => migration.name);

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<Readiness> {
    const [database, migrations, redis] = await Promise.all([
      this.database(),
      this.migrations(),
      this.redisCheck(),
    ]);
    const checks = { database, migrations, redis };
    const ready = Object.values(checks).every((c) => c === 'ok' || c === 'not configured');
    return { ready, checks };
  }

  private async database(): Promise<CheckResult> {
    const problem = this.db.serverProblem();
    if (problem) return `unavailable: ${problem}`;
    try {
      await withTimeout(this.db.query('SELECT 1'), 'the database');
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }

  private async migrations(): Promise<CheckResult> {
    if (this.db.serverProblem()) return 'unknown (database unreachable)';
    try {
      const rows = await withTimeout(
        this.db.query<{ name: string }>(
          `SELECT migration_name AS name FROM "_prisma_migrations"
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        ),
        'the database',
      );
      const applied = new Set(rows.map((row) => row.name));
      const pending = this.expected.filter((name) => !applied.has(name));
      return pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
    } catch {
      return 'unknown (database unreachable)';
    }
  }

  /** A short-lived connection per check: nothing to keep healthy between checks. */
  private async redisCheck(): Promise<CheckResult> {
    if (!this.config.REDIS_URL) return 'not configured';
    const redis = new Redis(this.config.REDIS_URL, {
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
      retryStrategy: () => null,
    });
    redis.on('error', () => undefined);
    try {
      await withTimeout(redis.connect(), 'Redis');
      const answer = await withTimeout(redis.ping(), 'Redis');
      return answer === 'PONG' ? 'ok' : 'unexpected answer';
    } catch {
      return 'unreachable';
    } finally {
      redis.disconnect();
    }
  }
}
