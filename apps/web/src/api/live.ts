// The live feed: one graphql-ws subscription to `claimEvents`, resumed with `after` = the cursor of
// the last event seen, so a dropped connection misses nothing. The page shows its state.
import { createClient, type Client } from 'graphql-ws';
import { getToken } from './client';
import { detectFeatures } from './features';

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface ClaimEventMessage {
  id: string;
  cursor: string;
  kind: string;
  at: string;
  by: string | null;
  claim: { id: string } | null;
}

export interface LiveListener {
  /** one event, in order (replayed ones first after a reconnect) */
  onEvent?(event: ClaimEventMessage): void;
  /** connected again without a cursor to resume from: reload everything */
  onResync?(): void;
}

const SUBSCRIPTION = `subscription ($after: String) {
  claimEvents(after: $after) { id cursor kind at by claim { id } }
}`;

export interface LiveFeedOptions {
  url?: string;
  /** when the server has no claimEvents yet, how often to look again (ms) */
  recheckMs?: number;
  createClient?: typeof createClient;
  hasLiveEvents?: () => Promise<boolean>;
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
    void this.connect();
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

  private async connect(): Promise<void> {
    if (this.stopped) return;
    let supported: boolean;
    try {
      supported = await (this.options.hasLiveEvents ?? defaultHasLiveEvents)();
    } catch {
      this.setStatus('offline', 'the server cannot be reached');
      this.retry();
      return;
    }
    if (this.stopped) return;
    if (!supported) {
      this.setStatus('offline', 'this server has no live feed yet');
      this.retry(this.options.recheckMs ?? 15_000);
      return;
    }
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

  private retry(delay?: number): void {
    if (this.stopped) return;
    this.attempt += 1;
    const wait = delay ?? Math.min(500 * 2 ** (this.attempt - 1), 5_000);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), wait);
  }

  private teardown(): void {
    const client = this.client;
    this.client = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    void client?.dispose();
  }
}

async function defaultHasLiveEvents(): Promise<boolean> {
  return (await detectFeatures()).liveEvents;
}
