import { ImportService, parseImportLine } from '@claimtrace/export';
import { api } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

/**
 * A publisher reverts a correction: the page says again what it said first. That is a new version
 * (the latest is what the page says now), not the first version found again; the attributions
 * follow it back, and the figure that changed twice awaits review twice.
 */
describe('a correction reverted by its publisher', () => {
  let t: TestApp;
  const URL = 'https://www.lacosta.example/puerto/gruas';
  const QUOTE = 'the port said 12 cranes were idle on Friday';
  const V1 = `Workers walked out at dawn.\n\nAccording to a statement, ${QUOTE}.\n\nTalks resume today.`;
  const V2 = V1.replace('12 cranes', '15 cranes');
  const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) {
    outcome article { id superseded text } } }`;
  const CLAIM = `query ($id: ID!) { claim(id: $id) { attributions(first: 5) { edges { node {
    needsReview passage { exact article { id } } passageHistory { status from { exact } to { exact } } } } } } }`;
  const ingest = async (text: string) =>
    (await t.ok(INGEST, { i: { url: URL, title: 'Port strike', text } })).ingestArticle;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('stores the reverted text as the newest version, and moves the attributions back to it', async () => {
    const a = api(t);
    const first = await ingest(V1);
    const claim = (await a.createClaim('Twelve cranes are idle at the port')).id;
    await a.attribute({
      claimId: claim,
      actorId: await a.actor('Port authority', 'ORGANIZATION'),
      stance: 'ASSERTS',
      articleId: first.article.id,
      quote: { exact: QUOTE },
    });
    const corrected = await ingest(V2);
    expect(corrected.outcome).toBe('NEW_VERSION');

    const reverted = await ingest(V1);
    expect(reverted.outcome).toBe('NEW_VERSION');
    expect(reverted.article).toMatchObject({ superseded: false, text: V1 });
    expect(reverted.article.id).not.toBe(first.article.id);
    // the same text once more is the newest version again: unchanged
    expect(await ingest(V1)).toMatchObject({
      outcome: 'UNCHANGED',
      article: { id: reverted.article.id },
    });

    const VERSIONS = `query ($id: ID!) { node(id: $id) { ... on Article {
      latestVersion { id } versions { id } } } }`;
    const { node } = await t.ok(VERSIONS, { id: first.article.id });
    expect(node.latestVersion.id).toBe(reverted.article.id);
    expect(node.versions.map((v: any) => v.id)).toEqual([
      first.article.id,
      corrected.article.id,
      reverted.article.id,
    ]);
    const LATEST = `query { articles(first: 10) { edges { node { id } } } }`;
    expect((await t.ok(LATEST)).articles.edges.map((e: any) => e.node.id)).toEqual([
      reverted.article.id,
    ]);

    const [attribution] = (await t.ok(CLAIM, { id: claim })).claim.attributions.edges.map(
      (e: any) => e.node,
    );
    expect(attribution.passage).toEqual({ exact: QUOTE, article: { id: reverted.article.id } });
    // 12 → 15 → 12: both moves changed the figure, both await review
    expect(attribution.needsReview).toBe(true);
    expect(attribution.passageHistory.map((m: any) => [m.from.exact, m.to.exact])).toEqual([
      [QUOTE, QUOTE.replace('12', '15')],
      [QUOTE.replace('12', '15'), QUOTE],
    ]);
  });

  it('imports a reverted history onto the versions it already has, once', async () => {
    const url = 'https://www.lacosta.example/puerto/muelle';
    const text = (cranes: number) => `At the pier, ${cranes} cranes were idle on Friday.`;
    await t.ok(INGEST, { i: { url, title: 'Pier', text: text(12) } });
    await t.ok(INGEST, { i: { url, title: 'Pier', text: text(15) } });
    // an export of another instance: the page was corrected, then reverted
    const lines = [12, 15, 12].map((cranes, i) => {
      const parsed = parseImportLine(JSON.stringify({ url, title: 'Pier', text: text(cranes) }));
      if (!parsed.ok) throw new Error(parsed.reason);
      return { line: i + 1, article: parsed.article };
    });
    const service = t.app.get(ImportService);
    expect(await service.importBatch(lines, 'test')).toMatchObject({
      articlesCreated: 0,
      articleVersions: 1,
      articlesUnchanged: 2,
    });
    const NEWEST = `query { articles(first: 10) { edges { node { url text } } } }`;
    const newest = async () =>
      (await t.ok(NEWEST)).articles.edges.map((e: any) => e.node).filter((a: any) => a.url === url);
    expect(await newest()).toEqual([{ url, text: text(12) }]);
    // the same file again adds nothing
    expect(await service.importBatch(lines, 'test')).toMatchObject({
      articleVersions: 0,
      articlesUnchanged: 3,
    });
    expect(await t.count('articles')).toBe(6);
  });

  it('keeps one version a change when v1 and v2 are ingested at once, alternating', async () => {
    const url = 'https://www.lacosta.example/puerto/alterna';
    const texts = Array.from({ length: 8 }, (_, i) => (i % 2 ? V2 : V1));
    const results = await Promise.all(
      texts.map(
        async (text) =>
          (await t.ok(INGEST, { i: { url, title: 'Alternating', text } })).ingestArticle,
      ),
    );
    const outcomes = results.map((r: { outcome: string }) => r.outcome);
    expect(outcomes.filter((o: string) => o === 'CREATED')).toHaveLength(1);
    const VERSIONS = `query ($id: ID!) { node(id: $id) { ... on Article { versions { id text } } } }`;
    const { node } = await t.ok(VERSIONS, { id: results[0].article.id });
    const versions: { id: string; text: string }[] = node.versions;
    // every stored version is a change from the one before, and each ingest named a stored one
    versions.slice(1).forEach((v, i) => expect(v.text).not.toBe(versions[i].text));
    expect(versions).toHaveLength(outcomes.filter((o: string) => o !== 'UNCHANGED').length);
    const ids = new Set(versions.map((v) => v.id));
    expect(results.every((r: { article: { id: string } }) => ids.has(r.article.id))).toBe(true);
  });
});
