import { api } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

/**
 * Exports after a correction (issue 15): Port News withdraws a quote, and until an editor confirms
 * it, its speaker is no author of the claim in the ClaimReview feed, the article it stood on is no
 * appearance of a claim that nothing else cites, and its stance is no edge of the CSV export
 * (includeSuperseded keeps it).
 */
describe('exports after a correction withdrew a quote', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  const URL = 'https://news.example/port-strike';
  const KEPT = 'The port authority confirmed that 42 ships were stranded on Sunday';
  const GONE = 'Zebulon Quartermaine said the strike would last until the weekend';
  const V1 = `Dock workers went on strike. ${KEPT}. ${GONE}. Unions met on Monday.`;
  const V2 = `Dock workers went on strike. ${KEPT}. Unions met on Monday.`;
  const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
  const REVIEW = `mutation ($i: AddReviewInput!) { addReview(input: $i) { id } }`;
  const claims: Record<string, string> = {};
  let zebulon: string;

  const get = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const claimReview = async (claimId: string) =>
    JSON.parse(await get(`/claims/${claimId}/claimreview.jsonld`)).itemReviewed;

  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
    const ingest = async (text: string) =>
      (
        await t.ok(INGEST, {
          i: { url: URL, title: 'Strike', text, publisherName: 'Port News' },
        })
      ).ingestArticle.article.id;
    const v1 = await ingest(V1);
    const authority = await a.actor('Port authority', 'GOVERNMENT_BODY');
    zebulon = await a.actor('Zebulon Quartermaine');
    const checker = await a.actor('Chequeo Sur', 'ORGANIZATION');
    const claim = async (text: string, quotes: [string, string, string][]) => {
      const id = (await a.createClaim(text)).id as string;
      for (const [actorId, stance, exact] of quotes) {
        await a.attribute({ claimId: id, actorId, stance, articleId: v1, quote: { exact } });
      }
      await a.secondReview(id);
      await t.ok(REVIEW, {
        i: {
          claimId: id,
          reviewerId: checker,
          rating: 'True',
          url: `https://chequeo.example/${claims.stranded ? 'strike' : 'ships'}`,
          publishedAt: '2026-03-01T10:00:00.000Z',
        },
      });
      return id;
    };
    claims.stranded = await claim('Dock workers stranded 42 ships', [
      [authority, 'CONFIRMS', KEPT],
      [zebulon, 'ASSERTS', GONE],
    ]);
    claims.weekend = await claim('The dock strike lasts until the weekend', [
      [zebulon, 'ASSERTS', GONE],
    ]);
    await ingest(V2);
  });
  afterAll(() => t.close());

  it("leaves the withdrawn quote's speaker and article out of ClaimReview", async () => {
    expect((await claimReview(claims.stranded)).author).toEqual({
      '@type': 'Organization',
      name: 'Port authority',
    });
    const weekend = await claimReview(claims.weekend);
    expect(weekend.author).toBeUndefined();
    expect(weekend.appearance).toEqual([]);
  });

  it('leaves its stance out of the CSV edges unless superseded versions are asked for', async () => {
    const edges = '/exports/graph?format=csv&table=edges';
    expect(await get(edges)).not.toContain(zebulon);
    expect(await get(`${edges}&includeSuperseded=true`)).toContain(zebulon);
  });

  it('counts it again once an editor confirms it', async () => {
    const queue = await t.ok(`{ sourceChanges(first: 10) { edges { node { id } } } }`);
    for (const { node } of queue.sourceChanges.edges) {
      await t.ok(
        `mutation ($i: ResolveSourceChangeInput!) { resolveSourceChange(input: $i) { id } }`,
        { i: { sourceChangeId: node.id, action: 'CONFIRM' } },
      );
    }
    expect((await claimReview(claims.stranded)).author.name).toBe('Zebulon Quartermaine');
    expect((await claimReview(claims.weekend)).appearance).toEqual([
      expect.objectContaining({ url: URL }),
    ]);
  });
});
