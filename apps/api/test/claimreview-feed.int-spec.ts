import { startTestApp, TestApp } from './test-app';
import { api } from './support/claims-api';
import { checkClaimReview } from './support/claimreview-check';

jest.setTimeout(60_000);

// Publishing reviews as ClaimReview over HTTP: only published reviews (url and publishedAt, not
// retracted) reach the feed and the claim's document, each valid JSON-LD by Google's rules.

const BASE = 'https://claims.example.org';
const INGEST = `mutation ($i: IngestArticleInput!) {
  ingestArticle(input: $i) { outcome article { id } } }`;
const ADD = `mutation ($i: AddReviewInput!) { addReview(input: $i) { id } }`;
const RETRACT = `mutation ($i: RetractReviewInput!) { retractReview(input: $i) { id } }`;
const TEXT =
  'Milei said the talks are advanced. Sources said no deal exists. The paper reported the talks.';

describe('ClaimReview publishing', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  const actor: Record<string, string> = {};
  const claim: Record<string, string> = {};
  let retractable: string;

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const feed = async (query = '') =>
    (await get(`/exports/claimreviews.jsonl${query}`)).body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  const ingest = async (url: string, title: string, text: string) =>
    (await t.ok(INGEST, { i: { url, title, text } })).ingestArticle;
  const review = async (claimId: string, extra: Record<string, unknown>) =>
    (
      await t.ok(ADD, {
        i: { claimId, reviewerId: actor.chequeado, rating: 'False', ...extra },
      })
    ).addReview.id as string;
  const published = (day: number) => ({
    url: `/reviews/${day}`,
    publishedAt: `2026-03-0${day}T10:00:00.000Z`,
  });

  beforeAll(async () => {
    t = await startTestApp({
      PUBLIC_BASE_URL: BASE,
      REVIEW_ORGANIZATION_NAME: 'Chequeado',
      REVIEW_ORGANIZATION_URL: 'https://chequeado.example',
    });
    call = api(t);
    actor.milei = await call.actor('Javier Milei', 'PERSON');
    actor.sources = await call.actor('Sources familiar', 'ANONYMOUS_SOURCE');
    actor.paper = await call.actor('The Paper', 'MEDIA_OUTLET');
    actor.chequeado = await call.actor('Chequeado', 'ORGANIZATION');
    const first = await ingest('https://news.example/talks', 'Talks, first version', TEXT);
    const other = await ingest('https://other.example/talks', 'Talks elsewhere', TEXT);
    for (const name of ['named', 'anonymous', 'unreviewed', 'draft']) {
      claim[name] = (await call.createClaim(`The ${name} claim about the talks`)).id;
      await call.secondReview(claim[name]);
    }
    const attribute = (
      claimId: string,
      who: string,
      stance: string,
      articleId: string,
      exact: string,
    ) => call.attribute({ claimId, actorId: actor[who], stance, articleId, quote: { exact } });
    await attribute(claim.named, 'milei', 'ASSERTS', first.article.id, 'the talks are advanced');
    await attribute(claim.named, 'paper', 'REPORTS', other.article.id, 'reported the talks');
    await attribute(claim.anonymous, 'sources', 'ASSERTS', first.article.id, 'no deal exists');
    await attribute(claim.anonymous, 'paper', 'REPORTS', other.article.id, 'reported the talks');
    // a correction: the first article's URL now has a newer version, which the claim also cites
    const second = await ingest(
      'https://news.example/talks',
      'Talks, corrected',
      `${TEXT} Corrected on Monday.`,
    );
    expect(second.outcome).toBe('NEW_VERSION');
    await attribute(claim.named, 'paper', 'REPORTS', second.article.id, 'reported the talks');

    await review(claim.named, {
      ...published(1),
      inLanguage: 'es-AR',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
    });
    await review(claim.named, { rating: 'Draft verdict' });
    retractable = await review(claim.anonymous, {
      ...published(2),
      inLanguage: 'en',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
    });
    await review(claim.draft, { url: '/reviews/9' });
  });
  afterAll(() => t?.close());

  it('publishes valid ClaimReviews of published reviews only', async () => {
    const lines = await feed();
    expect(lines.map((line) => line.url).sort()).toEqual([
      `${BASE}/reviews/1`,
      `${BASE}/reviews/2`,
    ]);
    for (const line of lines) {
      expect(await checkClaimReview(line)).toEqual({ errors: [], warnings: [], reviews: 1 });
      expect(line.author).toEqual({
        '@type': 'Organization',
        name: 'Chequeado',
        url: 'https://chequeado.example',
      });
    }
  });

  it('lists each URL once, as its latest version, and names only named authors', async () => {
    const lines = await feed();
    const named = lines.find((line) => line.url === `${BASE}/reviews/1`);
    expect(named.inLanguage).toBe('es-AR');
    expect(named.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Javier Milei' });
    expect(named.itemReviewed.appearance.map((a: any) => [a.url, a.headline]).sort()).toEqual([
      ['https://news.example/talks', 'Talks, corrected'],
      ['https://other.example/talks', 'Talks elsewhere'],
    ]);
    const anonymous = lines.find((line) => line.url === `${BASE}/reviews/2`);
    expect(anonymous.itemReviewed).not.toHaveProperty('author');
    expect(anonymous.itemReviewed.appearance).toHaveLength(2);
  });

  it('filters the feed by language, subtags included, and checks the tag', async () => {
    expect((await feed('?inLanguage=es')).map((l) => l.url)).toEqual([`${BASE}/reviews/1`]);
    expect((await feed('?inLanguage=ES-ar')).map((l) => l.url)).toEqual([`${BASE}/reviews/1`]);
    expect((await feed('?inLanguage=en')).map((l) => l.url)).toEqual([`${BASE}/reviews/2`]);
    expect(await feed('?inLanguage=fr')).toEqual([]);
    const bad = await get('/exports/claimreviews.jsonl?inLanguage=spanish!');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/`inLanguage` must be a BCP 47 language tag such as en/);
    // a HEAD answers as the GET would, though it streams nothing
    const head = await t.app.inject({
      method: 'HEAD',
      url: '/exports/claimreviews.jsonl?inLanguage=spanish!',
    });
    expect(head.statusCode).toBe(400);
    // a download link checks the feed's parameters when it is made, not when it fails later
    const link = await t.app.inject({
      method: 'POST',
      url: '/exports/links',
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
      payload: { path: '/exports/claimreviews.jsonl?inLanguage=spanish!' },
    });
    expect(link.statusCode).toBe(400);
    expect(link.json().message).toMatch(/`inLanguage` must be a BCP 47 language tag/);
    const twice = await get('/exports/claimreviews.jsonl?inLanguage=es&inLanguage=en');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/Give `inLanguage` once/);
  });

  it('answers a claim without a published review with a 404 that says why', async () => {
    const unreviewed = await get(`/claims/${claim.unreviewed}/claimreview.jsonld`);
    expect(unreviewed.statusCode).toBe(404);
    expect(unreviewed.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(unreviewed.json().message).toBe(
      `Claim "${claim.unreviewed}" has no published review: it has not been reviewed yet. Add a review with addReview, with its url and publishedAt, to publish one.`,
    );
    const draft = await get(`/claims/${claim.draft}/claimreview.jsonld`);
    expect(draft.statusCode).toBe(404);
    expect(draft.json().message).toMatch(
      /of its 1 review, 1 is a draft \(a review is published once it has url and publishedAt: set them with updateReview\)/,
    );
    const one = await get(`/claims/${claim.named}/claimreview.jsonld`);
    expect(one.statusCode).toBe(200);
    expect(one.json().url).toBe(`${BASE}/reviews/1`);
  });

  it('takes a retracted review out of the feed and keeps it in history', async () => {
    await t.ok(RETRACT, { i: { reviewId: retractable, reason: 'Wrong claim' } });
    expect((await feed()).map((line) => line.url)).toEqual([`${BASE}/reviews/1`]);
    const gone = await get(`/claims/${claim.anonymous}/claimreview.jsonld`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toMatch(/of its 1 review, 1 was retracted\./);
    const history = await call.claim(claim.anonymous);
    expect(history.reviews.map((r: any) => r.id)).toEqual([retractable]);
  });

  it('can be pasted into a <script> of a web page: no markup in the JSON-LD, values intact', async () => {
    const hostile = 'The talks </script><script>alert(1)</script> & <!-- more \u2028 here';
    const { id } = await call.createClaim(hostile);
    await call.secondReview(id);
    await review(id, { ...published(5), summary: hostile, rating: '<b>False</b>' });
    const one = await get(`/claims/${id}/claimreview.jsonld`);
    const line = (await get('/exports/claimreviews.jsonl')).body
      .split('\n')
      .find((l) => l.includes('/reviews/5'))!;
    for (const body of [one.body, line]) {
      expect(body).not.toMatch(/[<>&\u2028]/);
      const document = JSON.parse(body);
      expect([document.claimReviewed, document.description]).toEqual([hostile, hostile]);
      expect(document.reviewRating.alternateName).toBe('<b>False</b>');
    }
  });

  it('leaves out appearances on this machine or a private network, which no reader can open', async () => {
    const { id } = await call.createClaim('The claim seen on a public and a private site');
    await call.secondReview(id);
    const local = await ingest('http://127.0.0.1:8080/talks', 'Local copy', TEXT);
    const intranet = await ingest('http://10.1.2.3/talks', 'Intranet copy', TEXT);
    const urn = await ingest('urn:example:talks', 'Archive copy', TEXT);
    const open = await ingest('https://open.example/talks', 'Open copy', TEXT);
    for (const article of [local, intranet, urn, open]) {
      await call.attribute({
        claimId: id,
        actorId: actor.milei,
        stance: 'ASSERTS',
        articleId: article.article.id,
        quote: { exact: 'the talks are advanced' },
      });
    }
    await review(id, { ...published(6), ratingValue: 1, bestRating: 5, worstRating: 1 });
    const document = (await get(`/claims/${id}/claimreview.jsonld`)).json();
    expect(await checkClaimReview(document)).toEqual({ errors: [], warnings: [], reviews: 1 });
    expect(document.itemReviewed.appearance.map((a: any) => a.url)).toEqual([
      'urn:example:talks',
      'https://open.example/talks',
    ]);
    expect(document.itemReviewed.firstAppearance.url).toBe('urn:example:talks');
  });
});
