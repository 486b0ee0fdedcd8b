import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@claimtrace/core';
import { EventFilter, EventMatcher, ALL_EVENTS } from '../live/event-filter';
import { EventStream } from '../live/event-stream';
import { LogEvent } from '../log/log-event';
import { LOG_START, LogPosition } from '../log/log-position';
import { EventLogRepository } from '../repositories/event-log.repository';

const BATCH = 500;
const REPLAY_PAGE = 200;

export interface TailerStats {
  subscribers: number;
  claimIndexSize: number;
  position: LogPosition;
  reads: number;
  dispatched: number;
}

/** How soon a read that left committed events not yet final reads again; it doubles up to the max. */
const PENDING_FIRST_MS = 20;
const PENDING_MAX_MS = 1_000;

/**
 * The one reader of the log in this process. It keeps a position in the final prefix of the log
 * and reads past it when poked (after a local commit, or a notification from another instance)
 * and on a timer, the safety net for lost notifications; it hands each event, in log order, to the
 * live subscribers whose filter can match (an index by claim, a list for the rest). Reads never
 * overlap: a poke during a read schedules one more.
 */
@Injectable()
export class LogTailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LogTailer');
  private position: LogPosition = LOG_START;
  private readonly unindexed = new Set<EventStream>();
  private readonly byClaim = new Map<string, Set<EventStream>>();
  private reading: Promise<void> | null = null;
  private again = false;
  private running = false;
  private initialised = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly started: Promise<void>;
  private markStarted!: () => void;
  private reads = 0;
  private dispatched = 0;
  private lastErrorLog = 0;
  private pendingRetry: NodeJS.Timeout | null = null;
  private pendingDelay = PENDING_FIRST_MS;

  constructor(
    private readonly log: EventLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.started = new Promise((resolve) => (this.markStarted = resolve));
  }

  /**
   * Starts the timer and finds the log's final tail in the background: the app starts even when
   * the database is not reachable yet (the tick retries), and subscribers wait for the position.
   */
  onApplicationBootstrap(): void {
    this.running = true;
    this.timer = setInterval(() => this.poke(), this.config.EVENTS_POLL_MS);
    this.timer.unref();
    this.poke();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.pendingRetry) clearTimeout(this.pendingRetry);
    this.pendingRetry = null;
    for (const stream of [
      ...this.unindexed,
      ...[...this.byClaim.values()].flatMap((s) => [...s]),
    ]) {
      stream.close();
    }
    await this.reading;
  }

  /** Asks for a read of the log soon (coalesced). Cheap and synchronous: safe after any commit. */
  poke(): void {
    if (!this.running) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.drain().finally(() => {
      this.reading = null;
      if (this.again && this.running) this.poke();
    });
  }

  /**
   * A live stream of the events matching `filter`. With `after`, it first replays the log after
   * that position; without, it starts at the tailer's position (what happens from now on).
   */
  async subscribe(filter: EventFilter = ALL_EVENTS, after?: LogPosition): Promise<EventStream> {
    await this.started;
    const matcher = new EventMatcher(filter);
    const stream = new EventStream({
      read: (position, f, limit) => this.log.readAfter(position, f, limit, 'background'),
      matcher,
      start: after ?? this.position,
      replay: after !== undefined,
      maxBuffered: this.config.EVENTS_SUBSCRIBER_BUFFER,
      pageSize: REPLAY_PAGE,
      prepare: matcher.needsSeed
        ? async () => matcher.seed(await this.log.claimsWithStanceBy(filter.actorId!))
        : undefined,
      onClose: (closed) => this.forget(closed),
    });
    if (!this.running) {
      stream.close();
      return stream;
    }
    if (filter.claimId) {
      let set = this.byClaim.get(filter.claimId);
      if (!set) this.byClaim.set(filter.claimId, (set = new Set()));
      set.add(stream);
    } else {
      this.unindexed.add(stream);
    }
    return stream;
  }

  stats(): TailerStats {
    let subscribers = this.unindexed.size;
    for (const set of this.byClaim.values()) subscribers += set.size;
    return {
      subscribers,
      claimIndexSize: this.byClaim.size,
      position: this.position,
      reads: this.reads,
      dispatched: this.dispatched,
    };
  }

  private forget(stream: EventStream): void {
    const claimId = stream.filter.claimId;
    if (!claimId) {
      this.unindexed.delete(stream);
      return;
    }
    const set = this.byClaim.get(claimId);
    set?.delete(stream);
    if (set?.size === 0) this.byClaim.delete(claimId);
  }

  private async drain(): Promise<void> {
    try {
      if (!this.initialised) {
        this.position = (await this.log.finalTail()) ?? LOG_START;
        this.initialised = true;
        this.markStarted();
        if (!this.running) return;
      }
      do {
        this.again = false;
        let batch: LogEvent[];
        do {
          batch = await this.log.readAfter(this.position, ALL_EVENTS, BATCH, 'background');
          this.reads += 1;
          if (!this.running) return;
          for (const event of batch) this.dispatch(event);
        } while (batch.length === BATCH);
      } while (this.again && this.running);
      this.retryWhilePending(await this.log.pendingAfter(this.position));
    } catch (error) {
      if (!this.running) return;
      // The next poke or tick retries from the same position; log at most every 10 s.
      const now = Date.now();
      if (now - this.lastErrorLog > 10_000) {
        this.lastErrorLog = now;
        this.logger.warn(`Reading the event log failed (will retry): ${(error as Error).message}`);
      }
    }
  }

  /**
   * Committed events that are not final yet (an older transaction still runs, maybe in another
   * database) would otherwise wait for the next poke or tick (EVENTS_POLL_MS, which may be long
   * when Redis pokes): read again after 20 ms, doubling up to a second, until they are out.
   */
  private retryWhilePending(pending: boolean): void {
    if (!pending || !this.running) {
      this.pendingDelay = PENDING_FIRST_MS;
      return;
    }
    if (this.pendingRetry) return;
    const delay = Math.min(this.pendingDelay, this.config.EVENTS_POLL_MS);
    this.pendingDelay = Math.min(this.pendingDelay * 2, PENDING_MAX_MS);
    this.pendingRetry = setTimeout(() => {
      this.pendingRetry = null;
      this.poke();
    }, delay);
    this.pendingRetry.unref();
  }

  private dispatch(event: LogEvent): void {
    this.position = event;
    this.dispatched += 1;
    for (const stream of this.unindexed) stream.push(event);
    if (event.claimId) {
      const set = this.byClaim.get(event.claimId);
      if (set) for (const stream of set) stream.push(event);
    }
  }
}
