// The live feed: one graphql-ws subscription to `claimEvents`, resumed with `after` = the cursor of
// the last event seen, so a dropped connection misses nothing. The page shows its state.
import { createClient, type Client } from 'graphql-ws';
import { getToken } from './client';
import { CLAIM_EVENTS } from './queries';
import type { ResultOf } from './graphql';
import { print } from 'graphql';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export type ClaimEventMessage = ResultOf<typeof CLAIM_EVENTS>['claimEvents'];

export interface LiveListener {
  /** one event, in order (replayed ones first after a reconnect) */
  onEvent?(event: ClaimEventMessage): void;
  /** connected again without a cursor to resume from: reload everything */
  onResync?(): void;
}

const SUBSCRIPTION = print(CLAIM_EVENTS);

export interface LiveFeedOptions {
  url?: string;
  createClient?: typeof createClient;
}

function defaultUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/graphql`;
}

export class LiveFeed {
  status: LiveStatus = 'connecting';
  /** the cursor of the last event received; sent as `after` on every (re)connect */
  lastCursor: string | null = null;
  /** why the feed is offline, in words */
  reason = '';
  private client: Client | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private everConnected = false;
  private stopped = false;
  private readonly listeners = new Set<LiveListener>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();

  constructor(private readonly options: LiveFeedOptions = {}) {}

  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.teardown();
  }

  private setStatus(status: LiveStatus, reason = ''): void {
    this.reason = reason;
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private connect(): void {
    if (this.stopped) return;
    const make = this.options.createClient ?? createClient;
    const token = getToken();
    const client = make({
      url: this.options.url ?? defaultUrl(),
      lazy: true,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        connected: () => {
          this.attempt = 0;
          const resync = this.everConnected && !this.lastCursor;
          this.everConnected = true;
          this.setStatus('live');
          if (resync) for (const l of this.listeners) l.onResync?.();
        },
      },
    });
    this.client = client;
    this.unsubscribe = client.subscribe<{ claimEvents: ClaimEventMessage }>(
      { query: SUBSCRIPTION, variables: { after: this.lastCursor } },
      {
        next: (message) => {
          const event = message.data?.claimEvents;
          if (!event) return;
          this.lastCursor = event.cursor;
          for (const l of this.listeners) l.onEvent?.(event);
        },
        error: () => this.dropped(client),
        complete: () => this.dropped(client),
      },
    );
  }

  private dropped(client: Client): void {
    if (client !== this.client || this.stopped) return;
    this.teardown();
    this.setStatus('offline', 'connection lost');
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    this.attempt += 1;
    const wait = Math.min(500 * 2 ** (this.attempt - 1), 5_000);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), wait);
  }

  private teardown(): void {
    const client = this.client;
    this.client = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    void client?.dispose();
  }
}
