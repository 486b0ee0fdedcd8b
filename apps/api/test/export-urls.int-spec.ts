import { DemoLoader } from '@claimtrace/demo';
import { api } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

// Absolute URLs in exports come from PUBLIC_BASE_URL, whatever Host or X-Forwarded-Host a client
// sends (even with TRUST_PROXY on); every export answer, and the download links, are no-store.

const BASE = 'https://claims.example.org/factcheck';
const HOSTILE = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'http',
};

describe('export URLs and caching', () => {
  let t: TestApp;
  let claimId: string;
  let articleId: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: `${BASE}/`, TRUST_PROXY: 'true' });
    await t.app.get(DemoLoader).load();
    const { claims } = await t.ok(`{ claims(first: 1) { edges { node { id } } } }`);
    claimId = claims.edges[0].node.id;
    const { articles } = await t.ok(`{ articles(first: 1) { edges { node { id } } } }`);
    articleId = articles.edges[0].node.id;
    const { createActor } = await t.ok(
      `mutation { createActor(input: { name: "Checkers", kind: ORGANIZATION }) { id } }`,
    );
    await api(t).secondReview(claimId);
    await t.ok(`mutation ($i: AddReviewInput!) { addReview(input: $i) { id } }`, {
      i: {
        claimId,
        rating: 'False',
        reviewerId: createActor.id,
        url: '/reviews/1',
        publishedAt: '2026-03-01T00:00:00.000Z',
      },
    });
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: HOSTILE });

  it('builds ClaimReview @id and a relative review url on PUBLIC_BASE_URL, not on the Host header', async () => {
    const one = await get(`/claims/${claimId}/claimreview.jsonld`);
    expect(one.statusCode).toBe(200);
    expect(one.json()['@id']).toMatch(new RegExp(`^${BASE}/claims/${claimId}#review-`));
    expect(one.json().url).toBe(`${BASE}/reviews/1`);
    const all = await get('/exports/claimreviews.jsonl');
    expect(all.body).toContain(`"${BASE}/claims/`);
    for (const response of [one, all]) expect(response.body).not.toContain('evil.example');
  });

  it('builds annotation ids on PUBLIC_BASE_URL, not on the Host header', async () => {
    const response = await get(`/articles/${articleId}/annotations.jsonld`);
    expect(response.statusCode).toBe(200);
    const collection = response.json();
    expect(collection.id).toBe(`${BASE}/articles/${articleId}/annotations.jsonld`);
    expect(collection.first.items[0].id).toMatch(new RegExp(`^${BASE}/passages/`));
    expect(response.body).not.toContain('evil.example');
  });

  it('marks every export answer and download link no-store, errors included', async () => {
    const answers = await Promise.all([
      get('/exports/graph?format=graphml'),
      get('/exports/graph?format=csv&table=edges'),
      get('/exports/graph?format=pdf'),
      get('/exports/claimreviews.jsonl'),
      get(`/claims/${claimId}/claimreview.jsonld`),
      get('/claims/garbage/claimreview.jsonld'),
      get(`/articles/${articleId}/annotations.jsonld`),
      t.app.inject({ method: 'HEAD', url: '/exports/graph?format=gexf' }),
      t.app.inject({
        method: 'POST',
        url: '/exports/links',
        headers: { authorization: `Bearer ${t.adminToken}`, ...HOSTILE },
        payload: { path: '/exports/graph?format=gexf' },
      }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 400, 200, 200, 400, 200, 200, 201]);
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');

    // the link is a path on this server, never an address built from the Host header
    const link = answers[8].json();
    expect(link.url).toMatch(/^\/exports\/graph\?format=gexf&ticket=/);
    const download = await get(link.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['cache-control']).toBe('no-store');
  });
});
