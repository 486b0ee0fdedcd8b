import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { Client } from 'graphql-ws';
import { EventLogService, LogTailer } from '@claimtrace/events';
import { ClaimEventKind } from '@claimtrace/database';
import { startTestApp, TestApp } from './test-app';
import { listen, LiveEvent, subscribe, wsClient } from './live-client';

/** End to end: the listening API, a real graphql-ws client, writes over HTTP. */
describe('live updates (graphql-ws, one instance)', () => {
  let t: TestApp;
  let url: string;
  let tailer: LogTailer;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      EVENTS_POLL_MS: '200',
      WS_CONNECTION_INIT_TIMEOUT_MS: '300',
      WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '3',
    });
    url = await listen(t.app);
    tailer = t.app.get(LogTailer);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await t.close();
  });

  const client = () => {
    const c = wsClient(url);
    clients.push(c);
    return c;
  };

  async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async function createClaim(text: string): Promise<string> {
    const data = await t.ok<{ createClaim: { id: string } }>(
      `mutation($text: String!) { createClaim(input: { text: $text }) { id } }`,
      { text },
    );
    return data.createClaim.id;
  }

  async function tag(claimId: string, tags: string[]): Promise<void> {
    await t.ok(
      `mutation($id: ID!, $tags: [String!]) { updateClaim(input: { claimId: $id, tags: $tags }) { id } }`,
      {
        id: claimId,
        tags,
      },
    );
  }

  /** Every event of the log (through the `events` query), in log order. */
  async function allEvents(
    claimId?: string,
  ): Promise<{ cursor: string; kind: string; payload: any }[]> {
    const out: { cursor: string; kind: string; payload: any }[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await t.ok(
        `query($after: String, $claimId: ID) { events(first: 100, after: $after, claimId: $claimId) {
           edges { cursor node { cursor kind payload } } pageInfo { hasNextPage endCursor } } }`,
        { after, claimId },
      );
      out.push(...data.events.edges.map((edge: any) => edge.node));
      if (!data.events.pageInfo.hasNextPage) return out;
      after = data.events.pageInfo.endCursor;
    }
  }

  /**
   * The log's last cursor once every event committed so far is final, i.e. shown by `events`. An
   * event is final once no older transaction runs anywhere on the server (the horizon is
   * cluster-wide): on a shared PostgreSQL another database's long transaction holds it back, and a
   * cursor taken from what `events` showed at once missed the test's own last writes.
   */
  async function settledCursor(): Promise<string> {
    for (let i = 0; ; i += 1) {
      const committed = await t.count('claim_events');
      const events = await allEvents();
      if (events.length >= committed) return events[events.length - 1].cursor;
      if (i > 3000) throw new Error('events never became final');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('delivers a write made over HTTP to a live subscriber, with its claim and cursor', async () => {
    const before = tailer.stats().subscribers;
    const sub = subscribe(client());
    await until(() => tailer.stats().subscribers === before + 1, 'the subscription');
    const id = await createClaim('Argentina is in advanced talks to receive deportees');
    const [event] = await sub.waitFor(1);
    expect(event).toMatchObject({
      kind: 'CLAIM_CREATED',
      payload: { claimId: id, status: 'UNVERIFIED' },
      claim: { id, status: 'UNVERIFIED', version: 1 },
    });
    expect(typeof event.cursor).toBe('string');
    sub.dispose();
  });

  it('filters by claim, and the `events` query pages the same log in the same order', async () => {
    const a = await createClaim('claim A');
    const b = await createClaim('claim B');
    const start = await settledCursor();
    const sub = subscribe(client(), { claimId: a, after: start });
    await tag(b, ['other']);
    await tag(a, ['one']);
    await tag(b, ['other', 'two']);
    await tag(a, ['one', 'two']);
    const got = await sub.waitFor(2);
    expect(got.map((e) => e.payload.after.tags)).toEqual([['one'], ['one', 'two']]);
    const logged = (await allEvents(a)).filter((e) => e.kind === 'CLAIM_UPDATED');
    expect(logged.map((e) => e.cursor)).toEqual(got.map((e) => e.cursor));
    sub.dispose();
  });

  it('resumes with `after`: exactly the missed events, then live, nothing twice', async () => {
    const start = await settledCursor();
    const id = await createClaim('resume me');
    const first = subscribe(client(), { claimId: id, after: start });
    await tag(id, ['v1']);
    await tag(id, ['v2']);
    const seen = await first.waitFor(3); // created (replayed) and two updates
    first.dispose();
    const last = seen[seen.length - 1].cursor;

    for (let i = 3; i <= 7; i += 1) await tag(id, [`v${i}`]); // missed while away
    const second = subscribe(client(), { claimId: id, after: last });
    const missed = await second.waitFor(5);
    expect(missed.map((e) => e.payload.after.tags[0])).toEqual(['v3', 'v4', 'v5', 'v6', 'v7']);
    await tag(id, ['v8']);
    const all = await second.waitFor(6);
    expect(all[5].payload.after.tags).toEqual(['v8']);
    expect(new Set(all.map((e) => e.cursor)).size).toBe(6);
    second.dispose();
  });

  it('replays while writes race it: every event once, in log order', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map((i) => createClaim(`race ${i}`)));
    const start = await settledCursor();
    const writes: Promise<void>[] = [];
    for (let round = 0; round < 30; round += 1) {
      writes.push(...ids.map((id) => tag(id, [`r${round}`])));
    }
    // Subscribe while the writes are in flight: part of them is replayed, part arrives live.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const subs = [subscribe(client(), { after: start }), subscribe(client(), { after: start })];
    await Promise.all(writes);
    for (let round = 30; round < 40; round += 1) await tag(ids[round % 4], [`r${round}`]);
    await settledCursor(); // every write is in the log
    const log = await allEvents();
    const expected = log.slice(log.findIndex((e) => e.cursor === start) + 1);
    expect(expected).toHaveLength(130);
    for (const sub of subs) {
      const got = await sub.waitFor(130);
      expect(got.map((e) => e.cursor)).toEqual(expected.map((e) => e.cursor));
      await new Promise((resolve) => setTimeout(resolve, 300)); // a duplicate would show here
      expect(sub.events).toHaveLength(130);
      sub.dispose();
    }
  });

  it('delivers late commits of interleaved transactions written outside the API (poll)', async () => {
    const start = await settledCursor();
    const sub = subscribe(client(), { after: start });
    const sessions = [new PgClient(t.databaseUrl), new PgClient(t.databaseUrl)];
    await Promise.all(sessions.map((s) => s.connect()));
    try {
      const [older, younger] = sessions;
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await younger.query('BEGIN');
      await younger.query('SELECT pg_current_xact_id()');
      const insert = (s: PgClient, label: string) =>
        s.query(`INSERT INTO claim_events (kind, payload) VALUES ('ACTOR_CREATED', $1)`, [
          { label },
        ]);
      await insert(younger, 'smaller id');
      await insert(older, 'larger id');
      await older.query('COMMIT');
      await sub.waitFor(1);
      await younger.query('COMMIT');
      const got = await sub.waitFor(2);
      expect(got.map((e) => e.payload.label)).toEqual(['larger id', 'smaller id']);
    } finally {
      await Promise.all(sessions.map((s) => s.end()));
      sub.dispose();
    }
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const start = await settledCursor();
    const sub = subscribe(client(), { after: start });
    const log = t.app.get(EventLogService);
    await expect(
      t.db.transaction(async (tx) => {
        await log.append(tx, { kind: ClaimEventKind.ACTOR_CREATED, by: null, payload: { n: 1 } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await t.db.transaction((tx) =>
      log.append(tx, { kind: ClaimEventKind.ACTOR_CREATED, by: null, payload: { n: 2 } }),
    );
    const [event] = await sub.waitFor(1);
    expect(event.payload).toEqual({ n: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sub.events).toHaveLength(1);
    sub.dispose();
  });

  it('filters by actor: events naming the actor and of claims the actor holds a stance on', async () => {
    const data: any = await t.ok(`mutation {
      actor: createActor(input: { name: "Javier Milei", kind: PERSON }) { id }
      other: createActor(input: { name: "Someone Else", kind: PERSON }) { id }
      article: ingestArticle(input: { url: "https://example.org/a", title: "T", text: "Milei said the report is 100 percent false." }) { article { id } }
    }`);
    const actorId = data.actor.id;
    const stanced = await createClaim('the report is false');
    const unrelated = await createClaim('unrelated');
    const start = await settledCursor();
    const sub = subscribe(client(), { actorId, after: start });
    await t.ok(
      `mutation($c: ID!, $a: ID!, $art: ID!) { attributeClaim(input: { claimId: $c, actorId: $a, stance: DENIES, articleId: $art, quote: { exact: "100 percent false" } }) { id } }`,
      { c: stanced, a: actorId, art: data.article.article.id },
    );
    await tag(unrelated, ['x']);
    await t.ok(
      `mutation($id: ID!) { updateActor(input: { actorId: $id, aliases: ["SE"] }) { id } }`,
      {
        id: data.other.id,
      },
    );
    await tag(stanced, ['denied']);
    const got = await sub.waitFor(2);
    expect(got.map((e) => e.kind)).toEqual(['ATTRIBUTION_ADDED', 'CLAIM_UPDATED']);
    // A fresh subscription replays the same from the log (the database applies the same filter).
    const replay = subscribe(client(), { actorId, after: start });
    expect((await replay.waitFor(2)).map((e) => e.cursor)).toEqual(got.map((e) => e.cursor));
    sub.dispose();
    replay.dispose();
  });

  it('rejects a malformed cursor with BAD_USER_INPUT', async () => {
    const sub = subscribe(client(), { after: 'not-a-cursor' });
    await until(() => sub.errors.length > 0 || sub.completed, 'the error');
    expect(JSON.stringify(sub.errors)).toContain('BAD_USER_INPUT');
    const page = await t.gql(`{ events(after: "nope") { edges { cursor } } }`);
    expect(page.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  describe('connection hygiene', () => {
    it('closes a socket that does not send connection_init in time with 4408', async () => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
      expect(code).toBe(4408);
    });

    it('caps subscriptions per socket', async () => {
      const c = client();
      const before = tailer.stats().subscribers;
      const subs = [1, 2, 3].map(() => subscribe(c));
      try {
        await until(() => tailer.stats().subscribers === before + 3, 'three subscriptions');
        const fourth = subscribe(c);
        await until(() => fourth.errors.length > 0, 'the refusal');
        expect(JSON.stringify(fourth.errors)).toContain('TOO_MANY_SUBSCRIPTIONS');
        expect(tailer.stats().subscribers).toBe(before + 3);
        // Completing one frees a slot.
        subs[0].dispose();
        const again = subscribe(c);
        await until(() => tailer.stats().subscribers === before + 3, 'the replacement');
        expect(again.errors).toEqual([]);
        again.dispose();
      } finally {
        subs.forEach((s) => s.dispose());
      }
    });

    it('returns to its baseline after 1,000 subscribe/unsubscribe cycles and vanished clients', async () => {
      await until(() => tailer.stats().subscribers === 0, 'no subscribers');
      const gc = exposeGc();
      const c = client();
      await createClaim('cycles');
      const cursor = await settledCursor();
      const cycle = async (i: number) => {
        // Half of them live only, half replaying from a cursor first.
        const sub = subscribe(c, i % 2 ? { after: cursor } : {});
        await until(() => tailer.stats().subscribers === 1, 'subscription', 5000);
        sub.dispose();
        await until(() => tailer.stats().subscribers === 0, 'teardown', 5000);
      };
      for (let i = 0; i < 100; i += 1) await cycle(i); // warm-up: code, caches, pools
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      for (let i = 0; i < 1000; i += 1) await cycle(i);
      gc();
      const growth = process.memoryUsage().heapUsed - heapBefore;
      expect(tailer.stats().subscribers).toBe(0);
      expect(tailer.stats().claimIndexSize).toBe(0);
      // A leaked subscription (stream, socket state, closures) would cost well over 2 KB each.
      expect(growth).toBeLessThan(2 * 1024 * 1024);

      // Clients that vanish without completing: their sockets close, their streams go.
      const raw = [1, 2, 3, 4, 5].map(() => wsClient(url));
      raw.forEach((r) => subscribe(r, { claimId: undefined }));
      await until(() => tailer.stats().subscribers === 5, 'five subscribers');
      await Promise.all(raw.map((r) => r.dispose()));
      await until(() => tailer.stats().subscribers === 0, 'vanished clients torn down');
    }, 240_000);
  });
});

describe('live updates while another database holds the horizon', () => {
  it('delivers once the older transaction ends, without waiting for the next poll', async () => {
    // Polls once a minute only: a delivery within seconds comes from the tailer reading again
    // while committed events are not final yet.
    const t = await startTestApp({ EVENTS_POLL_MS: '60000' });
    const blocker = new PgClient(process.env.CLAIMTRACE_TEST_ADMIN_URL);
    const client = wsClient(await listen(t.app));
    try {
      const tailer = t.app.get(LogTailer);
      const sub = subscribe(client);
      for (let i = 0; tailer.stats().subscribers < 1 && i < 1000; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // A write transaction of another database, older than the claim's: the horizon of the
      // whole server stays behind it, so the claim's event is committed but not final.
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()');
      await t.ok(`mutation { createClaim(input: { text: "Written behind the horizon" }) { id } }`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sub.events).toEqual([]); // not final: not handed out
      await blocker.query('COMMIT');
      const [event] = await sub.waitFor(1, 10_000);
      expect(event.kind).toBe('CLAIM_CREATED');
      sub.dispose();
    } finally {
      await blocker.end().catch(() => undefined);
      await client.dispose();
      await t.close();
    }
  });
});

/** A full garbage collection, so heap figures compare live objects only. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

export type { LiveEvent };
