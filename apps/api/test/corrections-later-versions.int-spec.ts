import { api } from './support/claims-api';
import { holdTableLock, until } from './support/table-lock';
import { startTestApp, TestApp } from './test-app';

/**
 * A review outlives the version it was made for: Diario del Sur corrects its bond story (a figure
 * and a date changed, a quote withdrawn), then publishes a third version before an editor gets to
 * the review queue. Re-anchoring then picks words in the newest version, never in the superseded
 * one the correction produced, and finds the evidence wherever the later correction carried it.
 */
describe('resolving a source change after a later version', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  const URL = 'https://www.diariodelsur.example/provincia/bono-tierra-alta';
  const FIGURE =
    'Governor Ana Ruiz said the province will issue 580 million in bonds by September 15';
  const WITHDRAWN =
    'A senior minister said privately that the bond was a desperate measure to cover wages';
  const V1 = [
    'The province of Tierra Alta announced a new bond on Tuesday.',
    `${FIGURE}, according to a statement.`,
    `${WITHDRAWN}.`,
    'Markets reacted calmly to the announcement.',
  ].join('\n\n');
  const V2 = V1.replace(
    '580 million in bonds by September 15',
    '850 million in bonds by September 1',
  )
    .replace(`${WITHDRAWN}.\n\n`, '')
    .replace('Tuesday.', 'Tuesday.\n\nCorrection: an earlier version misstated the amount.');
  const V3 = `${V2}\n\nUpdate: the legislature will debate the bond on Thursday.`;
  const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
  const QUEUE = `{ sourceChanges(first: 50) { edges { node { id status attribution { id } } } } }`;
  const RESOLVE = `mutation ($i: ResolveSourceChangeInput!) { resolveSourceChange(input: $i) {
    resolution } }`;
  const CLAIM = `query ($id: ID!) { claim(id: $id) {
    attributions(first: 10) { edges { node { id needsReview passage { exact article { id superseded } } } } }
    statusHistory { evidence { exact article { id superseded } } } } }`;

  const versions: string[] = [];
  let claimId: string;
  let figure: string;
  let withdrawn: string;
  let beforeReview: string;
  let beforeCorrection: string;

  const ingest = async (text: string) =>
    (await t.ok(INGEST, { i: { url: URL, title: 'Tierra Alta bond', text } })).ingestArticle.article
      .id as string;
  const queue = async () =>
    (await t.ok(QUEUE)).sourceChanges.edges.map((e: any) => e.node) as {
      id: string;
      status: string;
      attribution: { id: string } | null;
    }[];
  const resolve = async (sourceChangeId: string, exact: string) =>
    (await t.ok(RESOLVE, { i: { sourceChangeId, action: 'REANCHOR', quote: { exact } } }))
      .resolveSourceChange;

  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
    versions.push(await ingest(V1));
    claimId = (await a.createClaim('Tierra Alta will issue 580 million in bonds')).id;
    const attribute = async (name: string, kind: string, exact: string) =>
      a.attribute({
        claimId,
        actorId: await a.actor(name, kind),
        stance: 'ASSERTS',
        articleId: versions[0],
        quote: { exact },
      });
    const figureAttribution = await attribute('Ana Ruiz', 'PERSON', FIGURE);
    figure = figureAttribution.id;
    withdrawn = (await attribute('a senior minister', 'ANONYMOUS_SOURCE', WITHDRAWN)).id;
    await a.changeStatus({
      claimId,
      status: 'CONTESTED',
      rationale: 'the governor announced it',
      evidencePassageIds: [figureAttribution.passage.id],
    });
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    versions.push(await ingest(V2));
    versions.push(await ingest(V3));
    beforeReview = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => t.close());

  it('re-anchors an orphaned attribution in the newest version', async () => {
    const change = (await queue()).find((c) => c.attribution?.id === withdrawn)!;
    expect(await resolve(change.id, 'Markets reacted calmly')).toEqual({ resolution: 'REANCHOR' });
    const { attributions } = (await t.ok(CLAIM, { id: claimId })).claim;
    const node = attributions.edges.find((e: any) => e.node.id === withdrawn).node;
    expect(node.passage).toEqual({
      exact: 'Markets reacted calmly',
      article: { id: versions[2], superseded: false },
    });
  });

  it('re-anchors a changed attribution forward, never back onto the superseded version', async () => {
    const change = (await queue()).find(
      (c) => c.attribution?.id === figure && c.status === 'FUZZY',
    )!;
    await resolve(change.id, 'will issue 850 million in bonds by September 1');
    const { attributions } = (await t.ok(CLAIM, { id: claimId })).claim;
    const node = attributions.edges.find((e: any) => e.node.id === figure).node;
    expect(node).toEqual({
      id: figure,
      needsReview: false,
      passage: {
        exact: 'will issue 850 million in bonds by September 1',
        article: { id: versions[2], superseded: false },
      },
    });
  });

  it('keeps where it stood, and whether it awaited review, before and between the corrections', async () => {
    const HISTORY = `query ($id: ID!, $asOf: DateTime) { claim(id: $id, asOf: $asOf) {
      attributions(first: 10) { edges { node { id needsReview passage { exact article { id } }
      passageHistory { status reason from { article { id } } to { exact article { id } } } } } } } }`;
    const figureAt = async (asOf?: string) =>
      (await t.ok(HISTORY, { id: claimId, asOf })).claim.attributions.edges.find(
        (e: any) => e.node.id === figure,
      ).node;
    const corrected = `Governor Ana Ruiz said the province will issue 850 million in bonds by September 1`;
    expect(await figureAt(beforeCorrection)).toMatchObject({
      needsReview: false,
      passage: { exact: FIGURE, article: { id: versions[0] } },
      passageHistory: [],
    });
    const between = await figureAt(beforeReview);
    expect(between).toMatchObject({
      needsReview: true,
      passage: { exact: corrected, article: { id: versions[2] } },
    });
    expect(between.passageHistory).toHaveLength(2);
    const steps = (await figureAt()).passageHistory.map((step: any) => ({
      status: step.status,
      from: step.from.article.id,
      to: step.to.article.id,
      exact: step.to.exact,
      byEditor: (step.reason ?? '').startsWith('re-anchored by an editor'),
    }));
    expect(steps).toEqual([
      { status: 'FUZZY', from: versions[0], to: versions[1], exact: corrected, byEditor: false },
      { status: 'EXACT', from: versions[1], to: versions[2], exact: corrected, byEditor: false },
      {
        status: 'FUZZY',
        from: versions[2],
        to: versions[2],
        exact: 'will issue 850 million in bonds by September 1',
        byEditor: true,
      },
    ]);
  });

  it('re-anchors evidence that a later version carried on', async () => {
    const change = (await queue()).find((c) => c.attribution === null)!;
    await resolve(change.id, 'Governor Ana Ruiz said the province will issue 850 million');
    const [contested] = (await t.ok(CLAIM, { id: claimId })).claim.statusHistory;
    expect(contested.evidence).toEqual([
      {
        exact: 'Governor Ana Ruiz said the province will issue 850 million',
        article: { id: versions[2], superseded: false },
      },
    ]);
    expect(await queue()).toEqual([]);
  });
});

/**
 * An editor who removes an attribution a correction orphaned (removeAttribution, from the claim
 * page) has answered its review: the queue no longer lists it, the claim no longer needs review,
 * and the removal is its resolution; it cannot be confirmed or re-anchored afterwards.
 */
describe('removing an attribution that awaits review', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  const URL = 'https://www.diariodelsur.example/ciudad/colectivos';
  const KEPT = 'The mayor promised 300 new buses before the end of March 2027';
  const GONE = 'Critics called the promise a fantasy that the city cannot afford';
  const V1 = `City hall held a press conference. ${KEPT}. ${GONE}. The council votes next week.`;
  const V2 = `City hall held a press conference. ${KEPT}. The council votes next week.`;
  const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
  const CHANGES = `query ($r: Boolean) { sourceChanges(first: 50, resolved: $r) { edges { node {
    id resolved resolution resolvedReason resolvedBy { name } attribution { id } } } } }`;
  const NEEDS = `{ claims(first: 50, filter: { needsReview: true }) { totalCount } }`;
  let claimId: string;
  let gone: string;

  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
    const ingest = async (text: string) =>
      (await t.ok(INGEST, { i: { url: URL, title: 'Buses', text } })).ingestArticle.article.id;
    const v1 = await ingest(V1);
    claimId = (await a.createClaim('The city will buy 300 new buses')).id;
    const attribute = async (name: string, kind: string, stance: string, exact: string) =>
      a.attribute({
        claimId,
        actorId: await a.actor(name, kind),
        stance,
        articleId: v1,
        quote: { exact },
      });
    await attribute('Mayor Inés López', 'PERSON', 'ASSERTS', KEPT);
    gone = (await attribute('critics of the mayor', 'ANONYMOUS_SOURCE', 'DISPUTES', GONE)).id;
    await ingest(V2);
  });
  afterAll(() => t.close());

  it('resolves its review with the removal', async () => {
    const changes = async (r: boolean) =>
      (await t.ok(CHANGES, { r })).sourceChanges.edges.map((e: any) => e.node);
    const [pending] = await changes(false);
    expect(pending).toMatchObject({ resolved: false, attribution: { id: gone } });
    expect((await t.ok(NEEDS)).claims.totalCount).toBe(1);

    const editor = await t.token('EDITOR', 'city-desk');
    const removed = await t.gqlAs(
      editor,
      `mutation ($i: RemoveAttributionInput!) {
      removeAttribution(input: $i) { id } }`,
      { i: { attributionId: gone, reason: 'withdrawn by the paper' } },
    );
    expect(removed.errors).toBeUndefined();

    expect(await changes(false)).toEqual([]);
    expect((await t.ok(NEEDS)).claims.totalCount).toBe(0);
    expect((await changes(true)).find((c: any) => c.id === pending.id)).toMatchObject({
      resolved: true,
      resolution: 'REMOVE',
      resolvedReason: 'withdrawn by the paper',
      resolvedBy: { name: 'city-desk' },
    });
    for (const i of [
      { sourceChangeId: pending.id, action: 'CONFIRM' },
      { sourceChangeId: pending.id, action: 'REANCHOR', quote: { exact: 'The council votes' } },
    ]) {
      const again = await t.gql(
        `mutation ($i: ResolveSourceChangeInput!) {
        resolveSourceChange(input: $i) { id } }`,
        { i },
      );
      expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    }
  });
  it('resolves it even when the removal races the correction that orphans it', async () => {
    const url = `${URL}-2`;
    const ingest = (text: string) =>
      t.gql(INGEST, { i: { url, title: 'Buses', text } }) as Promise<any>;
    const v1 = (await ingest(V1)).data.ingestArticle.article.id;
    const racing = (
      await a.attribute({
        claimId,
        actorId: await a.actor('the opposition bloc', 'ORGANIZATION'),
        stance: 'DISPUTES',
        articleId: v1,
        quote: { exact: GONE },
      })
    ).id;
    // the correction holds in the event log's lock after recording its source changes; the
    // removal comes meanwhile (and waits for it: the source change references the attribution)
    const lock = await holdTableLock(t.databaseUrl, 'claim_events', 'EXCLUSIVE');
    const correction = ingest(V2);
    await until('the correction waits', async () => (await lock.waiting()) === 1);
    const removal = t.gql(
      `mutation ($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id } }`,
      { i: { attributionId: racing, reason: 'retracted by the bloc' } },
    );
    await until('the removal waits', async () => (await lock.waiting()) === 2);
    await lock.release();
    expect((await correction).errors).toBeUndefined();
    expect((await removal).errors).toBeUndefined();
    const pending = (await t.ok(CHANGES, { r: false })).sourceChanges.edges.map(
      (e: any) => e.node.attribution?.id,
    );
    expect(pending).not.toContain(racing);
  });
});
