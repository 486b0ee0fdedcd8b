import { startTestApp, TestApp } from './test-app';

/** `claim(id, asOf)`: the claim as it stood then — status, version, text, attributions. */
describe('claim(id, asOf)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const AS_OF = `query($id: ID!, $asOf: DateTime) { claim(id: $id, asOf: $asOf) {
    status version text tags
    attributions { totalCount edges { node { stance } } }
    stanceSummary { distinctActors counts { stance count } } } }`;

  async function eventTimes(claimId: string): Promise<{ kind: string; at: string }[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const data: any = await t.ok(
        `query($c: ID) { events(first: 100, claimId: $c) { edges { node { kind at } } } }`,
        { c: claimId },
      );
      const nodes = data.events.edges.map((e: any) => e.node);
      if (nodes.length >= 5 || Date.now() > deadline) return nodes;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('rebuilds status, version, text and attributions at each point of the history', async () => {
    const setup: any = await t.ok(`mutation {
      actor: createActor(input: { name: "Javier Milei", kind: PERSON }) { id }
      article: ingestArticle(input: { url: "https://example.org/asof", title: "T", text: "Milei called the report 100 percent false." }) { article { id } }
      claim: createClaim(input: { text: "talks are advanced", tags: ["deportees"] }) { id }
    }`);
    const id = setup.claim.id;
    const added: any = await t.ok(
      `mutation($c: ID!, $a: ID!, $art: ID!) { attributeClaim(input: { claimId: $c, actorId: $a, stance: DENIES, articleId: $art, quote: { exact: "100 percent false" } }) { id } }`,
      { c: id, a: setup.actor.id, art: setup.article.article.id },
    );
    await t.ok(
      `mutation($id: ID!) { changeClaimStatus(input: { claimId: $id, status: CONTESTED, rationale: "denied" }) { version } }`,
      { id },
    );
    await t.ok(
      `mutation($id: ID!) { updateClaim(input: { claimId: $id, text: "talks are in an advanced stage" }) { version } }`,
      { id },
    );
    await t.ok(
      `mutation($a: ID!) { removeAttribution(input: { attributionId: $a, reason: "misread" }) { id } }`,
      { a: added.attributeClaim.id },
    );
    const times = await eventTimes(id);
    expect(times.map((e) => e.kind)).toEqual([
      'CLAIM_CREATED',
      'ATTRIBUTION_ADDED',
      'STATUS_CHANGED',
      'CLAIM_UPDATED',
      'ATTRIBUTION_REMOVED',
    ]);
    const at = (i: number) => times[i].at;

    const created: any = await t.ok(AS_OF, { id, asOf: at(0) });
    expect(created.claim).toMatchObject({
      status: 'UNVERIFIED',
      version: 1,
      text: 'talks are advanced',
      attributions: { totalCount: 0 },
    });

    const contested: any = await t.ok(AS_OF, { id, asOf: at(2) });
    expect(contested.claim).toMatchObject({
      status: 'CONTESTED',
      version: 2,
      text: 'talks are advanced',
      attributions: { totalCount: 1, edges: [{ node: { stance: 'DENIES' } }] },
      stanceSummary: { distinctActors: 1, counts: [{ stance: 'DENIES', count: 1 }] },
    });

    const reworded: any = await t.ok(AS_OF, { id, asOf: at(3) });
    expect(reworded.claim).toMatchObject({
      status: 'CONTESTED',
      version: 3,
      text: 'talks are in an advanced stage',
      attributions: { totalCount: 1 },
    });

    const now: any = await t.ok(AS_OF, { id });
    expect(now.claim).toMatchObject({
      status: 'CONTESTED',
      version: 3,
      attributions: { totalCount: 0 },
      stanceSummary: { distinctActors: 0 },
    });
  });

  it('answers NOT_FOUND for a time before the claim existed', async () => {
    const data: any = await t.ok(`mutation { createClaim(input: { text: "later" }) { id } }`);
    const result = await t.gql(AS_OF, { id: data.createClaim.id, asOf: '2000-01-01T00:00:00Z' });
    expect(result.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(result.errors?.[0].message).toContain('did not exist yet');
  });
});
