import { describe, expect, it, vi } from 'vitest';
import { LiveFeed } from './live';

interface FakeSub {
  variables: Record<string, unknown>;
  sink: { next(v: unknown): void; error(e: unknown): void; complete(): void };
}

/** A stand-in for graphql-ws: records subscriptions, lets the test connect, send and drop. */
function fakeClients() {
  const subs: FakeSub[] = [];
  const connected: (() => void)[] = [];
  const create = ((options: { on?: { connected?: () => void } }) => {
    connected.push(() => options.on?.connected?.());
    return {
      subscribe(payload: { variables: Record<string, unknown> }, sink: FakeSub['sink']) {
        subs.push({ variables: { ...payload.variables }, sink });
        return () => undefined;
      },
      dispose: async () => undefined,
      on: () => () => undefined,
      terminate: () => undefined,
      iterate: () => undefined,
    };
  }) as never;
  return { subs, connected, create };
}

describe('LiveFeed', () => {
  it('goes live, resumes after a drop with the last cursor, and reports its state', async () => {
    vi.useFakeTimers();
    const { subs, connected, create } = fakeClients();
    const feed = new LiveFeed({ url: 'ws://x/graphql', createClient: create });
    const statuses: string[] = [];
    const events: string[] = [];
    feed.onStatus((s) => statuses.push(s));
    feed.listen({ onEvent: (e) => events.push(e.cursor) });
    feed.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(subs[0].variables.after).toBeNull();
    connected[0]();
    subs[0].sink.next({
      data: { claimEvents: { id: 'e1', cursor: 'c1', kind: 'STATUS_CHANGED', claim: { id: 'x' } } },
    });
    subs[0].sink.next({
      data: { claimEvents: { id: 'e2', cursor: 'c2', kind: 'STATUS_CHANGED', claim: null } },
    });
    subs[0].sink.error(new Error('closed'));
    expect(feed.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(600);
    expect(subs[1].variables.after).toBe('c2');
    connected[1]();
    expect(statuses).toEqual(['live', 'offline', 'live']);
    expect(events).toEqual(['c1', 'c2']);
    feed.stop();
    vi.useRealTimers();
  });

  it('asks for a full reload when it reconnects without a cursor', async () => {
    vi.useFakeTimers();
    const { subs, connected, create } = fakeClients();
    const feed = new LiveFeed({ url: 'ws://x', createClient: create });
    const resync = vi.fn();
    feed.listen({ onResync: resync });
    feed.start();
    await vi.advanceTimersByTimeAsync(0);
    connected[0]();
    subs[0].sink.complete();
    await vi.advanceTimersByTimeAsync(600);
    connected[1]();
    expect(resync).toHaveBeenCalledTimes(1);
    feed.stop();
    vi.useRealTimers();
  });
});
