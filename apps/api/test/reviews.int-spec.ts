import { TokensService } from '@claimtrace/auth';
import { startTestApp, TestApp } from './test-app';
import { api, failure, keyOf } from './support/claims-api';

jest.setTimeout(60_000);

const BASE = 'https://factchecks.example.org/news';
const REVIEW = `id rating ratingValue bestRating worstRating summary url publishedAt inLanguage
  retracted retractedAt retractedReason reviewer { id }`;
const ADD = `mutation ($i: AddReviewInput!) { addReview(input: $i) { ${REVIEW} } }`;
const UPDATE = `mutation ($i: UpdateReviewInput!) { updateReview(input: $i) { ${REVIEW} } }`;
const RETRACT = `mutation ($i: RetractReviewInput!) { retractReview(input: $i) { ${REVIEW} } }`;
const REVIEWS = `query ($id: ID!) { claim(id: $id) { reviews { ${REVIEW} } } }`;

describe('reviews: add, update and retract, ready to publish', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let reviewer: string;
  let claimId: string;

  const eventsOf = (claim: string) =>
    t.db.query<{ kind: string; by: string | null; payload: any }>(
      `SELECT kind, by, payload FROM claim_events WHERE claim_id = $1::uuid ORDER BY id`,
      [keyOf(claim)],
    );
  const counts = async () => ({
    reviews: await t.count('reviews'),
    events: await t.count('claim_events'),
  });
  const add = (i: Record<string, unknown>) =>
    t.gql(ADD, { i: { claimId, reviewerId: reviewer, ...i } });
  const published = {
    rating: 'False',
    ratingValue: 1,
    bestRating: 5,
    worstRating: 1,
    summary: 'No agreement exists.',
    url: 'https://chequeado.example/deportados',
    publishedAt: '2026-03-03T10:00:00.000Z',
  };

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: BASE });
    call = api(t);
    reviewer = await call.actor('Chequeado', 'ORGANIZATION');
    const { createClaim } = await t.ok(
      `mutation { createClaim(input: { text: "Argentina will take US deportees", language: "es" }) { id } }`,
    );
    claimId = createClaim.id;
    await call.secondReview(claimId);
  });
  afterAll(() => t?.close());

  it('publishes a review only once the second review is ticked by someone other than the assignee; a draft before', async () => {
    const claim = (await call.createClaim('Publishing waits for the second review')).id;
    const on = { claimId: claim, reviewerId: reviewer };
    const before = await counts();
    const refused = failure(await t.gql(ADD, { i: { ...on, ...published } }), 'BAD_USER_INPUT');
    expect(refused.message).toMatch(
      /^A review is published .* "Second editor review" \(second-review\)/,
    );
    expect(refused.extensions).toMatchObject({
      argument: 'publishedAt',
      missing: ['second-review'],
    });
    expect(await counts()).toEqual(before);
    // a draft may be saved, and its url or date set; the update that would publish it may not
    const { id } = (await t.ok(ADD, { i: { ...on, rating: 'False', url: published.url } }))
      .addReview;
    const publish = { reviewId: id, publishedAt: published.publishedAt };
    failure(await t.gql(UPDATE, { i: publish }), 'BAD_USER_INPUT');
    // ticked by Ana, then handed to her: the review became her own and does not count
    const ana = (
      await t.ok(`mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id } }`, {
        i: { name: 'Ana Publisher', handle: 'ana-publisher' },
      })
    ).createPerson.id;
    const anas = (
      await t.app.get(TokensService).create({ name: 'ana-publisher', role: 'EDITOR', person: ana })
    ).token;
    const tick = `mutation ($i: SetChecklistItemInput!) { setChecklistItem(input: $i) { id } }`;
    expect(
      (await t.gqlAs(anas, tick, { i: { claimId: claim, key: 'second-review', done: true } }))
        .errors,
    ).toBeUndefined();
    const assign = (assigneeId: string | null) =>
      t.ok(`mutation ($i: AssignClaimInput!) { assignClaim(input: $i) { id } }`, {
        i: { claimId: claim, assigneeId },
      });
    await assign(ana);
    const stillDraft = failure(await t.gql(UPDATE, { i: publish }), 'BAD_USER_INPUT');
    expect(stillDraft.message).toMatch(/someone other than its assignee/);
    expect(await counts()).toEqual({ reviews: before.reviews + 1, events: expect.any(Number) });
    // assigned to someone else, Ana's tick is a second review again: it publishes, on update and add
    await assign(null);
    expect((await t.ok(UPDATE, { i: publish })).updateReview.publishedAt).toBe(
      published.publishedAt,
    );
    const second = (await t.ok(ADD, { i: { ...on, ...published } })).addReview;
    expect(second.url).toBe(published.url);

    // while a review stays published, so does the second review it needed: retract to untick
    const untick = { claimId: claim, key: 'second-review', done: false };
    const ticks = () => t.count('checklist_ticks');
    const ticked = await ticks();
    const held = failure(await t.gql(tick, { i: untick }), 'CONFLICT');
    expect(held.message).toMatch(/has a published review, .* stays ticked: retract the review/);
    expect(held.extensions.key).toBe('second-review');
    await t.ok(RETRACT, { i: { reviewId: id, reason: 'Published twice' } });
    failure(await t.gql(tick, { i: untick }), 'CONFLICT');
    expect(await ticks()).toBe(ticked);
    await t.ok(RETRACT, { i: { reviewId: second.id, reason: 'Withdrawn for a recheck' } });
    expect((await t.gql(tick, { i: untick })).errors).toBeUndefined();
    expect(await ticks()).toBe(ticked - 1);
  });

  it('adds a review with its publishing fields, in the claim language unless told, and logs it', async () => {
    const result = await add(published);
    expect(result.errors).toBeUndefined();
    const review = result.data!.addReview;
    expect(review).toEqual({
      id: expect.any(String),
      ...published,
      inLanguage: 'es',
      retracted: false,
      retractedAt: null,
      retractedReason: null,
      reviewer: { id: reviewer },
    });
    const english = (await add({ rating: 'Misleading', inLanguage: 'en-GB' })).data!.addReview;
    expect(english).toMatchObject({ inLanguage: 'en-GB', url: null, publishedAt: null });

    const events = (await eventsOf(claimId)).filter((e) => e.kind === 'REVIEW_ADDED');
    expect(events.map((e) => [e.by, e.payload])).toEqual([
      [
        'test-admin',
        {
          claimId,
          reviewId: review.id,
          published: true,
          rating: 'False',
          url: published.url,
          publishedAt: published.publishedAt,
          inLanguage: 'es',
        },
      ],
      [
        'test-admin',
        {
          claimId,
          reviewId: english.id,
          published: false,
          rating: 'Misleading',
          url: null,
          publishedAt: null,
          inLanguage: 'en-GB',
        },
      ],
    ]);
  });

  it('keeps the first instant the API takes, and a moment ago, to the millisecond', async () => {
    const now = new Date(Date.now() - 1000).toISOString();
    for (const publishedAt of ['0001-01-01T00:00:00.000Z', now]) {
      const { addReview } = (await add({ rating: 'False', publishedAt })).data!;
      expect(addReview.publishedAt).toBe(publishedAt);
    }
  });

  it('refuses a publication date in the future, on add and on update, and writes nothing', async () => {
    const { id } = (await add({ rating: 'False' })).data!.addReview;
    const before = await counts();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    for (const publishedAt of ['9999-12-31T23:59:59.999Z', '2999-01-01', tomorrow]) {
      for (const answer of [
        await add({ rating: 'False', url: '/reviews/7', publishedAt }),
        await t.gql(UPDATE, { i: { reviewId: id, publishedAt } }),
      ]) {
        const error = failure(answer, 'BAD_USER_INPUT');
        expect(error.message).toMatch(/^publishedAt .* is in the future/);
        expect(error.extensions.argument).toBe('publishedAt');
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('builds a path on PUBLIC_BASE_URL', async () => {
    const { addReview } = (await add({ rating: 'False', url: '/reviews/42' })).data!;
    expect(addReview.url).toBe(`${BASE}/reviews/42`);
  });

  it.each([
    [{ url: 'http://localhost:3000/claims/x' }, /points at this machine/, 'url'],
    [{ url: 'http://127.0.0.1/x' }, /points at this machine/, 'url'],
    [{ url: 'http://[::ffff:0.0.0.0]/x' }, /points at this machine/, 'url'],
    [{ url: 'http://10.0.0.1/reviews/1' }, /or a private network \(10\.0\.0\.1\)/, 'url'],
    [{ url: 'http://169.254.169.254/latest' }, /points at this machine/, 'url'],
    [{ url: 'http://[fd00::1]/x' }, /points at this machine/, 'url'],
    [{ url: 'ftp://example.org/x' }, /not an absolute http or https URL/, 'url'],
    [{ url: 'reviews/42' }, /not an absolute http or https URL/, 'url'],
    [{ bestRating: 1, worstRating: 5 }, /bestRating \(1\) must be above worstRating \(5\)/, null],
    [{ bestRating: 5, worstRating: 5 }, /must be above worstRating/, null],
    [{ ratingValue: 3 }, /ratingValue needs its scale/, null],
    [{ ratingValue: 9, bestRating: 5, worstRating: 1 }, /ratingValue 9 is outside the scale/, null],
    [{ bestRating: 5 }, /bestRating needs worstRating/, null],
    [{ rating: '   ' }, /rating must contain at least one visible character/, null],
    [{ inLanguage: 'Spanish!' }, /inLanguage must be a BCP 47 language tag/, null],
    [{ publishedAt: 'yesterday' }, /publishedAt|DateTime/, null],
    [{ publishedAt: '10000-01-01T00:00:00Z' }, /with a year from 0001 to 9999/, null],
    [{ ratingValue: 2e6, bestRating: 3e6, worstRating: 0 }, /ratingValue/, null],
  ])(
    'refuses %j with an actionable BAD_USER_INPUT and writes nothing',
    async (i, message, argument) => {
      const before = await counts();
      const error = failure(await add({ rating: 'False', ...i }), 'BAD_USER_INPUT');
      expect(error.message).toMatch(message);
      if (argument) expect(error.extensions.argument).toBe(argument);
      expect(await counts()).toEqual(before);
    },
  );

  it('says once what is wrong with a huge language tag, and what a tag looks like', async () => {
    const before = await counts();
    const error = failure(
      await add({ rating: 'False', inLanguage: 'e'.repeat(100_000) }),
      'BAD_USER_INPUT',
    );
    expect(error.message).toMatch(/inLanguage must be at most 35 characters long/);
    expect(error.message.match(/BCP 47/g)).toHaveLength(1);
    // nor through the claim, whose language a review takes: as long, it is a valid-looking tag
    const long = `en${'-abcdefgh'.repeat(100)}`;
    const claim = failure(
      await t.gql(
        `mutation ($l: String) { createClaim(input: { text: "x", language: $l }) { id } }`,
        {
          l: long,
        },
      ),
      'BAD_USER_INPUT',
    );
    expect(claim.message).toMatch(/language must be at most 35 characters long/);
    expect(await counts()).toEqual(before);
  });

  it('updates the fields given, checks the review as it ends up, and logs before and after', async () => {
    const { id } = (
      await add({ rating: 'Unproven', ratingValue: 2, bestRating: 5, worstRating: 1 })
    ).data!.addReview;
    const updated = await t.ok(UPDATE, {
      i: { reviewId: id, ...published, summary: 'Checked.' },
    });
    expect(updated.updateReview).toMatchObject({ ...published, summary: 'Checked.' });

    // omitted fields stay, null clears one
    const cleared = await t.ok(UPDATE, { i: { reviewId: id, summary: null } });
    expect(cleared.updateReview).toMatchObject({
      rating: 'False',
      summary: null,
      url: published.url,
    });

    // the scale is checked on the merged review: bestRating 0 is below the stored worstRating 1
    const before = await counts();
    const low = failure(
      await t.gql(UPDATE, { i: { reviewId: id, bestRating: 0 } }),
      'BAD_USER_INPUT',
    );
    expect(low.message).toMatch(/bestRating \(0\) must be above worstRating \(1\)/);
    failure(await t.gql(UPDATE, { i: { reviewId: id, rating: null } }), 'BAD_USER_INPUT');
    failure(await t.gql(UPDATE, { i: { reviewId: id, url: 'http://[::1]/x' } }), 'BAD_USER_INPUT');
    // nothing changed: no event
    await t.ok(UPDATE, { i: { reviewId: id, rating: 'False' } });
    expect(await counts()).toEqual(before);

    const events = (await eventsOf(claimId)).filter((e) => e.kind === 'REVIEW_UPDATED');
    expect(events.map((e) => e.payload)).toEqual([
      {
        claimId,
        reviewId: id,
        published: true,
        before: {
          rating: 'Unproven',
          ratingValue: 2,
          summary: null,
          url: null,
          publishedAt: null,
        },
        after: {
          rating: 'False',
          ratingValue: 1,
          summary: 'Checked.',
          url: published.url,
          publishedAt: published.publishedAt,
        },
      },
      {
        claimId,
        reviewId: id,
        published: true,
        before: { summary: 'Checked.' },
        after: { summary: null },
      },
    ]);
    const missing = failure(
      await t.gql(UPDATE, {
        i: {
          reviewId: Buffer.from('Review:00000000-0000-4000-8000-000000000000').toString(
            'base64url',
          ),
          rating: 'x',
        },
      }),
      'NOT_FOUND',
    );
    expect(missing.message).toMatch(/No Review has the id/);
  });

  it('retracts a review once: it stays in history with its reason, and is closed to edits', async () => {
    const { id } = (await add(published)).data!.addReview;
    failure(await t.gql(RETRACT, { i: { reviewId: id, reason: '  ' } }), 'BAD_USER_INPUT');
    const { retractReview } = await t.ok(RETRACT, {
      i: { reviewId: id, reason: 'Published on the wrong claim' },
    });
    expect(retractReview).toMatchObject({
      id,
      retracted: true,
      retractedReason: 'Published on the wrong claim',
      retractedAt: expect.any(String),
    });
    const { claim } = await t.ok(REVIEWS, { id: claimId });
    expect(claim.reviews.find((r: any) => r.id === id)).toEqual(retractReview);

    const before = await counts();
    const again = failure(
      await t.gql(RETRACT, { i: { reviewId: id, reason: 'again' } }),
      'CONFLICT',
    );
    expect(again.message).toMatch(
      /was retracted at .* \(Published on the wrong claim\).*Add a new review/,
    );
    failure(await t.gql(UPDATE, { i: { reviewId: id, rating: 'True' } }), 'CONFLICT');
    expect(await counts()).toEqual(before);

    const [event] = (await eventsOf(claimId)).filter((e) => e.kind === 'REVIEW_RETRACTED');
    expect(event.payload).toEqual({
      claimId,
      reviewId: id,
      published: true,
      reason: 'Published on the wrong claim',
    });
  });

  it('lets one of many racing retractions win; the others are CONFLICT', async () => {
    const { id } = (await add(published)).data!.addReview;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        t.gql(n % 2 ? RETRACT : UPDATE, {
          i: n % 2 ? { reviewId: id, reason: `race ${n}` } : { reviewId: id, summary: `edit ${n}` },
        }),
      ),
    );
    const retracted = results.filter((r, n) => n % 2 && !r.errors);
    expect(retracted).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) failure(r, 'CONFLICT');
    const events = await t.db.query<{ kind: string }>(
      `SELECT kind FROM claim_events WHERE payload->>'reviewId' = $1 ORDER BY id`,
      [id],
    );
    // every update that won came before the retraction, and each success has its one event
    expect(events.map((e) => e.kind).at(-1)).toBe('REVIEW_RETRACTED');
    expect(events.filter((e) => e.kind === 'REVIEW_RETRACTED')).toHaveLength(1);
    expect(events.length).toBe(1 + results.filter((r) => !r.errors).length);
  });

  it('follows a review to the claim its claim was merged into: edited and retracted there', async () => {
    const gone = (await call.createClaim('A duplicate of the deportees claim')).id;
    await call.secondReview(gone);
    const { id } = (await t.ok(ADD, { i: { claimId: gone, reviewerId: reviewer, ...published } }))
      .addReview;
    await call.merge(claimId, gone);
    // no new review on the merged claim; its review moved to the kept claim and is edited there
    expect(failure(await add({ rating: 'x', claimId: gone }), 'BAD_USER_INPUT').message).toMatch(
      /merged/,
    );
    const updated = await t.ok(UPDATE, { i: { reviewId: id, summary: 'After the merge.' } });
    expect(updated.updateReview.summary).toBe('After the merge.');
    const { claim } = await t.ok(REVIEWS, { id: claimId });
    expect(claim.reviews.map((r: any) => r.id)).toContain(id);
    const events = (await eventsOf(claimId)).filter((e) => e.payload.reviewId === id);
    expect(events.map((e) => e.kind)).toEqual(['REVIEW_UPDATED']);
    await t.ok(RETRACT, { i: { reviewId: id, reason: 'Duplicate' } });
  });

  it('leaves reviews to editors: a VIEWER may read them and change none', async () => {
    const viewer = await t.token('VIEWER');
    const { id } = (await add(published)).data!.addReview;
    const before = await counts();
    for (const [query, i] of [
      [ADD, { claimId, reviewerId: reviewer, rating: 'False' }],
      [UPDATE, { reviewId: id, rating: 'True' }],
      [RETRACT, { reviewId: id, reason: 'no' }],
    ] as const) {
      failure(await t.gqlAs(viewer, query, { i }), 'FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
    const read = await t.gqlAs(viewer, REVIEWS, { id: claimId });
    expect(read.data!.claim.reviews.length).toBeGreaterThan(0);
  });
});
