import { LogEvent } from '../log/log-event';
import { isAfter, LogPosition } from '../log/log-position';
import { EventFilter, EventMatcher } from './event-filter';

/** Reads the final prefix of the log after a position (EventLogRepository.readAfter). */
export type LogReader = (
  position: LogPosition,
  filter: EventFilter,
  limit: number,
) => Promise<LogEvent[]>;

export interface EventStreamOptions {
  read: LogReader;
  matcher: EventMatcher;
  /** the last position this subscriber has seen: its `after` cursor, or the tailer's position */
  start: LogPosition;
  /** true to read the log from `start` before going live (a subscription with `after`) */
  replay: boolean;
  /** live events held for a slow reader; beyond it the stream drops them and reads the log */
  maxBuffered: number;
  /** events per read of the log */
  pageSize: number;
  /** loads what the matcher needs (the actor's claims) before the first live event is judged */
  prepare?: () => Promise<void>;
  /** called once when the stream ends (the tailer forgets it) */
  onClose: (stream: EventStream) => void;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * One subscriber's view of the log: an async iterator (what graphql-ws consumes) that first reads
 * the log after its start position, then follows the live events the tailer pushes, delivering
 * each event at most once and in log order.
 *
 * The seam: the stream is registered with the tailer before it reads anything, so every event the
 * tailer dispatches from then on is buffered. The log read runs until it comes back empty; it saw
 * a snapshot taken after registration, which covers everything dispatched before registration.
 * Then the buffer is drained, skipping events at or before the last one delivered. No gap, no
 * duplicate. A slow reader whose buffer fills drops the buffer (an epoch bump) and goes back to
 * reading the log from its last delivered position: memory stays bounded and nothing is lost. A
 * log read that began before the latest drop does not count as having caught up.
 */
export class EventStream implements AsyncIterableIterator<LogEvent> {
  private buffer: LogEvent[] = [];
  private head = 0;
  private page: readonly LogEvent[] = [];
  private pageIndex = 0;
  private mode: 'log' | 'live';
  private epoch = 0;
  private last: LogPosition;
  private waiter: (() => void) | null = null;
  /** the matcher must be (re)loaded before live events are judged: at start, after a drop */
  private reseed = true;
  private closed = false;

  constructor(private readonly options: EventStreamOptions) {
    this.last = options.start;
    this.mode = options.replay ? 'log' : 'live';
  }

  get filter(): EventFilter {
    return this.options.matcher.filter;
  }

  /** The last position delivered to the reader. */
  get position(): LogPosition {
    return this.last;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Events waiting in the live buffer. */
  get buffered(): number {
    return this.buffer.length - this.head;
  }

  /** Called by the tailer, synchronously and in log order, with each event it dispatches. */
  push(event: LogEvent): void {
    if (this.closed) return;
    if (this.buffered >= this.options.maxBuffered) {
      // Too slow: forget the buffer and read the log again from the last delivered position.
      this.buffer = [];
      this.head = 0;
      this.epoch += 1;
      this.mode = 'log';
      this.reseed = true;
    } else {
      this.buffer.push(event);
    }
    this.wake();
  }

  async next(): Promise<IteratorResult<LogEvent>> {
    try {
      return await this.pull();
    } catch (error) {
      this.close();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<LogEvent>> {
    this.close();
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<LogEvent>> {
    this.close();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LogEvent> {
    return this;
  }

  /** Ends the stream: a pending `next` answers done, the tailer forgets it. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    this.head = 0;
    this.page = [];
    this.wake();
    this.options.onClose(this);
  }

  private async pull(): Promise<IteratorResult<LogEvent>> {
    for (;;) {
      if (this.closed) return DONE;
      if (this.reseed) {
        // Dropped events never reached the matcher; reload what it tracks from the database.
        this.reseed = false;
        await this.options.prepare?.();
        continue;
      }
      if (this.pageIndex < this.page.length) {
        const event = this.page[this.pageIndex++];
        if (isAfter(event, this.last)) return this.deliver(event);
        continue;
      }
      if (this.mode === 'log') {
        const epoch = this.epoch;
        const page = await this.options.read(this.last, this.filter, this.options.pageSize);
        if (this.closed) return DONE;
        this.page = page;
        this.pageIndex = 0;
        // Caught up only when the read came back short and began after the latest buffer drop.
        if (page.length < this.options.pageSize && epoch === this.epoch) this.mode = 'live';
        continue;
      }
      while (this.head < this.buffer.length) {
        const event = this.buffer[this.head++];
        this.compact();
        // The matcher sees every buffered event in order (it tracks the actor's claims).
        const matches = this.options.matcher.accept(event);
        if (this.options.matcher.stale) {
          this.options.matcher.stale = false;
          this.reseed = true;
        }
        if (matches && isAfter(event, this.last)) return this.deliver(event);
        if (this.reseed) break;
      }
      if (this.mode !== 'live' || this.reseed) continue;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private deliver(event: LogEvent): IteratorResult<LogEvent> {
    this.last = event;
    return { value: event, done: false };
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  private compact(): void {
    if (this.head === this.buffer.length) {
      this.buffer = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.buffer.length) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
  }
}
