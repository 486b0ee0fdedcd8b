import { api } from './support/claims-api';
import { listen, subscribe, wsClient, wsOnce } from './live-client';
import { startTestApp, TestApp } from './test-app';

jest.setTimeout(60_000);

// A draft review is the newsroom's verdict before it goes out: public reads (no token) see a
// review once it is published (url and publishedAt), on every transport; a token reads drafts too.

const READ = `query ($id: ID!, $draft: ID!) {
  claim(id: $id) { reviews { id rating summary url } }
  node(id: $draft) { id } }`;
const EVENTS = `query ($id: ID!) { events(claimId: $id, first: 50) { edges { node { kind payload } } } }`;

describe('draft reviews, without a token', () => {
  let t: TestApp;
  let url: string;
  let viewer: string;
  let claim: string;
  let draft: string;
  let published: string;

  beforeAll(async () => {
    t = await startTestApp({ EVENTS_POLL_MS: '200' });
    url = await listen(t.app);
    viewer = await t.token('VIEWER', 'draft-reader');
    const call = api(t);
    const reviewer = await call.actor('Chequeado', 'ORGANIZATION');
    claim = (await call.createClaim('Drafts stay in the newsroom')).id;
    await call.secondReview(claim);
    published = (
      await call.addReview({
        claimId: claim,
        reviewerId: reviewer,
        rating: 'False',
        url: 'https://factchecks.example.org/1',
        publishedAt: '2026-03-03T10:00:00.000Z',
      })
    ).id;
    draft = (
      await call.addReview({
        claimId: claim,
        reviewerId: reviewer,
        rating: 'Misleading',
        summary: 'Embargoed until Friday',
      })
    ).id;
    await t.ok(`mutation ($i: UpdateReviewInput!) { updateReview(input: $i) { id } }`, {
      i: { reviewId: draft, rating: 'True', summary: 'Still embargoed' },
    });
  });
  afterAll(() => t?.close());

  const transports = {
    http: (query: string, variables: Record<string, unknown>, token: string | null) =>
      t.gqlAs(token, query, variables),
    ws: (query: string, variables: Record<string, unknown>, token: string | null) =>
      wsOnce(url, query, variables, token),
  };

  it.each(['http', 'ws'] as const)(
    'shows only published reviews, and no draft by node(id), over %s; VIEWER reads drafts',
    async (via) => {
      const anonymous = await transports[via](READ, { id: claim, draft }, null);
      expect(anonymous.data).toEqual({
        claim: {
          reviews: [
            {
              id: published,
              rating: 'False',
              summary: null,
              url: 'https://factchecks.example.org/1',
            },
          ],
        },
        node: null,
      });
      expect(anonymous.errors).toHaveLength(1);
      expect(anonymous.errors![0]).toMatchObject({
        path: ['node'],
        extensions: { code: 'NOT_FOUND', entity: 'Review' },
      });
      const read = await transports[via](READ, { id: claim, draft }, viewer);
      expect(read.errors).toBeUndefined();
      expect(read.data.claim.reviews.map((r: { id: string }) => r.id)).toEqual([published, draft]);
      expect(read.data.node).toEqual({ id: draft });
    },
  );

  it.each(['http', 'ws'] as const)(
    "keeps a draft's rating and summary out of the public event log over %s",
    async (via) => {
      const payloads = async (token: string | null) =>
        (await transports[via](EVENTS, { id: claim }, token)).data.events.edges
          .map((edge: { node: { kind: string; payload: unknown } }) => edge.node)
          .filter((event: { kind: string }) => event.kind.startsWith('REVIEW_'));
      const anonymous = await payloads(null);
      expect(anonymous.map((event: { kind: string }) => event.kind)).toEqual([
        'REVIEW_ADDED',
        'REVIEW_ADDED',
        'REVIEW_UPDATED',
      ]);
      expect(JSON.stringify(anonymous)).not.toMatch(/Misleading|embargoed|"True"/i);
      expect(anonymous[0].payload).toMatchObject({ rating: 'False' });
      const withToken = JSON.stringify(await payloads(viewer));
      expect(withToken).toMatch(/Misleading/);
      expect(withToken).toMatch(/Still embargoed/);
    },
  );

  it('publishing a draft does not reveal what the draft said, live or in the log', async () => {
    const call = api(t);
    const reviewer = await call.actor('Newtral', 'ORGANIZATION');
    const other = (await call.createClaim('A draft that goes out changed')).id;
    await call.secondReview(other);
    const client = wsClient(url);
    const live = subscribe(client, { claimId: other });
    try {
      const draftId = (
        await call.addReview({
          claimId: other,
          reviewerId: reviewer,
          rating: 'Misleading',
          summary: 'Embargoed until Friday',
        })
      ).id;
      await t.ok(`mutation ($i: UpdateReviewInput!) { updateReview(input: $i) { id } }`, {
        i: {
          reviewId: draftId,
          rating: 'False',
          summary: 'Out now',
          url: 'https://factchecks.example.org/2',
          publishedAt: '2026-03-04T10:00:00.000Z',
        },
      });
      const seen = (await live.waitFor(2)).filter((event) => event.kind.startsWith('REVIEW_'));
      const logged = (await t.gqlAs(null, EVENTS, { id: other })).data!.events.edges.map(
        (edge: { node: { kind: string; payload: unknown } }) => edge.node,
      );
      for (const events of [seen, logged]) {
        const text = JSON.stringify(events);
        expect(text).not.toMatch(/Misleading|Embargoed/);
        expect(text).toMatch(/Out now/);
      }
    } finally {
      live.dispose();
      await client.dispose();
    }
  });

  it('does not tell who reviews a draft: events(actorId) and claimEvents(actorId) skip it', async () => {
    const call = api(t);
    const reviewer = await call.actor('Maldita', 'ORGANIZATION');
    const [quiet, out] = [
      (await call.createClaim('A claim reviewed in secret')).id,
      (await call.createClaim('A claim reviewed in public')).id,
    ];
    await call.secondReview(out);
    const client = wsClient(url);
    const live = subscribe(client, { actorId: reviewer });
    try {
      await call.addReview({ claimId: quiet, reviewerId: reviewer, rating: 'Misleading' });
      const published = await call.addReview({
        claimId: out,
        reviewerId: reviewer,
        rating: 'False',
        url: 'https://factchecks.example.org/3',
        publishedAt: '2026-03-05T10:00:00.000Z',
      });
      const BY_ACTOR = `query ($actor: ID!) { events(actorId: $actor, first: 50) {
        edges { node { kind payload } } } }`;
      const reviews = async (token: string | null) =>
        (await t.gqlAs(token, BY_ACTOR, { actor: reviewer }))
          .data!.events.edges.map(
            (edge: { node: { kind: string; payload: { reviewId?: string } } }) => edge.node,
          )
          .filter((event: { kind: string }) => event.kind.startsWith('REVIEW_'))
          .map((event: { payload: { reviewId?: string } }) => event.payload.reviewId);
      expect(await reviews(null)).toEqual([published.id]);
      expect(await reviews(viewer)).toHaveLength(2);
      const [first] = await live.waitFor(1);
      expect(first.payload.reviewId).toBe(published.id);
    } finally {
      live.dispose();
      await client.dispose();
    }
  });
});
