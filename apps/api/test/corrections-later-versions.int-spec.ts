import { api } from './support/claims-api';
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
    versions.push(await ingest(V2));
    versions.push(await ingest(V3));
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
