import { DemoLoader } from '@claimtrace/demo';
import { PROBE_ROWS } from '@claimtrace/search';
import { startTestApp, TestApp } from './test-app';

const TALKS =
  'Argentina is in advanced talks with the United States to receive migrants deported from the US';

const SEARCH = `query ($q: String!, $first: Int) { search(query: $q, first: $first) {
  score snippet highlights { start end }
  claim { id text } passage { id exact attributions: __typename } article { id } actor { id } } }`;

describe('search', () => {
  let t: TestApp;
  let talksPassages: Set<string>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    const rows = await t.db.query<{ id: string }>(
      `SELECT a.passage_id AS id FROM attributions a JOIN claims c ON c.id = a.claim_id WHERE c.text = $1`,
      [TALKS],
    );
    talksPassages = new Set(rows.map((row) => row.id));
  });
  afterAll(() => t.close());

  const search = async (q: string, first = 10) => (await t.ok(SEARCH, { q, first })).search;
  const isTalks = (hit: any) =>
    hit.claim?.text === TALKS ||
    (hit.passage &&
      talksPassages.has(
        Buffer.from(hit.passage.id, 'base64url').toString('utf8').split(':')[1] ?? '',
      ));

  it.each(['deportation talks', 'deportees', 'deportaciones'])(
    'ranks the talks claim (or a passage of it) in the top 3 for "%s"',
    async (q) => {
      const hits = await search(q);
      expect(hits.slice(0, 3).some(isTalks)).toBe(true);
    },
  );

  it('answers plain-text snippets with code-point highlight ranges', async () => {
    const hits = await search('deportation talks');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.snippet).not.toMatch(/<\/?b>/);
      const set = [hit.claim, hit.passage, hit.article, hit.actor].filter((x) => x != null);
      expect(set).toHaveLength(1);
      const points = Array.from(hit.snippet as string);
      for (const range of hit.highlights) {
        const word = points.slice(range.start, range.end).join('').toLowerCase();
        expect(word.startsWith('deport') || word.startsWith('talk')).toBe(true);
      }
    }
    const scores = hits.map((hit: any) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it.each([
    `') OR 1=1 --`,
    '&|!():*',
    '"unbalanced quote',
    "talks' AND 'x",
    '\\',
    '!!!',
    ':*',
    '<b>',
  ])('treats %s as plain text', async (q) => {
    const result = await t.gql(SEARCH, { q, first: 5 });
    expect(result.errors).toBeUndefined();
    expect(Array.isArray(result.data!.search)).toBe(true);
  });

  it('filters and ranks claims(filter: {search}) with the same index', async () => {
    const { claims } = await t.ok(
      `{ claims(filter: { search: "deportees" }, orderBy: RELEVANCE, first: 3) { totalCount edges { cursor node { text } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(claims.totalCount).toBeGreaterThan(0);
    expect(claims.edges.map((e: any) => e.node.text)).toContain(TALKS);
    const injected = await t.gql(`{ claims(filter: { search: "') OR 1=1 --" }) { totalCount } }`);
    expect(injected.errors).toBeUndefined();
    expect(injected.data!.claims.totalCount).toBe(0);
    if (claims.pageInfo.hasNextPage) {
      const next = await t.ok(
        `query ($after: String) { claims(filter: { search: "deportees" }, orderBy: RELEVANCE, first: 3, after: $after) { edges { node { text } } } }`,
        { after: claims.pageInfo.endCursor },
      );
      const first = claims.edges.map((e: any) => e.node.text);
      for (const edge of next.claims.edges) expect(first).not.toContain(edge.node.text);
    }
  });

  it('pages claims(filter: {search}) alike under custom and generic plans, in both orders', async () => {
    // A second app whose one connection plans every prepared statement generically, as
    // PostgreSQL may choose after five runs (then a parameter is not a constant when planning).
    const generic = await startTestApp({ DB_POOL_SIZE: '1' });
    try {
      await generic.app.get(DemoLoader).load();
      await generic.db.query(`SET plan_cache_mode = force_generic_plan`);
      const walk = async (app: TestApp, orderBy: string) => {
        const texts: string[] = [];
        let after: string | null = null;
        let totalCount = 0;
        for (;;) {
          const { claims }: any = await app.ok(
            `query ($after: String) { claims(filter: { search: "Argentina" }, orderBy: ${orderBy}, first: 1, after: $after) {
              totalCount edges { node { text } } pageInfo { hasNextPage endCursor } } }`,
            { after },
          );
          totalCount = claims.totalCount;
          texts.push(...claims.edges.map((e: any) => e.node.text));
          if (!claims.pageInfo.hasNextPage) break;
          after = claims.pageInfo.endCursor;
        }
        return { totalCount, texts };
      };
      const [{ count: expected }] = await t.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM claims WHERE merged_into_id IS NULL AND text ILIKE '%argentin%'`,
      );
      expect(expected).toBeGreaterThan(1);
      for (const orderBy of ['FIRST_SEEN_DESC', 'RELEVANCE']) {
        const custom = await walk(t, orderBy);
        expect(custom.totalCount).toBe(expected);
        expect(custom.texts).toHaveLength(expected);
        expect(new Set(custom.texts).size).toBe(expected);
        expect(await walk(generic, orderBy)).toEqual(custom);
      }
      const [{ plans }] = await generic.db.query<{ plans: number }>(
        `SELECT coalesce(sum(generic_plans), 0)::int AS plans FROM pg_prepared_statements
          WHERE statement LIKE '%search_vector @@ (q.exact || q.fuzzy)%'`,
      );
      expect(plans).toBeGreaterThan(0);
      const absent = await generic.ok(
        `{ claims(filter: { search: "zzqxnothing" }) { totalCount edges { cursor } } }`,
      );
      expect(absent.claims).toEqual({ totalCount: 0, edges: [] });
    } finally {
      await generic.close();
    }
  });

  it.each([
    ['Milei', 'Javier Milei'],
    ['casa rosada', 'Casa Rosada'],
    ['CASA ROSÁDA', 'Casa Rosada'],
    ['Javer Miley', 'Javier Milei'],
    ['cancilleria', "Argentina's Foreign Ministry"],
  ])('actors(search: %s) finds %s', async (q, name) => {
    const { actors } = await t.ok(
      `query ($q: String) { actors(search: $q, first: 20) { edges { node { name } } } }`,
      { q },
    );
    expect(actors.edges.map((e: any) => e.node.name)).toContain(name);
  });

  it('treats operator characters in actors(search) as text', async () => {
    const result = await t.gql(`{ actors(search: "%_') OR 1=1 --") { totalCount } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.actors.totalCount).toBe(0);
    // NUL cannot be stored or compared by PostgreSQL: every string argument refuses it, clearly.
    const nul = await t.gql(`{ actors(search: "a\\u0000b") { totalCount } }`);
    expect(nul.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const claims = await t.gql(SEARCH, { q: 'nul \u0000 byte', first: 5 });
    expect(claims.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(claims.errors?.[0].message).toMatch(/NUL/);
  });

  it('still ranks a short prefix-only match first among a few hundred long exact ones', async () => {
    // 250 exact matches is a capped sample of nothing: the prefix layer must still run.
    await t.db.query(
      `INSERT INTO claims (text)
       SELECT 'The ministry said the shipment was glimbered ' || n || ' ' || repeat('and then reviewed again ', 12)
       FROM generate_series(1, 250) n`,
    );
    await t.db.query(`INSERT INTO claims (text) VALUES ('Glimbereez glimbereez')`);

    const hits = await search('glimbered', 20);

    expect(hits[0].claim?.text).toBe('Glimbereez glimbereez');
    expect(hits).toHaveLength(20);
  });

  it('finds a common word in the first rows read and a rare one through the index', async () => {
    // Beyond the rows a layer probes in order, so only the GIN index can find the rare word.
    await t.db.query(
      `INSERT INTO claims (text) SELECT 'Quorvex shipment number ' || n FROM generate_series(1, 600) n`,
    );
    await t.db.query(
      `INSERT INTO claims (text) SELECT 'Filler statement ' || n FROM generate_series(1, $1::int) n`,
      [PROBE_ROWS],
    );
    await t.db.query(`INSERT INTO claims (text) VALUES ('The Zentrifal ruling was appealed')`);

    const common = await search('quorvex', 20);
    const rare = await search('zentrifal');

    expect(common).toHaveLength(20);
    expect(common.every((hit: any) => /^Quorvex shipment number \d+$/.test(hit.claim?.text))).toBe(
      true,
    );
    expect(rare.map((hit: any) => hit.claim?.text)).toEqual(['The Zentrifal ruling was appealed']);
  });
});
