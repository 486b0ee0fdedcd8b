import { Client } from 'pg';
import { Database } from '@claimtrace/database';
import { createTestDatabase } from '@claimtrace/testing';
import { ALL_EVENTS } from '../live/event-filter';
import { LogEvent } from '../log/log-event';
import { LOG_START, LogPosition } from '../log/log-position';
import { EventLogRepository } from './event-log.repository';

/**
 * The log's order against deliberately interleaved transactions: sequence ids are taken in one
 * order and committed in another; a reader that resumes from its last position never skips one.
 */
describe('EventLogRepository (real PostgreSQL)', () => {
  let url: string;
  let db: Database;
  let log: EventLogRepository;
  const clients: Client[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    db = new Database({ url, poolSize: 4 });
    log = new EventLogRepository(db);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await log.onApplicationShutdown();
    await db.close();
  });

  async function session(): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  }

  /** Inserts an ACTOR_CREATED event in the session's open transaction; answers its id. */
  async function insert(client: Client, label: string): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO claim_events (kind, payload) VALUES ('ACTOR_CREATED', $1) RETURNING id::text`,
      [{ label }],
    );
    return rows[0].id;
  }

  async function readAll(after: LogPosition): Promise<LogEvent[]> {
    return log.readAfter(after, ALL_EVENTS, 1000);
  }

  /**
   * Reads until `count` events are final. On a shared server another database's transaction can
   * hold the horizon back for a moment (the horizon is cluster-wide); it never reorders anything.
   */
  async function readFinal(after: LogPosition, count: number): Promise<LogEvent[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const events = await readAll(after);
      if (events.length >= count || Date.now() > deadline) return events;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('hands out a late commit with a smaller id after the larger one it followed', async () => {
    const start = (await log.finalTail()) ?? LOG_START;
    const early = await session();
    const late = await session();
    await early.query('BEGIN');
    await early.query('SELECT pg_current_xact_id()'); // the older transaction id
    await late.query('BEGIN');
    await late.query('SELECT pg_current_xact_id()'); // the younger one
    const smallId = await insert(late, 'younger tx, smaller id');
    const largeId = await insert(early, 'older tx, larger id');
    expect(BigInt(smallId)).toBeLessThan(BigInt(largeId));

    await early.query('COMMIT');
    // The older transaction finished: its event is final and handed out, the other is running.
    const first = await readFinal(start, 1);
    expect(first.map((e) => e.id.toString())).toEqual([largeId]);

    // `id > largeId` would now skip smallId forever; the (tx_id, id) position does not.
    await late.query('COMMIT');
    const second = await readFinal(first[0], 1);
    expect(second.map((e) => e.id.toString())).toEqual([smallId]);
    expect(second[0].payload).toEqual({ label: 'younger tx, smaller id' });
  });

  it('withholds everything after a running transaction until it ends, then delivers in order', async () => {
    const start = (await log.finalTail()) ?? LOG_START;
    const blocker = await session();
    const other = await session();
    await blocker.query('BEGIN');
    const blocked = await insert(blocker, 'running');
    await other.query('BEGIN');
    const committed = await insert(other, 'committed while the first runs');
    await other.query('COMMIT');

    expect(await readAll(start)).toEqual([]);
    await blocker.query('COMMIT');
    expect((await readFinal(start, 2)).map((e) => e.id.toString())).toEqual([blocked, committed]);
  });

  it('never hands out an event whose transaction rolled back', async () => {
    const start = (await log.finalTail()) ?? LOG_START;
    const client = await session();
    await client.query('BEGIN');
    await insert(client, 'rolled back');
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    const kept = await insert(client, 'kept');
    await client.query('COMMIT');
    const events = await readFinal(start, 1);
    expect(events.map((e) => e.payload.label)).toEqual(['kept']);
    expect(events[0].id.toString()).toBe(kept);
  });

  it('pages through many interleaved transactions without a gap or a duplicate', async () => {
    const start = (await log.finalTail()) ?? LOG_START;
    const sessions = await Promise.all([1, 2, 3, 4].map(() => session()));
    const written: string[] = [];
    const seen: string[] = [];
    let position = start;
    for (let round = 0; round < 25; round += 1) {
      // Open all, insert in one order, commit in the reverse, reading between commits.
      for (const s of sessions) await s.query('BEGIN');
      for (const s of sessions) written.push(await insert(s, `r${round}`));
      for (const s of [...sessions].reverse()) {
        await s.query('COMMIT');
        for (const event of await log.readAfter(position, ALL_EVENTS, 3)) {
          seen.push(event.id.toString());
          position = event;
        }
      }
    }
    const deadline = Date.now() + 10_000;
    while (seen.length < written.length && Date.now() < deadline) {
      const page = await log.readAfter(position, ALL_EVENTS, 7);
      if (page.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      for (const event of page) seen.push(event.id.toString());
      position = page[page.length - 1];
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...written].sort());
  });
});
