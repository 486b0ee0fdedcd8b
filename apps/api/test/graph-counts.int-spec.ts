import { DemoLoader } from '@claimtrace/demo';
import { generateStory } from './support/generated-story';
import { gid, readEveryFormat } from './support/graph-readers';
import { startTestApp, TestApp } from './test-app';

/**
 * One edge per fact: `claimGraph` and every export (read back by independent readers) count the
 * stances, relay hops and relations the database holds — one STANCE per current attribution (an
 * actor who takes the same stance twice has two), one REPORTED_VIA per hop of a chain, one
 * RELATION per claim relation — on the demo data and on generated stories.
 */
const GRAPH = `query ($claimId: ID, $actorId: ID, $depth: Int) {
  claimGraph(claimId: $claimId, actorId: $actorId, depth: $depth) {
    nodes { id type } edges { id source target type } } }`;

interface Facts {
  /** current attributions by claim: their ids and the hops (`reportedVia:<id>`) */
  stancesByClaim: Map<string, Set<string>>;
  hopsByClaim: Map<string, Set<string>>;
  stances: Set<string>;
  hops: Set<string>;
  relations: Set<string>;
  relationsByClaim: Map<string, Set<string>>;
  claims: string[];
}

async function facts(t: TestApp): Promise<Facts> {
  const add = (map: Map<string, Set<string>>, key: string, value: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(value));
  const result: Facts = {
    stancesByClaim: new Map(),
    hopsByClaim: new Map(),
    stances: new Set(),
    hops: new Set(),
    relations: new Set(),
    relationsByClaim: new Map(),
    claims: [],
  };
  for (const a of await t.db.query<{ id: string; claim_id: string; reported_via_id: string }>(
    `SELECT id, claim_id, reported_via_id FROM attributions WHERE removed_at IS NULL`,
  )) {
    const claim = gid('Claim', a.claim_id);
    const id = gid('Attribution', a.id);
    add(result.stancesByClaim, claim, id);
    result.stances.add(id);
    if (a.reported_via_id) {
      add(result.hopsByClaim, claim, `reportedVia:${id}`);
      result.hops.add(`reportedVia:${id}`);
    }
  }
  for (const r of await t.db.query<{ id: string; from_claim_id: string; to_claim_id: string }>(
    'SELECT id, from_claim_id, to_claim_id FROM claim_relations',
  )) {
    result.relations.add(`relation:${r.id}`);
    add(result.relationsByClaim, gid('Claim', r.from_claim_id), `relation:${r.id}`);
    add(result.relationsByClaim, gid('Claim', r.to_claim_id), `relation:${r.id}`);
  }
  result.claims = (
    await t.db.query<{ id: string }>('SELECT id FROM claims WHERE merged_into_id IS NULL')
  ).map((c) => gid('Claim', c.id));
  return result;
}

const idsOf = (edges: Map<string, Record<string, any>>, type: string) =>
  new Set([...edges].filter(([, e]) => e.type === type).map(([id]) => id));

describe('one edge per fact', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
  });
  afterAll(() => t.close());

  async function checkEverything(label: string) {
    const db = await facts(t);
    expect(db.stances.size).toBeGreaterThan(5);
    expect(db.hops.size).toBeGreaterThan(0);

    // claimGraph from every claim: the stances on it are its attributions, one by one
    for (const claim of db.claims) {
      const { claimGraph } = await t.ok(GRAPH, { claimId: claim, depth: 1 });
      const edges = claimGraph.edges as { id: string; type: string; target: string }[];
      const onClaim = (type: string) =>
        new Set(edges.filter((e) => e.type === type && e.target === claim).map((e) => e.id));
      expect([label, claim, onClaim('STANCE')]).toEqual([
        label,
        claim,
        db.stancesByClaim.get(claim) ?? new Set(),
      ]);
      const hops = new Set(
        edges
          .filter(
            (e) =>
              e.type === 'REPORTED_VIA' &&
              db.stancesByClaim.get(claim)?.has(e.id.replace('reportedVia:', '')),
          )
          .map((e) => e.id),
      );
      expect(hops).toEqual(db.hopsByClaim.get(claim) ?? new Set());
      const relations = new Set(
        edges
          .filter((e) => e.type === 'RELATION' && db.relationsByClaim.get(claim)?.has(e.id))
          .map((e) => e.id),
      );
      expect(relations).toEqual(db.relationsByClaim.get(claim) ?? new Set());
      // no fact twice
      expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    }

    // every export of the whole graph, read back by its own reader
    const formats = await readEveryFormat(t);
    for (const [format, graph] of Object.entries(formats)) {
      expect([format, idsOf(graph.edges, 'STANCE')]).toEqual([format, db.stances]);
      expect([format, idsOf(graph.edges, 'REPORTED_VIA')]).toEqual([format, db.hops]);
      expect([format, idsOf(graph.edges, 'RELATION')]).toEqual([format, db.relations]);
    }
  }

  it('on the demo data', async () => {
    await checkEverything('demo');
  });

  it('on generated stories (repeated stances, relay chains, removals, relations)', async () => {
    await generateStory(t, 7, 40);
    await generateStory(t, 11, 30);
    await checkEverything('generated');
  });

  it('a claim whose actor took the same stance twice has both edges', async () => {
    const [row] = await t.db.query<{ claim_id: string; n: number }>(
      `SELECT claim_id, count(*)::int AS n FROM attributions WHERE removed_at IS NULL
       GROUP BY claim_id, actor_id, stance HAVING count(*) > 1 ORDER BY n DESC LIMIT 1`,
    );
    expect(row.n).toBeGreaterThan(1);
    const claim = gid('Claim', row.claim_id);
    const { claimGraph } = await t.ok(GRAPH, { claimId: claim, depth: 1 });
    const [{ n }] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM attributions WHERE claim_id = $1 AND removed_at IS NULL',
      [row.claim_id],
    );
    expect(
      claimGraph.edges.filter((e: any) => e.type === 'STANCE' && e.target === claim),
    ).toHaveLength(n);
  });

  it('after merges, and at a time before them, every edge has both its ends', async () => {
    const story = await generateStory(t, 13, 20);
    const [{ now: before }] = await t.db.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    // a claim and an actor recorded after `before` take over older ones, and their stances
    const { createClaim } = await t.ok(
      `mutation { createClaim(input: { text: "Story 13, told again", tags: ["story-13"] }) { id } }`,
    );
    const { createActor } = await t.ok(
      `mutation { createActor(input: { name: "Story 13 actor, merged", kind: PERSON }) { id } }`,
    );
    await t.ok(`mutation ($i: MergeInput!) { mergeClaims(input: $i) { id } }`, {
      i: { keepId: createClaim.id, mergeId: story.claims[0] },
    });
    await t.ok(`mutation ($i: MergeInput!) { mergeActors(input: $i) { id } }`, {
      i: { keepId: createActor.id, mergeId: story.actors[2] },
    });
    await checkEverything('merged');
    for (const query of [
      '',
      `&asOf=${before.toISOString()}`,
      `&tag=story-13&asOf=${before.toISOString()}`,
    ]) {
      for (const [format, graph] of Object.entries(await readEveryFormat(t, query))) {
        const dangling = [...graph.edges.values()].filter(
          (e) => !graph.nodes.has(e.source) || !graph.nodes.has(e.target),
        );
        expect([query, format, dangling.map((e) => e.type)]).toEqual([query, format, []]);
      }
    }
  });
});
