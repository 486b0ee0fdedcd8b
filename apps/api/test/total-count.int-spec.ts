import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/bootstrap/create-app';
import { startTestApp, TestApp } from './test-app';

/**
 * A claims page's `totalCount` is kept per instance with the snapshot it was true in, and counted
 * again once any write has committed since (libs/claims/src/repositories/count-cache.ts): pages of
 * unchanged data do not count every matching claim, and no instance answers a total from before a
 * write that any instance has acknowledged.
 */
const TOTAL = `query ($filter: ClaimFilter) {
  claims(first: 2, filter: $filter) { totalCount edges { node { id } } }
}`;
const CREATE = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`;

describe('claims totalCount', () => {
  let t: TestApp;
  let other: NestFastifyApplication;

  beforeAll(async () => {
    t = await startTestApp();
    // a second instance on the same database
    other = await createApp({ config: t.config, databaseUrl: t.databaseUrl });
    await other.init();
    await other.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const send = async (app: NestFastifyApplication, query: string, variables: object) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const totalOn = async (app: NestFastifyApplication, filter: object | null = null) =>
    ((await send(app, TOTAL, { filter })) as { claims: { totalCount: number } }).claims.totalCount;
  const create = (app: NestFastifyApplication, text: string, tags: string[] = []) =>
    send(app, CREATE, { i: { text, tags } });

  it('is kept while nothing changes and counted again after a write on any instance', async () => {
    for (let i = 0; i < 3; i++) await create(t.app, `claim ${i}`, ['kept']);
    expect(await totalOn(t.app)).toBe(3);
    expect(await totalOn(other)).toBe(3);

    // A row written behind the API's back appends no event: the kept totals do not see it, which
    // shows that the pages did not count again.
    await t.db.query(`INSERT INTO claims (text, tags) VALUES ('behind the back', '{kept}')`);
    expect(await totalOn(t.app)).toBe(3);
    expect(await totalOn(other)).toBe(3);

    // An acknowledged write on one instance: both count again (and see the row behind the back).
    await create(t.app, 'claim 3');
    expect(await totalOn(t.app)).toBe(5);
    expect(await totalOn(other)).toBe(5);
    await create(other, 'claim 4', ['kept']);
    expect(await totalOn(t.app)).toBe(6);
    expect(await totalOn(other)).toBe(6);

    // each filter keeps its own total
    expect(await totalOn(t.app, { tag: 'kept' })).toBe(5);
    expect(await totalOn(other, { tag: 'kept' })).toBe(5);
    expect(await totalOn(t.app, { tag: 'absent' })).toBe(0);
  });

  it('never answers less than the writes acknowledged before the page was asked', async () => {
    const start = await totalOn(t.app);
    let acknowledged = 0;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 6; i++) {
        await create(w % 2 ? other : t.app, `concurrent ${w}-${i}`);
        acknowledged += 1;
      }
    });
    let done = false;
    const readers = Array.from({ length: 3 }, async (_, r) => {
      while (!done) {
        const floor = start + acknowledged;
        const total = await totalOn(r % 2 ? other : t.app);
        expect(total).toBeGreaterThanOrEqual(floor);
        expect(total).toBeLessThanOrEqual(start + 24);
      }
    });
    await Promise.all(writers);
    done = true;
    await Promise.all(readers);
    expect(await totalOn(t.app)).toBe(start + 24);
    expect(await totalOn(other)).toBe(start + 24);
  });
});
