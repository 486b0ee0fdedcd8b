import { startTestApp, TestApp } from './test-app';

const CLAIM_FIELDS = `id text status version tags firstSeenAt mergedInto { id }`;
const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`;
const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { ${CLAIM_FIELDS} } }`;
const UPDATE_CLAIM = `mutation ($i: UpdateClaimInput!) { updateClaim(input: $i) { ${CLAIM_FIELDS} } }`;
const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) {
  attributeClaim(input: $i) { id passage { id exact } } }`;
const REMOVE = `mutation ($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id stance } }`;
const CHANGE_STATUS = `mutation ($i: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $i) { ${CLAIM_FIELDS} } }`;
const LINK = `mutation ($i: LinkClaimsInput!) {
  linkClaims(input: $i) { relation from { id } to { id } } }`;
const REVIEW_FIELDS = `id rating ratingValue bestRating worstRating summary url publishedAt
  reviewer { id name kind }`;
const ADD_REVIEW = `mutation ($i: AddReviewInput!) { addReview(input: $i) { ${REVIEW_FIELDS} } }`;
const MERGE = `mutation ($i: MergeInput!) { mergeClaims(input: $i) { ${CLAIM_FIELDS} } }`;
const CLAIM = `query ($id: ID!) { claim(id: $id) {
  ${CLAIM_FIELDS}
  attributions(first: 50) { totalCount edges { node { id stance actor { id name } } } }
  stanceSummary { counts { stance count } distinctActors }
  statusHistory { from to rationale at evidence { id exact } }
  relations { relation from { id } to { id } }
  reviews { ${REVIEW_FIELDS} } } }`;
const CLAIMS = `query ($filter: ClaimFilter, $orderBy: ClaimOrder, $first: Int, $after: String) {
  claims(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id text firstSeenAt updatedAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

/** The database key behind a global id (to read the event log, which stores keys). */
const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1];

/** The GraphQL calls the tests make, bound to one running app. */
function api(t: TestApp) {
  const mutate = (query: string, i: Record<string, unknown>) => t.gql(query, { i });
  const ok = async (query: string, i: Record<string, unknown>) => t.ok(query, { i });
  return {
    mutate,
    actor: async (name: string, kind = 'PERSON') =>
      (await ok(CREATE_ACTOR, { name, kind })).createActor.id as string,
    article: async (
      text: string,
      url = `https://example.com/${Math.random().toString(36).slice(2)}`,
    ) => (await ok(INGEST, { url, title: 'An article', text })).ingestArticle.article.id as string,
    createClaim: async (text: string, tags?: string[]) =>
      (await ok(CREATE_CLAIM, { text, tags })).createClaim,
    updateClaim: async (i: Record<string, unknown>) => (await ok(UPDATE_CLAIM, i)).updateClaim,
    attribute: async (i: Record<string, unknown>) =>
      (await ok(ATTRIBUTE, i)).attributeClaim as {
        id: string;
        passage: { id: string; exact: string };
      },
    remove: async (attributionId: string, reason: string) =>
      (await ok(REMOVE, { attributionId, reason })).removeAttribution,
    changeStatus: async (i: Record<string, unknown>) =>
      (await ok(CHANGE_STATUS, i)).changeClaimStatus,
    link: async (i: Record<string, unknown>) => (await ok(LINK, i)).linkClaims,
    addReview: async (i: Record<string, unknown>) => (await ok(ADD_REVIEW, i)).addReview,
    merge: async (keepId: string, mergeId: string) =>
      (await ok(MERGE, { keepId, mergeId })).mergeClaims,
    claim: async (id: string) => (await t.ok(CLAIM, { id })).claim,
    claims: async (variables: Record<string, unknown>) => (await t.ok(CLAIMS, variables)).claims,
  };
}

/** The one error of a failed request, checked for its code and that it carries no stack trace. */
function failure(
  result: { errors?: { message: string; extensions: Record<string, any> }[] },
  code: string,
) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions.code).toBe(code);
  expect(error.extensions.stacktrace).toBeUndefined();
  return error;
}

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

describe('editing claims: versions, workflow, attributions, links, reviews, merges', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  const actor: Record<string, string> = {};
  let article: string;
  const TEXT =
    'Milei said the talks are advanced. The ministry denied any talks. Sources told the newspaper ' +
    'that no deal has been closed. The fact-checkers found no record of a meeting. A spokesperson ' +
    'declined to comment. The White House describes safe third country schemes.';

  const attribution = (claimId: string, who: string, stance: string, exact: string) =>
    call.attribute({ claimId, actorId: actor[who], stance, articleId: article, quote: { exact } });

  const eventsOf = (claimId: string) =>
    t.db.query<{ kind: string; payload: any }>(
      `SELECT kind, payload FROM claim_events WHERE claim_id = $1::uuid ORDER BY id`,
      [keyOf(claimId)],
    );

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    actor.milei = await call.actor('Javier Milei');
    actor.ministry = await call.actor('Cancillería Argentina', 'GOVERNMENT_BODY');
    actor.nyt = await call.actor('The New York Times', 'MEDIA_OUTLET');
    actor.sources = await call.actor('Sources familiar with the discussions', 'ANONYMOUS_SOURCE');
    actor.chequeado = await call.actor('Chequeado', 'ORGANIZATION');
    article = await call.article(TEXT);
  });
  afterAll(() => t?.close());

  it('creates and updates a claim, bumping the version; a stale expectedVersion is a CONFLICT', async () => {
    const created = await call.createClaim('Argentina is in talks', [
      'Deportations',
      ' deportations ',
      'US',
    ]);
    expect(created).toMatchObject({
      status: 'UNVERIFIED',
      version: 1,
      tags: ['deportations', 'us'],
    });

    const renamed = await call.updateClaim({
      claimId: created.id,
      text: '  Argentina is in advanced talks  ',
      expectedVersion: 1,
    });
    expect(renamed).toMatchObject({ text: 'Argentina is in advanced talks', version: 2 });
    const retagged = await call.updateClaim({
      claimId: created.id,
      tags: ['Talks'],
      expectedVersion: 2,
    });
    expect(retagged).toMatchObject({ tags: ['talks'], version: 3 });

    const stale = failure(
      await call.mutate(UPDATE_CLAIM, {
        claimId: created.id,
        text: 'Lost update',
        expectedVersion: 2,
      }),
      'CONFLICT',
    );
    expect(stale.message).toMatch(/expectedVersion 2.*version 3/);
    expect(stale.extensions.currentVersion).toBe(3);
    expect(await call.claim(created.id)).toMatchObject({
      text: 'Argentina is in advanced talks',
      version: 3,
    });
  });

  it('moves a claim through the workflow, recording each change with its evidence', async () => {
    const { id } = await call.createClaim('No deal has been closed');
    const told = (await attribution(id, 'nyt', 'REPORTS', 'told the newspaper')).passage;
    const noDeal = (await attribution(id, 'sources', 'ASSERTS', 'no deal has been closed')).passage;
    const steps = [
      { status: 'CONTESTED', rationale: 'Milei denies the report', evidence: [told] },
      { status: 'CORROBORATED', rationale: 'A second source agrees', evidence: [noDeal, told] },
      { status: 'CONFIRMED', rationale: 'Both governments confirm', evidence: [] },
      { status: 'CONTESTED', rationale: 'New denial', evidence: [noDeal] },
    ];
    let version = 1;
    for (const step of steps) {
      const changed = await call.changeStatus({
        claimId: id,
        status: step.status,
        rationale: step.rationale,
        expectedVersion: version,
        evidencePassageIds: step.evidence.map((passage) => passage.id),
      });
      version += 1;
      expect(changed).toMatchObject({ status: step.status, version });
    }
    const { statusHistory } = await call.claim(id);
    expect(statusHistory.map(({ at: _at, ...change }: any) => change)).toEqual([
      { from: 'UNVERIFIED', to: 'CONTESTED', rationale: steps[0].rationale, evidence: [told] },
      {
        from: 'CONTESTED',
        to: 'CORROBORATED',
        rationale: steps[1].rationale,
        evidence: [noDeal, told],
      },
      { from: 'CORROBORATED', to: 'CONFIRMED', rationale: steps[2].rationale, evidence: [] },
      { from: 'CONFIRMED', to: 'CONTESTED', rationale: steps[3].rationale, evidence: [noDeal] },
    ]);
    const times = statusHistory.map((change: any) => Date.parse(change.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('removes an attribution with a reason: gone from current views, kept in the event log', async () => {
    const { id } = await call.createClaim('Talks are advanced');
    const asserted = await attribution(id, 'milei', 'ASSERTS', 'the talks are advanced');
    const denied = await attribution(id, 'ministry', 'DENIES', 'denied any talks');
    const reason = 'Misattributed: the denial is about another negotiation';
    expect(await call.remove(denied.id, `  ${reason}  `)).toEqual({
      id: denied.id,
      stance: 'DENIES',
    });

    const after = await call.claim(id);
    expect(after.attributions.totalCount).toBe(1);
    expect(after.attributions.edges.map((edge: any) => edge.node.id)).toEqual([asserted.id]);
    expect(after.stanceSummary).toEqual({
      counts: [{ stance: 'ASSERTS', count: 1 }],
      distinctActors: 1,
    });
    const denials = await call.claims({ filter: { actorId: actor.ministry, stance: 'DENIES' } });
    expect(denials.edges.map((edge: any) => edge.node.id)).not.toContain(id);

    const removed = (await eventsOf(id)).filter((event) => event.kind === 'ATTRIBUTION_REMOVED');
    expect(removed).toEqual([
      {
        kind: 'ATTRIBUTION_REMOVED',
        payload: expect.objectContaining({ attributionId: denied.id, reason }),
      },
    ]);
    const again = failure(
      await call.mutate(REMOVE, { attributionId: denied.id, reason: 'twice' }),
      'BAD_USER_INPUT',
    );
    expect(again.message).toMatch(/removed already/);
  });

  it('refuses to remove an attribution that a current one is reported via', async () => {
    const { id } = await call.createClaim('No deal is closed');
    const nyt = await attribution(id, 'nyt', 'REPORTS', 'told the newspaper');
    const sources = await call.attribute({
      claimId: id,
      actorId: actor.sources,
      stance: 'ASSERTS',
      articleId: article,
      quote: { exact: 'no deal has been closed' },
      reportedViaId: nyt.id,
    });
    const blocked = failure(
      await call.mutate(REMOVE, { attributionId: nyt.id, reason: 'wrong outlet' }),
      'BAD_USER_INPUT',
    );
    expect(blocked.message).toMatch(
      /1 current attribution\(s\) are reported via this one; remove those first/,
    );
    expect((await call.claim(id)).attributions.totalCount).toBe(2);

    await call.remove(sources.id, 'duplicate');
    await call.remove(nyt.id, 'wrong outlet');
    expect((await call.claim(id)).attributions.totalCount).toBe(0);
  });

  it('links claims: no self link, no duplicate, visible from both claims', async () => {
    const from = (await call.createClaim('Talks are advanced')).id;
    const to = (await call.createClaim('There are no talks')).id;
    const self = failure(
      await call.mutate(LINK, { fromId: from, toId: from, relation: 'SUPPORTS' }),
      'BAD_USER_INPUT',
    );
    expect(self.message).toMatch(/cannot be linked to itself/);

    const relation = { relation: 'CONTRADICTS', from: { id: from }, to: { id: to } };
    expect(await call.link({ fromId: from, toId: to, relation: 'CONTRADICTS' })).toEqual(relation);
    const duplicate = failure(
      await call.mutate(LINK, { fromId: from, toId: to, relation: 'CONTRADICTS' }),
      'CONFLICT',
    );
    expect(duplicate.message).toMatch(/already linked with CONTRADICTS/);

    expect((await call.claim(from)).relations).toEqual([relation]);
    expect((await call.claim(to)).relations).toEqual([relation]);
  });

  it('adds a review with its rating scale and reviewer; a rating off the scale is refused', async () => {
    const { id } = await call.createClaim('Argentina will receive deportees');
    const input = {
      claimId: id,
      rating: 'Unproven',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      reviewerId: actor.chequeado,
      summary: 'No official confirmation.',
      url: 'https://chequeado.com/ultimas-noticias/deportados',
      publishedAt: '2026-03-03T10:00:00.000Z',
    };
    const review = await call.addReview(input);
    const { claimId: _claim, reviewerId: _reviewer, ...fields } = input;
    expect(review).toEqual({
      id: expect.any(String),
      ...fields,
      reviewer: { id: actor.chequeado, name: 'Chequeado', kind: 'ORGANIZATION' },
    });
    expect((await call.claim(id)).reviews).toEqual([review]);

    const reviews = await t.count('reviews');
    const off = failure(
      await call.mutate(ADD_REVIEW, { ...input, ratingValue: 6 }),
      'BAD_USER_INPUT',
    );
    expect(off.message).toMatch(
      /ratingValue 6 is outside the scale from worstRating 1 to bestRating 5/,
    );
    failure(await call.mutate(ADD_REVIEW, { ...input, ratingValue: 0.5 }), 'BAD_USER_INPUT');
    expect(await t.count('reviews')).toBe(reviews);
  });

  describe('mergeClaims', () => {
    let kept: string;
    let merged: string;
    let other: string;
    const moved: Record<string, string> = {};

    beforeAll(async () => {
      kept = (
        await call.createClaim('Argentina negotiates deportee transfers', ['deportations', 'us'])
      ).id;
      merged = (await call.createClaim('Argentina to take US deportees', ['US', 'argentina'])).id;
      other = (await call.createClaim('Safe third country schemes exist')).id;
      moved.keptAttribution = (
        await attribution(kept, 'ministry', 'DENIES', 'denied any talks')
      ).id;
      moved.attribution = (
        await attribution(merged, 'milei', 'ASSERTS', 'the talks are advanced')
      ).id;
      moved.review = (
        await call.addReview({ claimId: merged, rating: 'Misleading', reviewerId: actor.chequeado })
      ).id;
      await call.link({ fromId: merged, toId: other, relation: 'SUPPORTS' });
    });

    it('moves attributions, reviews and relations to the kept claim and unites the tags', async () => {
      const result = await call.merge(kept, merged);
      expect(result).toMatchObject({ id: kept, mergedInto: null });
      expect([...result.tags].sort()).toEqual(['argentina', 'deportations', 'us']);

      const claim = await call.claim(kept);
      expect(claim.attributions.edges.map((edge: any) => edge.node.id).sort()).toEqual(
        [moved.keptAttribution, moved.attribution].sort(),
      );
      expect(claim.stanceSummary.distinctActors).toBe(2);
      expect(claim.reviews.map((review: any) => review.id)).toEqual([moved.review]);
      expect(claim.relations).toEqual([
        { relation: 'SUPPORTS', from: { id: kept }, to: { id: other } },
      ]);
      expect((await call.claim(other)).relations).toEqual(claim.relations);
    });

    it('keeps the merged claim resolving with mergedInto, but no longer lists it', async () => {
      const gone = await call.claim(merged);
      expect(gone.mergedInto).toEqual({ id: kept });
      expect(gone.attributions.totalCount).toBe(0);
      const node = await t.ok(
        `query ($id: ID!) { node(id: $id) { ... on Claim { mergedInto { id } } } }`,
        {
          id: merged,
        },
      );
      expect(node.node).toEqual({ mergedInto: { id: kept } });

      const listed = await call.claims({ first: 100 });
      const ids = listed.edges.map((edge: any) => edge.node.id);
      expect(ids).toContain(kept);
      expect(ids).not.toContain(merged);
      expect(listed.totalCount).toBe(ids.length);
    });

    it('refuses to edit the merged claim, naming the kept one', async () => {
      const before = await t.count('claim_events');
      const edits = [
        [UPDATE_CLAIM, { claimId: merged, text: 'Edited after merge' }],
        [CHANGE_STATUS, { claimId: merged, status: 'CONTESTED', rationale: 'late' }],
        [
          ATTRIBUTE,
          {
            claimId: merged,
            actorId: actor.nyt,
            stance: 'REPORTS',
            articleId: article,
            quote: { exact: 'told the newspaper' },
          },
        ],
      ] as const;
      for (const [mutation, input] of edits) {
        const error = failure(await call.mutate(mutation, input), 'BAD_USER_INPUT');
        expect(error.message).toMatch(/already merged/);
        expect(error.message).toContain(kept);
        expect(error.extensions.mergedInto).toBe(kept);
      }
      expect(await t.count('claim_events')).toBe(before);
    });

    it('refuses to merge an already merged claim', async () => {
      const again = failure(
        await call.mutate(MERGE, { keepId: kept, mergeId: merged }),
        'BAD_USER_INPUT',
      );
      expect(again.message).toMatch(/already merged/);
      const into = failure(
        await call.mutate(MERGE, { keepId: merged, mergeId: other }),
        'BAD_USER_INPUT',
      );
      expect(into.message).toContain(kept);
      expect((await call.claim(other)).mergedInto).toBeNull();
    });
  });

  it('logs one event per mutation, of the matching kind, in order', async () => {
    const before = await t.count('claim_events');
    const claim = await call.createClaim('Deportees will arrive in March');
    const partner = await call.createClaim('Deportees will arrive soon');
    await call.updateClaim({ claimId: claim.id, tags: ['deportations'], expectedVersion: 1 });
    const added = await attribution(claim.id, 'milei', 'ASSERTS', 'the talks are advanced');
    await call.changeStatus({ claimId: claim.id, status: 'CONTESTED', rationale: 'Denied' });
    failure(
      await call.mutate(CHANGE_STATUS, {
        claimId: claim.id,
        status: 'CONFIRMED',
        rationale: 'x',
        expectedVersion: 1,
      }),
      'CONFLICT',
    );
    await call.addReview({ claimId: claim.id, rating: 'False', reviewerId: actor.chequeado });
    await call.link({ fromId: claim.id, toId: partner.id, relation: 'REFINES' });
    await call.remove(added.id, 'Wrong quote');
    await call.merge(claim.id, partner.id);

    const events = await eventsOf(claim.id);
    expect(events.map((event) => event.kind)).toEqual([
      'CLAIM_CREATED',
      'CLAIM_UPDATED',
      'ATTRIBUTION_ADDED',
      'STATUS_CHANGED',
      'REVIEW_ADDED',
      'CLAIMS_LINKED',
      'ATTRIBUTION_REMOVED',
      'CLAIMS_MERGED',
    ]);
    expect(events[3].payload).toMatchObject({
      from: 'UNVERIFIED',
      to: 'CONTESTED',
      rationale: 'Denied',
    });
    expect(events[7].payload).toMatchObject({ keepId: claim.id, mergeId: partner.id });
    expect((await eventsOf(partner.id)).map((event) => event.kind)).toEqual(['CLAIM_CREATED']);
    expect(await t.count('claim_events')).toBe(before + 9);
  });
});
