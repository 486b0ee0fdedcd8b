import { api } from './support/claims-api';
import { CORRECTED, ORIGINAL, QUOTES } from './support/corrected-example';
import { startTestApp, TestApp } from './test-app';

/**
 * Corrections reach the claims (issue 15), end to end through the API on the worked example:
 * Perfil corrects its article (a date and a figure changed, a quote withdrawn); the claims'
 * attributions and evidence follow, the watchers see one event per claim, the stance summary and
 * search drop the withdrawn quote, editors resolve the review queue, and `asOf` keeps the past.
 */
describe('a corrected article reaches its claims', () => {
  let t: TestApp;
  let a: ReturnType<typeof api>;
  const URL = 'https://www.perfil.com/noticias/milei-deportee-talks';
  const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) {
    outcome article { id reanchoredPassages { status score reason from { exact } to { exact } } } } }`;
  const ATTRIBUTION = `id stance needsReview passage { exact article { id } }
    passageHistory { status score reason at from { exact article { id } } to { exact article { id } } }`;
  const CLAIM = `query ($id: ID!, $asOf: DateTime) { claim(id: $id, asOf: $asOf) {
    attributions(first: 20) { totalCount edges { node { ${ATTRIBUTION} } } }
    stanceSummary { distinctActors counts { stance count } }
    statusHistory { to evidence { exact article { id } } } } }`;
  const CHANGE = `id status score reason resolved resolution resolvedAt resolvedBy { name }
    claim { id } attribution { id } fromArticle { id } toArticle { id }
    from { exact } to { exact }`;
  const RESOLVE = `mutation ($i: ResolveSourceChangeInput!) { resolveSourceChange(input: $i) { ${CHANGE} } }`;

  let original: string;
  let corrected: string;
  const claims: Record<string, string> = {};
  const attributions: Record<string, string> = {};
  let beforeCorrection: string;

  const EVENTS = `query ($c: ID) { events(first: 50, claimId: $c) {
    edges { node { kind payload claim { id } } } } }`;
  /** A claim's events (the log shows an event once its order is final: wait for `kind`). */
  async function eventsOf(claimId: string, kind: string): Promise<any[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const nodes = (await t.ok(EVENTS, { c: claimId })).events.edges.map((e: any) => e.node);
      if (nodes.some((e: any) => e.kind === kind) || Date.now() > deadline) return nodes;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const claim = async (id: string, asOf?: string) => (await t.ok(CLAIM, { id, asOf })).claim;
  const byId = (c: any) => new Map(c.attributions.edges.map((e: any) => [e.node.id, e.node]));
  const counts = (c: any) =>
    Object.fromEntries(c.stanceSummary.counts.map((s: any) => [s.stance, s.count]));

  beforeAll(async () => {
    t = await startTestApp();
    a = api(t);
    const ingest = async (text: string) =>
      (
        await t.ok(INGEST, {
          i: { url: URL, title: 'Milei denies report', text, publisherName: 'Perfil' },
        })
      ).ingestArticle;
    original = (await ingest(ORIGINAL)).article.id;
    const nyt = await a.actor('The New York Times', 'MEDIA_OUTLET');
    const milei = await a.actor('Javier Milei');
    const xUser = await a.actor('X user', 'SOCIAL_MEDIA_ACCOUNT');
    const sources = await a.actor('sources familiar with the discussions', 'ANONYMOUS_SOURCE');
    claims.talks = (await a.createClaim('Argentina is in advanced talks to receive deportees')).id;
    claims.quickly = (await a.createClaim('The deportee negotiations are moving quickly')).id;
    claims.untouched = (await a.createClaim('An unrelated claim')).id;
    const attribute = async (claimId: string, actorId: string, stance: string, exact: string) =>
      a.attribute({ claimId, actorId, stance, articleId: original, quote: { exact } });
    const nytTalks = await attribute(claims.talks, nyt, 'REPORTS', QUOTES.nyt);
    attributions.nyt = nytTalks.id;
    attributions.repost = (await attribute(claims.talks, milei, 'DENIES', QUOTES.repost)).id;
    attributions.falseClaim = (
      await a.attribute({
        claimId: claims.talks,
        actorId: xUser,
        stance: 'DENIES',
        articleId: original,
        quote: { exact: QUOTES.falseClaim },
        reportedViaId: attributions.repost,
      })
    ).id;
    const sourcesTalks = await attribute(claims.talks, sources, 'CONFIRMS', QUOTES.sources);
    attributions.sourcesTalks = sourcesTalks.id;
    attributions.sourcesQuickly = (
      await attribute(claims.quickly, sources, 'ASSERTS', QUOTES.sources)
    ).id;
    await a.changeStatus({
      claimId: claims.talks,
      status: 'CONTESTED',
      rationale: 'the Times and its sources against Milei',
      evidencePassageIds: [nytTalks.passage.id, sourcesTalks.passage.id],
    });
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const correction = await ingest(CORRECTED);
    expect(correction.outcome).toBe('NEW_VERSION');
    corrected = correction.article.id;
  });
  afterAll(() => t.close());

  it('moves EXACT and FUZZY passages to the new version, with their history', async () => {
    const now = byId(await claim(claims.talks)) as Map<string, any>;
    const nyt = now.get(attributions.nyt);
    expect(nyt).toMatchObject({ needsReview: false, passage: { article: { id: corrected } } });
    expect(nyt.passageHistory).toEqual([
      expect.objectContaining({
        status: 'EXACT',
        score: 1,
        reason: null,
        from: { exact: QUOTES.nyt, article: { id: original } },
        to: { exact: QUOTES.nyt, article: { id: corrected } },
      }),
    ]);
    const repost = now.get(attributions.repost);
    expect(repost.passage).toEqual({
      exact: QUOTES.repost.replace('Friday', 'Thursday'),
      article: { id: corrected },
    });
    expect(repost.passageHistory[0]).toMatchObject({
      status: 'FUZZY',
      reason: 'quote changed: 1 word differs ("Friday" → "Thursday"); context matches',
    });
    expect(repost.passageHistory[0].score).toBeLessThan(1);
    const falseClaim = now.get(attributions.falseClaim);
    expect(falseClaim.passage.exact).toBe('describing the information as “90 percent false.”');
    expect(falseClaim.passageHistory[0].status).toBe('FUZZY');
    // a changed date or figure scores high (0.94–0.97) and still needs an editor's eyes
    expect(repost.passageHistory[0].score).toBeGreaterThan(0.9);
    expect([repost.needsReview, falseClaim.needsReview]).toEqual([true, true]);
  });

  it('leaves the withdrawn quote on the old version, needing review, out of the stance summary', async () => {
    const talks = await claim(claims.talks);
    const sources = (byId(talks) as Map<string, any>).get(attributions.sourcesTalks);
    expect(sources).toMatchObject({
      needsReview: true,
      passage: { exact: QUOTES.sources, article: { id: original } },
      passageHistory: [],
    });
    expect(talks.attributions.totalCount).toBe(4);
    expect(counts(talks)).toEqual({ REPORTS: 1, DENIES: 2 });
    expect(counts(await claim(claims.quickly))).toEqual({});
  });

  it('moves status-change evidence too, and keeps the orphaned evidence where it was', async () => {
    const [contested] = (await claim(claims.talks)).statusHistory;
    expect(contested.evidence).toEqual([
      { exact: QUOTES.nyt, article: { id: corrected } },
      { exact: QUOTES.sources, article: { id: original } },
    ]);
  });

  it('tells each touched claim, and only those, with the counts', async () => {
    const correctionsOf = (c: string) => eventsOf(c, 'SOURCE_CORRECTED');
    const talks = (await correctionsOf(claims.talks)).filter(
      (e: any) => e.kind === 'SOURCE_CORRECTED',
    );
    expect(talks).toEqual([
      {
        kind: 'SOURCE_CORRECTED',
        claim: { id: claims.talks },
        payload: expect.objectContaining({
          articleId: corrected,
          previousVersionId: original,
          url: URL,
          // attributions: nyt, repost, falseClaim, sources; evidence: nyt, sources
          moved: 2,
          changed: 2,
          orphaned: 2,
          // the two orphans, and the two moves that changed a date and a figure
          needsReview: 4,
        }),
      },
    ]);
    const quickly = (await correctionsOf(claims.quickly)).filter(
      (e: any) => e.kind === 'SOURCE_CORRECTED',
    );
    expect(quickly.map((e: any) => e.payload)).toEqual([
      expect.objectContaining({ moved: 0, changed: 0, orphaned: 1, needsReview: 1 }),
    ]);
    const untouched = await eventsOf(claims.untouched, 'CLAIM_CREATED');
    expect(untouched.map((e: any) => e.kind)).toEqual(['CLAIM_CREATED']);
  });

  it('navigates the versions and lists only the latest by default', async () => {
    const VERSIONS = `query ($id: ID!) { article(id: $id) { id superseded
      nextVersion { id } latestVersion { id } versions { id } previousVersion { id } } }`;
    const old = (await t.ok(VERSIONS, { id: original })).article;
    expect(old).toEqual({
      id: original,
      superseded: true,
      nextVersion: { id: corrected },
      latestVersion: { id: corrected },
      versions: [{ id: original }, { id: corrected }],
      previousVersion: null,
    });
    const latest = (await t.ok(VERSIONS, { id: corrected })).article;
    expect(latest).toMatchObject({
      superseded: false,
      nextVersion: null,
      latestVersion: { id: corrected },
    });
    const LIST = `query ($all: Boolean) { articles(first: 50, includeSuperseded: $all) { totalCount edges { node { id } } } }`;
    const ids = (r: any) => r.articles.edges.map((e: any) => e.node.id);
    expect(ids(await t.ok(LIST, {}))).toEqual([corrected]);
    expect(ids(await t.ok(LIST, { all: true }))).toEqual([corrected, original]);
  });

  it('finds the withdrawn quote in search only when asked for superseded versions', async () => {
    const SEARCH = `query ($q: String!, $all: Boolean) { search(query: $q, includeSuperseded: $all) {
      passage { exact article { id } } } }`;
    const passages = async (all?: boolean) =>
      (await t.ok(SEARCH, { q: 'negotiations moving quickly', all })).search
        .filter((hit: any) => hit.passage)
        .map((hit: any) => hit.passage.article.id);
    expect(await passages()).toEqual([]);
    expect(await passages(true)).toEqual([original]);
  });

  it('leaves the withdrawn stance out of the claim graph unless superseded versions are asked for', async () => {
    const GRAPH = `query ($id: ID!, $all: Boolean) { claimGraph(claimId: $id, includeSuperseded: $all) {
      nodes { id type } edges { type stance target } } }`;
    const graph = async (all?: boolean) =>
      (await t.ok(GRAPH, { id: claims.quickly, all })).claimGraph;
    const latest = await graph();
    expect(latest.edges.filter((e: any) => e.type === 'STANCE')).toEqual([]);
    expect(latest.nodes.map((n: any) => n.type)).toEqual(['CLAIM']);
    const all = await graph(true);
    expect(all.edges.filter((e: any) => e.type === 'STANCE')).toEqual([
      { type: 'STANCE', stance: 'ASSERTS', target: claims.quickly },
    ]);
    expect(all.nodes.filter((n: any) => n.type === 'ARTICLE')).toEqual([
      { id: original, type: 'ARTICLE' },
    ]);
  });

  it('leaves the withdrawn stance out of graph exports unless superseded versions are asked for', async () => {
    const stancesOnQuickly = async (query: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/exports/graph?format=json${query}`,
      });
      expect(response.statusCode).toBe(200);
      const { edges } = JSON.parse(response.body) as {
        edges: { target: string; attributes: { type: string } }[];
      };
      return edges.filter((e) => e.target === claims.quickly && e.attributes.type === 'STANCE');
    };
    expect(await stancesOnQuickly('')).toHaveLength(0);
    expect(await stancesOnQuickly('&includeSuperseded=true')).toHaveLength(1);
  });

  it('filters the claims that need review', async () => {
    const NEEDS = `query ($r: Boolean) { claims(first: 50, filter: { needsReview: $r }) { edges { node { id } } } }`;
    const ids = async (r: boolean) =>
      (await t.ok(NEEDS, { r })).claims.edges.map((e: any) => e.node.id).sort();
    expect(await ids(true)).toEqual([claims.talks, claims.quickly].sort());
    expect(await ids(false)).toEqual([claims.untouched]);
  });

  it('shows the past as it was with asOf', async () => {
    const then = await claim(claims.talks, beforeCorrection);
    const attributionsThen = byId(then) as Map<string, any>;
    expect(attributionsThen.get(attributions.repost).passage).toEqual({
      exact: QUOTES.repost,
      article: { id: original },
    });
    expect(attributionsThen.get(attributions.nyt).passage.article.id).toBe(original);
    expect(counts(then)).toEqual({ REPORTS: 1, DENIES: 2, CONFIRMS: 1 });
  });

  describe('the review queue', () => {
    const QUEUE = `query ($resolved: Boolean) { sourceChanges(first: 50, resolved: $resolved) {
      totalCount edges { node { ${CHANGE} } } } }`;
    const queue = async (resolved?: boolean) =>
      (await t.ok(QUEUE, { resolved })).sourceChanges.edges.map((e: any) => e.node);

    it('lists what needs an editor: the orphans with the old text, and the changed figures', async () => {
      const open = await queue();
      expect(open.map((c: any) => c.status).sort()).toEqual([
        'FUZZY',
        'FUZZY',
        'ORPHANED',
        'ORPHANED',
        'ORPHANED',
      ]);
      const changed = open.filter((c: any) => c.status === 'FUZZY');
      expect(changed.map((c: any) => c.reason).sort()).toEqual([
        'quote changed: 1 word differs ("100" → "90"); context matches',
        'quote changed: 1 word differs ("Friday" → "Thursday"); context matches',
      ]);
      expect(changed.every((c: any) => c.to !== null && c.score > 0.9)).toBe(true);
      for (const change of open.filter((c: any) => c.status === 'ORPHANED')) {
        expect(change).toMatchObject({
          resolved: false,
          resolution: null,
          fromArticle: { id: original },
          toArticle: { id: corrected },
          from: { exact: QUOTES.sources },
          to: null,
          score: 0,
        });
        expect(change.reason).toMatch(/no longer appear/);
      }
      const done = await queue(true);
      expect(done.every((c: any) => c.resolved && c.to !== null)).toBe(true);
      // talks: the nyt attribution and the nyt evidence moved unchanged
      expect(done).toHaveLength(2);
      const ofClaim = (
        await t.ok(
          `query ($id: ID!) { claim(id: $id) { sourceChanges(resolved: false) { totalCount } all: sourceChanges { totalCount } } }`,
          { id: claims.talks },
        )
      ).claim;
      expect(ofClaim).toEqual({ sourceChanges: { totalCount: 4 }, all: { totalCount: 6 } });
    });

    it('refuses viewers, a missing selector, a selector on CONFIRM, and unknown ids', async () => {
      const [change] = await queue();
      const viewer = await t.token('VIEWER');
      const denied = await t.gqlAs(viewer, RESOLVE, {
        i: { sourceChangeId: change.id, action: 'CONFIRM' },
      });
      expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const noWords = await t.gql(RESOLVE, {
        i: { sourceChangeId: change.id, action: 'REANCHOR' },
      });
      expect(noWords.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      const stray = await t.gql(RESOLVE, {
        i: { sourceChangeId: change.id, action: 'CONFIRM', quote: { exact: 'Milei' } },
      });
      expect(stray.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(stray.errors?.[0].message).toMatch(/only REANCHOR picks new words/);
      const unknown = await t.gql(RESOLVE, {
        i: { sourceChangeId: original, action: 'CONFIRM' },
      });
      expect(unknown.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(await queue()).toHaveLength(5);
    });

    it('confirms once, whoever asks at the same time: the quote counts again, the queue shrinks', async () => {
      const change = (await queue()).find(
        (c: any) => c.attribution?.id === attributions.sourcesTalks,
      );
      const confirm = () =>
        t.gql(RESOLVE, {
          i: { sourceChangeId: change.id, action: 'CONFIRM', reason: 'said at the time' },
        });
      const answers = await Promise.all([confirm(), confirm(), confirm()]);
      const codes = answers.map((a) => a.errors?.[0]?.extensions.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      const done = answers.find((a) => !a.errors)!.data!.resolveSourceChange;
      expect(done).toMatchObject({ resolved: true, resolution: 'CONFIRM' });
      expect(counts(await claim(claims.talks))).toEqual({ REPORTS: 1, DENIES: 2, CONFIRMS: 1 });
      const again = await t.gql(RESOLVE, { i: { sourceChangeId: change.id, action: 'REMOVE' } });
      expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
      expect(await queue()).toHaveLength(4);
      const resolved = (await eventsOf(claims.talks, 'SOURCE_CHANGE_RESOLVED')).filter(
        (e: any) => e.kind === 'SOURCE_CHANGE_RESOLVED',
      );
      expect(resolved).toHaveLength(1);
    });

    it('re-anchors evidence onto the new words, and removes a withdrawn attribution', async () => {
      const open = await queue();
      const evidence = open.find((c: any) => c.attribution === null);
      const reanchored = (
        await t.ok(RESOLVE, {
          i: {
            sourceChangeId: evidence.id,
            action: 'REANCHOR',
            quote: { exact: 'misstated the day of the repost and the figure quoted' },
          },
        })
      ).resolveSourceChange;
      expect(reanchored.resolution).toBe('REANCHOR');
      const [contested] = (await claim(claims.talks)).statusHistory;
      expect(contested.evidence[1]).toEqual({
        exact: 'misstated the day of the repost and the figure quoted',
        article: { id: corrected },
      });

      const withdrawn = open.find((c: any) => c.attribution?.id === attributions.sourcesQuickly);
      expect(withdrawn.resolvedBy).toBeNull();
      // who resolved it is the person behind the token (one of its own name, here)
      const editor = await t.token('EDITOR', 'corrections-desk');
      const removed = await t.gqlAs(editor, RESOLVE, {
        i: { sourceChangeId: withdrawn.id, action: 'REMOVE', reason: 'withdrawn by Perfil' },
      });
      expect(removed.errors).toBeUndefined();
      expect(removed.data?.resolveSourceChange).toMatchObject({
        resolution: 'REMOVE',
        resolvedBy: { name: 'corrections-desk' },
      });
      expect((await claim(claims.quickly)).attributions.totalCount).toBe(0);
      // the date and the figure: the editor confirms the new words are what the article says
      for (const change of (await queue()).filter((c: any) => c.status === 'FUZZY')) {
        await t.ok(RESOLVE, { i: { sourceChangeId: change.id, action: 'CONFIRM' } });
      }
      expect(await queue()).toEqual([]);
      const NEEDS = `{ claims(first: 50, filter: { needsReview: true }) { totalCount } }`;
      expect((await t.ok(NEEDS)).claims.totalCount).toBe(0);

      const resolved = (await eventsOf(claims.quickly, 'SOURCE_CHANGE_RESOLVED'))
        .map(({ kind, payload }) => ({ kind, payload }))
        .filter((e: any) => e.kind === 'SOURCE_CHANGE_RESOLVED');
      expect(resolved).toEqual([
        {
          kind: 'SOURCE_CHANGE_RESOLVED',
          payload: expect.objectContaining({
            action: 'REMOVE',
            attributionId: attributions.sourcesQuickly,
            reason: 'withdrawn by Perfil',
          }),
        },
      ]);
    });
  });
});
