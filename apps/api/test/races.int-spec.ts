import { startTestApp, TestApp } from './test-app';

// Get-or-create under concurrency: many writers create the same passage, actor or article version
// at once, through the real API. Every one succeeds with the same row, and no row is duplicated.

const CALLERS = 12;

const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) { outcome article { id publisher { id } authors { id name } } } }`;
const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`;
const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`;
const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) {
  attributeClaim(input: $i) { id passage { id start end } } }`;

const TEXT = [
  'The ministry said the agreement was close.',
  'Opposition leaders called the report false.',
  'A spokesperson declined to comment on the talks.',
].join(' ');

jest.setTimeout(120_000);

describe('get-or-create races', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Runs `count` requests at once and fails on any GraphQL error, answering their data. */
  const all = async <T>(
    count: number,
    send: (n: number) => Promise<{ data?: T | null; errors?: unknown[] }>,
  ) => {
    const results = await Promise.all(Array.from({ length: count }, (_, n) => send(n)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    return results.map((r) => r.data!);
  };

  const ingest = async (url: string, extra: Record<string, unknown> = {}) =>
    (await t.ok(INGEST, { i: { url, title: 'Race', text: TEXT, ...extra } })).ingestArticle;

  it(`${CALLERS} attributeClaim calls on different claims create the same passage once`, async () => {
    const article = (await ingest('https://example.org/races/passage')).article;
    const { createActor } = await t.ok(CREATE_ACTOR, {
      i: { name: 'Race Ministry', kind: 'ORGANIZATION' },
    });
    const claims = await Promise.all(
      Array.from(
        { length: CALLERS },
        async (_, n) =>
          (await t.ok(CREATE_CLAIM, { i: { text: `Race claim ${n}` } })).createClaim.id as string,
      ),
    );
    const passages = await t.count('passages');
    for (const selector of [
      { quote: { exact: 'the agreement was close' } },
      { position: { start: 0, end: 12 } },
    ]) {
      const results = await all<{ attributeClaim: { passage: { id: string } } }>(CALLERS, (n) =>
        t.gql(ATTRIBUTE, {
          i: {
            claimId: claims[n],
            actorId: createActor.id,
            articleId: article.id,
            stance: 'ASSERTS',
            ...selector,
          },
        }),
      );
      expect(new Set(results.map((r) => r.attributeClaim.passage.id)).size).toBe(1);
    }
    expect(await t.count('passages')).toBe(passages + 2);
    expect(await t.count('attributions')).toBe(CALLERS * 2);
  });

  it(`${CALLERS} ingests of different URLs name the same publisher and authors, in any order`, async () => {
    const authors = ['Ana Race', 'Bruno Race', 'Carla Race'];
    const results = await all<{
      ingestArticle: {
        article: { publisher: { id: string } | null; authors: { id: string; name: string }[] };
      };
    }>(CALLERS, (n) =>
      t.gql(INGEST, {
        i: {
          url: `https://example.org/races/people-${n}`,
          title: 'People',
          text: `${TEXT} (${n})`,
          // the publisher's name lock would serialise every caller: only some name one
          ...(n % 4 === 0 ? { publisherName: 'The Race Herald' } : {}),
          // each caller names the authors in another order: locks taken in that order deadlock
          authorNames:
            n % 2 ? [...authors].reverse() : authors.slice(n % 3).concat(authors.slice(0, n % 3)),
        },
      }),
    );
    const publishers = new Set(results.flatMap((r) => r.ingestArticle.article.publisher?.id ?? []));
    expect(publishers.size).toBe(1);
    const authorIds = new Set(
      results.flatMap((r) => r.ingestArticle.article.authors.map((a) => a.id)),
    );
    expect(authorIds.size).toBe(3);
    const [{ n }] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM actors WHERE name = ANY($1::text[])`,
      [[...authors, 'The Race Herald']],
    );
    expect(n).toBe(4);
  });

  it(`${CALLERS} ingests of one URL with the same new text make one new version, reanchored once`, async () => {
    const url = 'https://example.org/races/versions';
    const first = await ingest(url);
    const { createClaim } = await t.ok(CREATE_CLAIM, { i: { text: 'Versions race claim' } });
    const { createActor } = await t.ok(CREATE_ACTOR, {
      i: { name: 'Version Racer', kind: 'PERSON' },
    });
    await t.ok(ATTRIBUTE, {
      i: {
        claimId: createClaim.id,
        actorId: createActor.id,
        articleId: first.article.id,
        stance: 'DENIES',
        quote: { exact: 'called the report false' },
      },
    });
    const text = `Breaking. ${TEXT}`;
    const results = await all<{ ingestArticle: { outcome: string; article: { id: string } } }>(
      CALLERS,
      () => t.gql(INGEST, { i: { url, title: 'Race', text } }),
    );
    const outcomes = results.map((r) => r.ingestArticle.outcome).sort();
    expect(outcomes).toEqual(['NEW_VERSION', ...Array(CALLERS - 1).fill('UNCHANGED')]);
    expect(new Set(results.map((r) => r.ingestArticle.article.id)).size).toBe(1);
    const [{ versions, reanchored }] = await t.db.query<{ versions: number; reanchored: number }>(
      `SELECT (SELECT count(*)::int FROM articles WHERE url = $1) AS versions,
              (SELECT count(*)::int FROM reanchored_passages r JOIN articles a ON a.id = r.article_id
               WHERE a.url = $1) AS reanchored`,
      [url],
    );
    expect({ versions, reanchored }).toEqual({ versions: 2, reanchored: 1 });
  });
});
