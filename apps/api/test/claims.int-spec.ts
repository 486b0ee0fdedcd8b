import { readFileSync } from 'node:fs';
import { WORKED_EXAMPLE_FILE } from '@claimtrace/demo';
import { startTestApp, TestApp } from './test-app';

const PERFIL = readFileSync(WORKED_EXAMPLE_FILE, 'utf8');

describe('claims, articles and attributions over GraphQL', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const actor = async (name: string, kind: string) =>
      (
        await t.ok(`mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`, {
          i: { name, kind },
        })
      ).createActor.id;
    ids.nyt = await actor('The New York Times', 'MEDIA_OUTLET');
    ids.sources = await actor('sources familiar with the discussions', 'ANONYMOUS_SOURCE');
    ids.milei = await actor('Javier Milei', 'PERSON');
    const ingest = await t.ok(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { outcome article { id contentHash publisher { name kind } } } }`,
      {
        i: {
          url: 'urn:claimtrace:demo:perfil-milei-deportee-talks',
          title: 'Milei denies report linking Argentina to Trump deportee scheme',
          text: PERFIL,
          publisherName: 'Perfil',
          language: 'en',
        },
      },
    );
    expect(ingest.ingestArticle.outcome).toBe('CREATED');
    expect(ingest.ingestArticle.article.publisher).toEqual({
      name: 'Perfil',
      kind: 'MEDIA_OUTLET',
    });
    ids.article = ingest.ingestArticle.article.id;
    const claim = await t.ok(
      `mutation { createClaim(input: { text: "No deal is closed, but negotiations are moving quickly", tags: ["Deportations"] }) { id tags status version } }`,
    );
    expect(claim.createClaim).toMatchObject({
      tags: ['deportations'],
      status: 'UNVERIFIED',
      version: 1,
    });
    ids.claim = claim.createClaim.id;
  });
  afterAll(() => t.close());

  it('builds a relay chain anchored in the article text', async () => {
    const attribute = `mutation ($i: AttributeClaimInput!) { attributeClaim(input: $i) { id stance passage { start end exact } chain { stance actor { name } } } }`;
    const nyt = await t.ok(attribute, {
      i: {
        claimId: ids.claim,
        actorId: ids.nyt,
        stance: 'REPORTS',
        articleId: ids.article,
        quote: { exact: 'told the newspaper' },
      },
    });
    const sources = await t.ok(attribute, {
      i: {
        claimId: ids.claim,
        actorId: ids.sources,
        stance: 'ASSERTS',
        articleId: ids.article,
        quote: { exact: 'while no deal has been closed, negotiations are moving quickly' },
        reportedViaId: nyt.attributeClaim.id,
      },
    });
    const exact = 'while no deal has been closed, negotiations are moving quickly';
    const start = Array.from(PERFIL).join('').indexOf(exact);
    expect(sources.attributeClaim.passage.exact).toBe(exact);
    expect(sources.attributeClaim.passage.start).toBe(Array.from(PERFIL.slice(0, start)).length);
    expect(sources.attributeClaim.chain).toEqual([
      { stance: 'ASSERTS', actor: { name: 'sources familiar with the discussions' } },
      { stance: 'REPORTS', actor: { name: 'The New York Times' } },
    ]);

    const claim = await t.ok(
      `query ($id: ID!) { claim(id: $id) { stanceSummary { counts { stance count } distinctActors }
        attributions(first: 10) { totalCount edges { node { stance actor { name } passage { exact article { title } } } } } } }`,
      { id: ids.claim },
    );
    expect(claim.claim.stanceSummary).toEqual({
      counts: [
        { stance: 'ASSERTS', count: 1 },
        { stance: 'REPORTS', count: 1 },
      ],
      distinctActors: 2,
    });
    expect(claim.claim.attributions.totalCount).toBe(2);
  });

  it("counts a claim's attributions on every page of them, with a stance filter and past the end", async () => {
    const page = `query ($id: ID!, $after: String, $stance: Stance) { claim(id: $id) {
      attributions(first: 1, after: $after, stance: $stance) { totalCount edges { node { stance } }
        pageInfo { hasNextPage endCursor } } } }`;
    const read = async (after: string | null, stance: string | null = null) =>
      (await t.ok(page, { id: ids.claim, after, stance })).claim.attributions;
    const first = await read(null);
    expect(first).toMatchObject({ totalCount: 2, edges: [{ node: { stance: 'REPORTS' } }] });
    const second = await read(first.pageInfo.endCursor);
    expect(second).toMatchObject({ totalCount: 2, edges: [{ node: { stance: 'ASSERTS' } }] });
    expect(second.pageInfo.hasNextPage).toBe(false);
    // past the last one: no row carries the total, which still counts both
    expect(await read(second.pageInfo.endCursor)).toMatchObject({ totalCount: 2, edges: [] });
    expect(await read(null, 'ASSERTS')).toMatchObject({
      totalCount: 1,
      edges: [{ node: { stance: 'ASSERTS' } }],
    });
    expect(await read(null, 'DENIES')).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("tells caches not to store any GraphQL answer, as Apollo's cache-control plugin did", async () => {
    const post = (query: string) =>
      t.app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    for (const query of [
      '{ claims(first: 1) { totalCount edges { node { id attributions(first: 1) { totalCount } } } } }',
      '{ claims(first: 1) { nope } }',
      '{ claims(first: ',
      'mutation { createClaim(input: { text: "x" }) { id } }',
    ]) {
      const response = await post(query);
      expect({ query, header: response.headers['cache-control'] }).toEqual({
        query,
        header: 'no-store',
      });
    }
  });

  it('answers the same relay chain whether its hop is in the same page or not', async () => {
    const chainOf = `chain { id stance actor { id name } passage { id exact article { id title } }
      reportedVia { id } chain { id } }`;
    const page = `query ($id: ID!, $first: Int!, $after: String) { claim(id: $id) {
      attributions(first: $first, after: $after) { edges { node { id ${chainOf} } }
        pageInfo { endCursor } } } }`;
    const read = async (first: number, after: string | null = null) =>
      (await t.ok(page, { id: ids.claim, first, after })).claim.attributions;
    // the relay and its hop in one page: the hop is built from the page's own row
    const together = (await read(10)).edges[1].node;
    // the relay alone on a second page: the hop comes from its own joined row
    const alone = (await read(1, (await read(1)).pageInfo.endCursor)).edges[0].node;
    const byId = (
      await t.ok(`query ($id: ID!) { node(id: $id) { ... on Attribution { id ${chainOf} } } }`, {
        id: alone.id,
      })
    ).node;
    expect(together.chain).toHaveLength(2);
    expect(together.chain[1]).toMatchObject({
      stance: 'REPORTS',
      actor: { name: 'The New York Times' },
      reportedVia: null,
    });
    expect(together.chain[1].chain).toEqual([{ id: together.chain[1].id }]);
    expect(alone).toEqual(together);
    expect(byId).toEqual(together);
  });

  it('changes status along the workflow with a rationale, and rejects stale versions', async () => {
    const change = `mutation ($i: ChangeClaimStatusInput!) { changeClaimStatus(input: $i) { status version statusHistory { from to rationale } } }`;
    const ok = await t.ok(change, {
      i: { claimId: ids.claim, status: 'CONTESTED', rationale: 'Milei denies', expectedVersion: 1 },
    });
    expect(ok.changeClaimStatus).toEqual({
      status: 'CONTESTED',
      version: 2,
      statusHistory: [{ from: 'UNVERIFIED', to: 'CONTESTED', rationale: 'Milei denies' }],
    });
    const stale = await t.gql(change, {
      i: { claimId: ids.claim, status: 'REFUTED', rationale: 'x', expectedVersion: 1 },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('pages through every claim newest first, also ones written by SQL without a first-seen time', async () => {
    await t.db.query(
      `INSERT INTO claims (text) VALUES ('Written by SQL, one'), ('Written by SQL, two')`,
    );
    const [{ count }] = await t.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM claims WHERE merged_into_id IS NULL`,
    );
    const texts: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { claims }: any = await t.ok(
        `query ($after: String) { claims(first: 1, after: $after) { totalCount edges { node { text firstSeenAt } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(claims.totalCount).toBe(count);
      for (const { node } of claims.edges) {
        expect(node.firstSeenAt).not.toBeNull();
        texts.push(node.text);
      }
      after = claims.pageInfo.endCursor;
      if (!claims.pageInfo.hasNextPage) break;
    }
    expect(texts).toHaveLength(count);
    expect(texts).toEqual(expect.arrayContaining(['Written by SQL, one', 'Written by SQL, two']));
    // past the last claim: no rows to carry the total, which still counts every claim
    const end: any = await t.ok(
      `query ($after: String) { claims(first: 5, after: $after) { totalCount edges { cursor } } }`,
      { after },
    );
    expect(end.claims).toEqual({ totalCount: count, edges: [] });
    // a filter counts only what it lets through, on a page and past its end
    const tagged: any = await t.ok(
      `{ claims(first: 5, filter: { tag: "deportations" }) { totalCount edges { node { text } } } }`,
    );
    expect(tagged.claims.totalCount).toBe(1);
    expect(tagged.claims.edges).toHaveLength(1);
    const none: any = await t.ok(
      `{ claims(first: 5, filter: { tag: "no such tag" }) { totalCount edges { cursor } } }`,
    );
    expect(none.claims).toEqual({ totalCount: 0, edges: [] });
  });
});
