import { api } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

const SEARCH = `query ($q: String!, $first: Int, $types: [SearchHitType!]) {
  search(query: $q, first: $first, types: $types) {
    score snippet highlights { start end }
    claim { id text } passage { id exact article { id } } article { id title } actor { id name } } }`;
const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } outcome } }`;

const words = (hit: any) =>
  hit.highlights.map((r: any) =>
    Array.from(hit.snippet as string)
      .slice(r.start, r.end)
      .join(''),
  );

describe('search over claims, passages, articles and actors', () => {
  let t: TestApp;
  let calls: ReturnType<typeof api>;
  const search = async (q: string, types?: string[]) =>
    (await t.ok(SEARCH, { q, first: 20, types })).search as any[];

  beforeAll(async () => {
    t = await startTestApp();
    calls = api(t);
  });
  afterAll(() => t.close());

  it('finds words of an article’s text that no passage holds, once per article however many versions', async () => {
    const url = 'https://news.example/salt-flats';
    const v1 =
      'The lithium brine of the Salar Grande flats is pumped day and night. Locals object.';
    await t.ok(INGEST, { i: { url, title: 'Salt flats under pressure', text: v1 } });
    const v2 = `${v1} A correction: the pumping stops on Sundays.`;
    const second = await t.ok(INGEST, { i: { url, title: 'Salt flats under pressure', text: v2 } });
    expect(second.ingestArticle.outcome).toBe('NEW_VERSION');
    const hits = await search('brine');
    const articles = hits.filter((hit) => hit.article);
    expect(articles).toHaveLength(1);
    expect(articles[0].article.id).toBe(second.ingestArticle.article.id);
    expect(words(articles[0])).toEqual(['brine']);
  });

  it('finds a passage once, in the newest version of its article', async () => {
    const url = 'https://news.example/port';
    const text = 'The harbour master said the quay would reopen on Tuesday.';
    const first = await t.ok(INGEST, { i: { url, title: 'Port', text } });
    const claim = (await calls.createClaim('The quay reopens on Tuesday')).id;
    const actor = await calls.actor('Harbour master');
    await calls.attribute({
      claimId: claim,
      actorId: actor,
      stance: 'ASSERTS',
      articleId: first.ingestArticle.article.id,
      quote: { exact: 'the quay would reopen on Tuesday' },
    });
    const newer = await t.ok(INGEST, { i: { url, title: 'Port', text: `${text} Updated.` } });
    const passages = (await search('quay', ['PASSAGE'])).filter((hit) => hit.passage);
    expect(passages).toHaveLength(1);
    expect(passages[0].passage.article.id).toBe(newer.ingestArticle.article.id);
  });

  it('finds actors by name and alias, with highlights, and `types` narrows the kinds', async () => {
    await t.ok(
      `mutation { createActor(input: { name: "Guillermina Ostrovsky", kind: PERSON, aliases: ["la fiscal Ostrovsky"] }) { id } }`,
    );
    await calls.createClaim('Ostrovsky opened an inquiry into the pumping');
    const all = await search('Ostrovsky');
    expect(all.some((hit) => hit.actor?.name === 'Guillermina Ostrovsky')).toBe(true);
    expect(all.some((hit) => hit.claim)).toBe(true);
    const actors = await search('ostrov', ['ACTOR']);
    expect(actors.map((hit) => hit.actor?.name)).toEqual(['Guillermina Ostrovsky']);
    expect(words(actors[0])).toEqual(['Ostrovsky', 'Ostrovsky']);
    const claims = await search('Ostrovsky', ['CLAIM']);
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((hit) => hit.claim && !hit.actor && !hit.article && !hit.passage)).toBe(
      true,
    );
  });

  it('highlights prefix matches in every kind', async () => {
    const hits = await search('pump');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(words(hit).length).toBeGreaterThan(0);
      for (const word of words(hit)) expect(word.toLowerCase().startsWith('pump')).toBe(true);
    }
  });

  it('refuses more than four types and an unknown one', async () => {
    const many = await t.gql(SEARCH, {
      q: 'x',
      types: ['CLAIM', 'CLAIM', 'CLAIM', 'CLAIM', 'ACTOR'],
    });
    expect(many.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(SEARCH, { q: 'x', types: ['PERSON'] });
    expect(unknown.errors?.[0]).toBeDefined();
  });
});
