import { DemoLoader } from '@claimtrace/demo';
import { startTestApp, TestApp } from './test-app';

const GRAPH = `query ($claimId: ID, $actorId: ID, $depth: Int) {
  claimGraph(claimId: $claimId, actorId: $actorId, depth: $depth) {
    nodes { id type label depth } edges { id source target type stance relation } } }`;

describe('claimGraph', () => {
  let t: TestApp;
  let talks: string;
  let milei: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    const { claims } = await t.ok(`{ claims(first: 50) { edges { node { id text } } } }`);
    talks = claims.edges.find((e: any) => e.node.text.startsWith('Argentina is in advanced talks'))
      .node.id;
    const { actors } = await t.ok(
      `{ actors(search: "Javier Milei") { edges { node { id name } } } }`,
    );
    milei = actors.edges.find((e: any) => e.node.name === 'Javier Milei').node.id;
  });
  afterAll(() => t.close());

  it('answers the stances on a claim at depth 1', async () => {
    const { claimGraph } = await t.ok(GRAPH, { claimId: talks, depth: 1 });
    const labels = claimGraph.nodes.map((n: any) => n.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Javier Milei',
        'The New York Times',
        "Argentina's Foreign Ministry",
      ]),
    );
    expect(claimGraph.nodes.find((n: any) => n.id === talks)).toMatchObject({
      type: 'CLAIM',
      depth: 0,
    });
    const byId = new Map(claimGraph.nodes.map((n: any) => [n.id, n]));
    const denies = claimGraph.edges.filter(
      (e: any) => e.type === 'STANCE' && (byId.get(e.source) as any)?.label === 'Javier Milei',
    );
    // one edge per attribution: Milei denied it in two passages
    const attributions = await t.db.query<{ id: string }>(
      `SELECT a.id FROM attributions a JOIN actors ac ON ac.id = a.actor_id
       WHERE ac.name = 'Javier Milei' AND a.removed_at IS NULL AND a.claim_id = $1 ORDER BY a.id`,
      [Buffer.from(talks, 'base64url').toString().split(':')[1]],
    );
    expect(attributions.length).toBeGreaterThan(0);
    expect(denies.sort((a: any, b: any) => (a.id < b.id ? -1 : 1))).toEqual(
      attributions
        .map((a) => Buffer.from(`Attribution:${a.id}`).toString('base64url'))
        .sort()
        .map((id) => ({
          id,
          source: milei,
          target: talks,
          type: 'STANCE',
          stance: 'DENIES',
          relation: null,
        })),
    );
    expect(claimGraph.nodes.some((n: any) => n.type === 'ARTICLE')).toBe(true);
    // every edge joins two answered nodes
    for (const edge of claimGraph.edges) {
      expect(byId.has(edge.source) && byId.has(edge.target)).toBe(true);
    }
  });

  it('grows with depth and reaches publishers, relays, affiliations and relations', async () => {
    const sizes: number[] = [];
    let deepest: any;
    for (const depth of [0, 1, 2, 3]) {
      deepest = (await t.ok(GRAPH, { claimId: talks, depth })).claimGraph;
      sizes.push(deepest.nodes.length);
    }
    expect(sizes[0]).toBe(1);
    expect(sizes[1]).toBeLessThanOrEqual(sizes[2]);
    expect(sizes[2]).toBeLessThanOrEqual(sizes[3]);
    const types = new Set(deepest.edges.map((e: any) => e.type));
    for (const type of [
      'STANCE',
      'REPORTED_VIA',
      'PUBLISHED_BY',
      'AFFILIATED_WITH',
      'APPEARS_IN',
    ]) {
      expect(types).toContain(type);
    }
    expect(Math.max(...deepest.nodes.map((n: any) => n.depth))).toBeLessThanOrEqual(3);
  });

  it('starts from an actor', async () => {
    const { claimGraph } = await t.ok(GRAPH, { actorId: milei, depth: 1 });
    expect(claimGraph.nodes.find((n: any) => n.depth === 0).label).toBe('Javier Milei');
    expect(claimGraph.nodes.map((n: any) => n.label)).toContain('Casa Rosada');
  });

  it.each([4, -1, 100])('rejects depth %d with a clear error', async (depth) => {
    const result = await t.gql(GRAPH, { claimId: talks, depth });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/depth.*between 0 and 3/);
  });

  it('needs exactly one start and a known one', async () => {
    expect((await t.gql(GRAPH, {})).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(
      (await t.gql(GRAPH, { claimId: talks, actorId: milei })).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    const unknown = Buffer.from('Claim:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect((await t.gql(GRAPH, { claimId: unknown })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });
});
