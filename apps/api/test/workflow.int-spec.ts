import { startTestApp, TestApp } from './test-app';
import {
  ADD_REVIEW,
  api,
  ATTRIBUTE,
  CHANGE_STATUS,
  failure,
  keyOf,
  LINK,
  MERGE,
  REMOVE,
  UPDATE_CLAIM,
} from './support/claims-api';

jest.setTimeout(60_000);

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
    await call.secondReview(id);
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
    const from = (await call.createClaim('Negotiations are at an advanced stage')).id;
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
    await call.secondReview(id);
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
