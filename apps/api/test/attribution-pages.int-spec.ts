import { startTestApp, TestApp } from './test-app';

/**
 * A page of attributions is read with its relay hops, and the actors and articles they cite once
 * each (AttributionsRepository.pages): a hop outside the page still comes with its actor, passage,
 * article and publisher, on claims' pages and on actors' pages alike.
 */
describe('attribution pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Two outlets publish two articles; Ana says it first (article 1), Ben reports her (article 1),
    // Cleo reports Ben (article 2, published by the other outlet).
    await t.db.query(`
      INSERT INTO actors (id, name, kind) VALUES
        ('00000000-0000-4000-a000-000000000001', 'Outlet One', 'MEDIA_OUTLET'),
        ('00000000-0000-4000-a000-000000000002', 'Outlet Two', 'MEDIA_OUTLET'),
        ('00000000-0000-4000-a000-000000000011', 'Ana', 'PERSON'),
        ('00000000-0000-4000-a000-000000000012', 'Ben', 'PERSON'),
        ('00000000-0000-4000-a000-000000000013', 'Cleo', 'PERSON');
      INSERT INTO articles (id, url, title, text, content_hash, publisher_id) VALUES
        ('00000000-0000-4000-a000-000000000021', 'https://example.org/1', 'First', 'Ana said so. Ben said Ana said so.', 'h1', '00000000-0000-4000-a000-000000000001'),
        ('00000000-0000-4000-a000-000000000022', 'https://example.org/2', 'Second', 'Cleo said Ben said so.', 'h2', '00000000-0000-4000-a000-000000000002');
      INSERT INTO passages (id, article_id, start, "end", exact, prefix, suffix) VALUES
        ('00000000-0000-4000-a000-000000000031', '00000000-0000-4000-a000-000000000021', 0, 12, 'Ana said so.', '', ''),
        ('00000000-0000-4000-a000-000000000032', '00000000-0000-4000-a000-000000000021', 13, 34, 'Ben said Ana said so.', '', ''),
        ('00000000-0000-4000-a000-000000000033', '00000000-0000-4000-a000-000000000022', 0, 22, 'Cleo said Ben said so.', '', '');
      INSERT INTO claims (id, text) VALUES ('00000000-0000-4000-a000-000000000041', 'So.');
      INSERT INTO attributions (id, claim_id, actor_id, stance, passage_id, reported_via_id, created_at) VALUES
        ('00000000-0000-4000-a000-000000000051', '00000000-0000-4000-a000-000000000041', '00000000-0000-4000-a000-000000000011', 'ASSERTS', '00000000-0000-4000-a000-000000000031', NULL, now() - interval '3 minutes'),
        ('00000000-0000-4000-a000-000000000052', '00000000-0000-4000-a000-000000000041', '00000000-0000-4000-a000-000000000012', 'REPORTS', '00000000-0000-4000-a000-000000000032', '00000000-0000-4000-a000-000000000051', now() - interval '2 minutes'),
        ('00000000-0000-4000-a000-000000000053', '00000000-0000-4000-a000-000000000041', '00000000-0000-4000-a000-000000000013', 'REPORTS', '00000000-0000-4000-a000-000000000033', '00000000-0000-4000-a000-000000000052', now() - interval '1 minute');`);
  });
  afterAll(() => t?.close());

  const HOP = `stance actor { name } passage { exact article { title publisher { name } } }`;
  const chainOf = (node: any) =>
    node.chain.map((hop: any) =>
      [hop.actor.name, hop.passage.article.title, hop.passage.article.publisher.name].join(' / '),
    );

  it("brings a hop outside the page with its actor, article and publisher (a claim's page)", async () => {
    const claimId = Buffer.from('Claim:00000000-0000-4000-a000-000000000041').toString('base64url');
    const first = await t.ok(
      `query ($id: ID!) { claim(id: $id) { attributions(first: 2) { edges { cursor node { id } } } } }`,
      { id: claimId },
    );
    const after = first.claim.attributions.edges[1].cursor;
    const data = await t.ok(
      `query ($id: ID!, $after: String) { claim(id: $id) {
         attributions(first: 5, after: $after) { totalCount edges { node { ${HOP} chain { ${HOP} } } } }
       } }`,
      { id: claimId, after },
    );
    const page = data.claim.attributions;
    expect(page.totalCount).toBe(3);
    expect(page.edges).toHaveLength(1);
    expect(chainOf(page.edges[0].node)).toEqual([
      'Cleo / Second / Outlet Two',
      'Ben / First / Outlet One',
      'Ana / First / Outlet One',
    ]);
  });

  it("does the same on an actor's page", async () => {
    const actorId = Buffer.from('Actor:00000000-0000-4000-a000-000000000013').toString('base64url');
    const data = await t.ok(
      `query ($id: ID!) { node(id: $id) { ... on Actor {
         attributions(first: 5) { edges { node { claim { text } chain { ${HOP} } } } }
       } } }`,
      { id: actorId },
    );
    const [edge] = data.node.attributions.edges;
    expect(edge.node.claim.text).toBe('So.');
    expect(chainOf(edge.node)).toEqual([
      'Cleo / Second / Outlet Two',
      'Ben / First / Outlet One',
      'Ana / First / Outlet One',
    ]);
  });
});
