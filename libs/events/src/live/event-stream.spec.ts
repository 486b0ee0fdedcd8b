import { ClaimEventKind } from '@claimtrace/database';
import { LogEvent } from '../log/log-event';
import { isAfter, LOG_START, LogPosition } from '../log/log-position';
import { EventMatcher, EventFilter } from './event-filter';
import { EventStream, LogReader } from './event-stream';

function ev(n: number, claimId: string | null = null): LogEvent {
  const id = BigInt(n);
  return {
    txId: id,
    id,
    cursor: `c${n}`,
    kind: ClaimEventKind.CLAIM_UPDATED,
    claimId,
    actorIds: [],
    at: new Date(0),
    by: null,
    personId: null,
    payload: { n },
  };
}

/** A log in memory: `final` events are readable (the final prefix). */
function memoryLog(events: LogEvent[]) {
  const state = { final: events.length, reads: 0 };
  const read: LogReader = async (position: LogPosition, filter: EventFilter, limit: number) => {
    state.reads += 1;
    return events
      .slice(0, state.final)
      .filter((e) => isAfter(e, position) && (!filter.claimId || e.claimId === filter.claimId))
      .slice(0, limit);
  };
  return { state, read };
}

function stream(
  read: LogReader,
  options: Partial<ConstructorParameters<typeof EventStream>[0]> = {},
) {
  const closed: EventStream[] = [];
  const s = new EventStream({
    read,
    matcher: new EventMatcher({ claimId: null, actorId: null }),
    start: LOG_START,
    replay: true,
    maxBuffered: 100,
    pageSize: 3,
    onClose: (x) => closed.push(x),
    ...options,
  });
  return { s, closed };
}

async function take(s: EventStream, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const { value, done } = await s.next();
    if (done) break;
    out.push(value.payload.n as number);
  }
  return out;
}

describe('EventStream', () => {
  it('replays the log in pages, then goes live: no gap and no duplicate at the seam', async () => {
    const events = Array.from({ length: 10 }, (_, i) => ev(i + 1));
    const log = memoryLog(events);
    log.state.final = 7;
    const { s } = stream(log.read);
    // Registered before the first read: the tailer pushes 6..10 (6 and 7 overlap the replay).
    for (const e of events.slice(5, 8)) s.push(e);
    expect(await take(s, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const pending = s.next();
    s.push(events[8]);
    s.push(events[9]);
    expect((await pending).value.payload.n).toBe(9);
    expect(await take(s, 1)).toEqual([10]);
  });

  it('starts at a cursor and never delivers an event at or before it', async () => {
    const events = Array.from({ length: 5 }, (_, i) => ev(i + 1));
    const { s } = stream(memoryLog(events).read, { start: events[2] });
    s.push(events[1]);
    s.push(events[4]);
    expect(await take(s, 2)).toEqual([4, 5]);
  });

  it('without replay, delivers only pushed events and never reads the log', async () => {
    const log = memoryLog([ev(1)]);
    const { s } = stream(log.read, { replay: false, start: ev(1) });
    s.push(ev(2));
    expect(await take(s, 1)).toEqual([2]);
    expect(log.state.reads).toBe(0);
  });

  it('a slow reader whose buffer overflows drops it and catches up from the log, in order', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ev(i + 1));
    const log = memoryLog(events);
    const { s } = stream(log.read, { replay: false, start: LOG_START, maxBuffered: 5 });
    for (const e of events) s.push(e); // 50 pushes into a buffer of 5: it overflows
    expect(s.buffered).toBeLessThanOrEqual(5);
    expect(await take(s, 50)).toEqual(events.map((e) => Number(e.id)));
    expect(log.state.reads).toBeGreaterThan(0);
  });

  it('a read that began before a buffer drop does not count as caught up', async () => {
    const events = Array.from({ length: 6 }, (_, i) => ev(i + 1));
    let release!: () => void;
    const state = { calls: 0 };
    const read: LogReader = async (position) => {
      state.calls += 1;
      if (state.calls === 1) {
        await new Promise<void>((r) => (release = r));
        return []; // an old snapshot: nothing yet
      }
      return events.filter((e) => isAfter(e, position)).slice(0, 3);
    };
    const { s } = stream(read, { maxBuffered: 2 });
    const first = s.next();
    await new Promise((r) => setImmediate(r));
    for (const e of events) s.push(e); // overflows while the first read is in flight
    release();
    expect((await first).value.payload.n).toBe(1);
    expect(await take(s, 5)).toEqual([2, 3, 4, 5, 6]);
  });

  it('return() ends a pending next, unregisters once, and ignores later pushes', async () => {
    const { s, closed } = stream(memoryLog([]).read, { replay: false });
    const pending = s.next();
    await s.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    await s.return();
    s.push(ev(1));
    expect(closed).toHaveLength(1);
    expect(s.buffered).toBe(0);
    expect(await s.next()).toEqual({ value: undefined, done: true });
  });

  it('closes and rethrows when reading the log fails', async () => {
    const { s, closed } = stream(async () => {
      throw new Error('database down');
    });
    await expect(s.next()).rejects.toThrow('database down');
    expect(closed).toHaveLength(1);
  });

  it('reloads the actor matcher after an actor merge, before judging the next event', async () => {
    const matcher = new EventMatcher({ claimId: null, actorId: 'a' });
    let seeds = 0;
    const { s } = stream(memoryLog([]).read, {
      replay: false,
      matcher,
      prepare: async () => {
        seeds += 1;
        if (seeds === 2) matcher.seed(['claim-of-merged-actor']);
      },
    });
    s.push({ ...ev(1), kind: ClaimEventKind.ACTORS_MERGED, actorIds: ['a', 'b'] });
    s.push(ev(2, 'claim-of-merged-actor'));
    expect(await take(s, 2)).toEqual([1, 2]);
    expect(seeds).toBe(2);
  });

  it('seeds the actor matcher before judging live events, and again after a drop', async () => {
    const seeds: number[] = [];
    const matcher = new EventMatcher({ claimId: null, actorId: 'a' });
    const { s } = stream(memoryLog([]).read, {
      replay: false,
      matcher,
      maxBuffered: 1,
      prepare: async () => {
        seeds.push(1);
        matcher.seed(['claim-1']);
      },
    });
    s.push(ev(1, 'claim-1'));
    expect(await take(s, 1)).toEqual([1]);
    expect(seeds).toHaveLength(1);
    s.push(ev(2, 'claim-2'));
    s.push(ev(3, 'claim-1')); // overflow: drop, read the log, reseed
    const next = s.next();
    s.push(ev(4, 'claim-1'));
    expect((await next).value.payload.n).toBe(4);
    expect(seeds).toHaveLength(2);
  });
});
