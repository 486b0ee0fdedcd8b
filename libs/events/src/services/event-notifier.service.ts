import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@claimtrace/core';
import { Database } from '@claimtrace/database';
import { LogTailer } from './log-tailer.service';

/**
 * Tells log tailers that the log has grown, off the write path. After a transaction commits
 * (Database.onCommit, synchronous, no I/O) it pokes this process's tailer and, with REDIS_URL set,
 * schedules one tiny publish on `<prefix>:events` (at most one per event-loop turn however many
 * commits happened, fire-and-forget, errors logged). Every instance subscribes to that channel and
 * pokes its own tailer. A notification carries no event: a lost one (Redis down, a publisher that
 * died between commit and publish) only delays delivery until the tailer's next poll.
 */
@Injectable()
export class EventNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventNotifier');
  private readonly instance = randomUUID();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private publishScheduled = false;
  private stopCommitHook: (() => void) | null = null;
  private lastErrorLog = new Map<string, number>();
  private published = 0;
  private received = 0;

  constructor(
    private readonly db: Database,
    private readonly tailer: LogTailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get channel(): string {
    return `${this.config.REDIS_CHANNEL_PREFIX}:events`;
  }

  onModuleInit(): void {
    this.stopCommitHook = this.db.onCommit(() => this.committed());
    const url = this.config.REDIS_URL;
    if (!url) return;
    const options = {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
    };
    // The publisher fails fast while Redis is away (no queue of stale pokes building up).
    this.publisher = new Redis(url, { ...options, enableOfflineQueue: false });
    this.subscriber = new Redis(url, options);
    for (const [name, client] of [
      ['publisher', this.publisher],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('error', (error: Error) => this.warn(name, `Redis ${name}: ${error.message}`));
      client.connect().catch((error: Error) => this.warn(name, `Redis ${name}: ${error.message}`));
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel || message === this.instance) return;
      this.received += 1;
      this.tailer.poke();
    });
    // After (re)connecting, notifications may have been missed: read the log now.
    this.subscriber.on('ready', () => this.tailer.poke());
    this.subscriber
      .subscribe(this.channel)
      .catch((error: Error) => this.warn('subscribe', `Redis subscribe: ${error.message}`));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopCommitHook?.();
    const clients = [this.publisher, this.subscriber].filter((c): c is Redis => c !== null);
    this.publisher = null;
    this.subscriber = null;
    for (const client of clients) client.disconnect();
  }

  stats(): { redis: boolean; published: number; received: number } {
    return { redis: this.publisher !== null, published: this.published, received: this.received };
  }

  private committed(): void {
    this.tailer.poke();
    if (!this.publisher || this.publishScheduled) return;
    this.publishScheduled = true;
    setImmediate(() => {
      this.publishScheduled = false;
      const publisher = this.publisher;
      if (!publisher || publisher.status !== 'ready') return;
      this.published += 1;
      publisher
        .publish(this.channel, this.instance)
        .catch((error: Error) => this.warn('publish', `Redis publish: ${error.message}`));
    });
  }

  /** Logs a Redis problem at most every 10 s per kind: the poll keeps delivery going meanwhile. */
  private warn(kind: string, message: string): void {
    const now = Date.now();
    if (now - (this.lastErrorLog.get(kind) ?? 0) < 10_000) return;
    this.lastErrorLog.set(kind, now);
    this.logger.warn(`${message} (live updates fall back to polling the log)`);
  }
}
