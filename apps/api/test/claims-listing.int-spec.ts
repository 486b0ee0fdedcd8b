import { startTestApp, TestApp } from './test-app';
import { api } from './support/claims-api';

jest.setTimeout(60_000);

describe('listing claims: claims(filter, orderBy, first, after)', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  const claim: Record<string, string> = {};
  const actor: Record<string, string> = {};
  const label = (id: string) => Object.keys(claim).find((name) => claim[name] === id) ?? id;

  /** Every claim the filter selects, in order, read in one page. */
  const list = async (filter: Record<string, unknown> = {}, orderBy?: string) => {
    const page = await call.claims({ filter, orderBy, first: 100 });
    expect(page.totalCount).toBe(page.edges.length);
    return page.edges.map((edge: any) => label(edge.node.id));
  };

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    actor.milei = await call.actor('Javier Milei');
    actor.ministry = await call.actor('Cancillería Argentina', 'GOVERNMENT_BODY');
    actor.reporter = await call.actor('A reporter');
    const article = await call.article(
      'Milei said the talks are advanced. The ministry denied any talks. Milei claimed trade would grow. ' +
        'The ministry denied a trade deal. A reporter wrote that a deal is near. A columnist wrote that tariffs will fall.',
    );
    const make = async (name: string, text: string, tags: string[]) => {
      claim[name] = (await call.createClaim(text, tags)).id;
    };
    await make('C1', 'Argentina is in advanced talks with the US', ['deportations']);
    await make('C2', 'A trade deal was signed', ['deportations']);
    await make('C3', 'Trade will grow', ['trade']);
    await make('C4', 'A deal is near', []);
    await make('C5', 'Tariffs will fall', ['Trade']);
    // Each claim was first seen when its earliest attribution says it was stated.
    const stances: [string, string, string, string, string][] = [
      ['C1', 'milei', 'ASSERTS', 'the talks are advanced', '2020-01-10'],
      ['C1', 'ministry', 'DENIES', 'denied any talks', '2020-01-11'],
      ['C2', 'ministry', 'DENIES', 'denied a trade deal', '2020-02-10'],
      ['C3', 'milei', 'ASSERTS', 'trade would grow', '2020-03-10'],
      ['C4', 'reporter', 'REPORTS', 'a deal is near', '2020-04-10'],
      ['C5', 'reporter', 'REPORTS', 'tariffs will fall', '2020-05-10'],
    ];
    for (const [name, who, stance, exact, statedAt] of stances) {
      await call.attribute({
        claimId: claim[name],
        actorId: actor[who],
        stance,
        articleId: article,
        quote: { exact },
        statedAt: `${statedAt}T00:00:00.000Z`,
      });
    }
    await call.changeStatus({ claimId: claim.C2, status: 'CONTESTED', rationale: 'Denied' });
    await call.secondReview(claim.C3);
    await call.secondReview(claim.C5);
    await call.changeStatus({
      claimId: claim.C3,
      status: 'REFUTED',
      rationale: 'Data show a fall',
    });
    await call.changeStatus({
      claimId: claim.C5,
      status: 'CONFIRMED',
      rationale: 'Decree published',
    });
    await call.updateClaim({
      claimId: claim.C1,
      text: 'Argentina is in advanced talks with the United States',
    });
  });
  afterAll(() => t?.close());

  it('lists every current claim, newest first seen first, with firstSeenAt from the evidence', async () => {
    expect(await list()).toEqual(['C5', 'C4', 'C3', 'C2', 'C1']);
    const page = await call.claims({ first: 100 });
    const c1 = page.edges.find((edge: any) => edge.node.id === claim.C1).node;
    expect(c1.firstSeenAt).toBe('2020-01-10T00:00:00.000Z');
  });

  it('filters by a list of statuses', async () => {
    expect(await list({ status: ['CONTESTED', 'REFUTED'] })).toEqual(['C3', 'C2']);
    expect(await list({ status: ['UNVERIFIED'] })).toEqual(['C4', 'C1']);
  });

  it('matches actorId and stance on the same attribution', async () => {
    // Milei ASSERTS C1 and the ministry DENIES it: Milei never DENIES anything.
    expect(await list({ actorId: actor.milei, stance: 'DENIES' })).toEqual([]);
    expect(await list({ actorId: actor.milei, stance: 'ASSERTS' })).toEqual(['C3', 'C1']);
    expect(await list({ actorId: actor.ministry, stance: 'DENIES' })).toEqual(['C2', 'C1']);
    expect(await list({ actorId: actor.ministry, stance: 'ASSERTS' })).toEqual([]);
    expect(await list({ actorId: actor.milei })).toEqual(['C3', 'C1']);
    expect(await list({ stance: 'REPORTS' })).toEqual(['C5', 'C4']);
  });

  it('filters by tag', async () => {
    expect(await list({ tag: 'trade' })).toEqual(['C5', 'C3']);
    expect(await list({ tag: 'deportations' })).toEqual(['C2', 'C1']);
    expect(await list({ tag: 'nothing-has-this' })).toEqual([]);
  });

  it('bounds firstSeenAt with since and until', async () => {
    const since = '2020-02-01T00:00:00.000Z';
    const until = '2020-04-01T00:00:00.000Z';
    expect(await list({ since, until })).toEqual(['C3', 'C2']);
    expect(await list({ since: '2020-03-01T00:00:00.000Z' })).toEqual(['C5', 'C4', 'C3']);
    expect(await list({ until: '2020-02-01T00:00:00.000Z' })).toEqual(['C1']);
  });

  it('combines filters with AND', async () => {
    expect(await list({ status: ['UNVERIFIED'], tag: 'deportations' })).toEqual(['C1']);
    expect(await list({ actorId: actor.milei, tag: 'trade' })).toEqual(['C3']);
    expect(
      await list({ stance: 'REPORTS', status: ['CONFIRMED'], since: '2020-05-01T00:00:00Z' }),
    ).toEqual(['C5']);
  });

  it.each([
    ['FIRST_SEEN_DESC', ['C5', 'C4', 'C3', 'C2', 'C1']],
    ['UPDATED_DESC', ['C1', 'C5', 'C3', 'C2', 'C4']],
  ])('pages through %s two at a time with no gaps or duplicates', async (orderBy, expected) => {
    const seen: string[] = [];
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const page = await call.claims({ orderBy, first: 2, after });
      pages.push(page);
      seen.push(...page.edges.map((edge: any) => label(edge.node.id)));
      after = page.pageInfo.endCursor;
    } while (pages[pages.length - 1].pageInfo.hasNextPage && pages.length < 10);

    expect(seen).toEqual(expected);
    expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.totalCount)).toEqual([5, 5, 5]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    }
    expect(await list({}, orderBy)).toEqual(expected);
  });

  it('pages a filtered list with the filtered total', async () => {
    const first = await call.claims({ filter: { tag: 'trade' }, first: 1 });
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await call.claims({
      filter: { tag: 'trade' },
      first: 1,
      after: first.pageInfo.endCursor,
    });
    expect(second.edges.map((edge: any) => label(edge.node.id))).toEqual(['C3']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
