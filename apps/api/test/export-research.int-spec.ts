import { DemoLoader } from '@claimtrace/demo';
import { generateStory, REPEATED } from './support/generated-story';
import { gid, readEveryFormat, ReadGraph } from './support/graph-readers';
import { startTestApp, TestApp } from './test-app';

/**
 * The claim graph over time, for researchers (docs/research.md): every format, read back by an
 * independent reader (graphology, fast-xml-parser for GraphML and GEXF, csv-parse), answers the
 * selection `claimGraph` answers, the times and the evidence the database holds.
 */
const GRAPH = `query ($claimId: ID, $actorId: ID, $depth: Int, $tag: String, $status: [ClaimStatus!],
  $since: DateTime, $until: DateTime, $search: String, $asOf: DateTime) {
  claimGraph(claimId: $claimId, actorId: $actorId, depth: $depth, tag: $tag, status: $status,
             since: $since, until: $until, search: $search, asOf: $asOf) {
    nodes { id appearedAt endedAt } edges { id appearedAt endedAt } } }`;

/** A value as the text formats write it (lists joined with `;`), for comparing across formats. */
const text = (value: unknown) =>
  value === undefined || value === null || value === ''
    ? null
    : Array.isArray(value)
      ? value.join(';')
      : String(value);

const key = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1];
const iso = (date: Date | null) => (date ? date.toISOString() : null);

describe('the claim graph for researchers', () => {
  let t: TestApp;
  let story: Awaited<ReturnType<typeof generateStory>>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    story = await generateStory(t, 5, 36);
  });
  afterAll(() => t.close());

  /** Every format of an export, with the same node and edge ids as claimGraph of `args`. */
  async function expectSameAsClaimGraph(query: string, args: Record<string, unknown>) {
    const { claimGraph } = await t.ok(GRAPH, args);
    const formats = await readEveryFormat(t, query);
    for (const [format, graph] of Object.entries(formats)) {
      expect([format, new Set(graph.nodes.keys())]).toEqual([
        format,
        new Set(claimGraph.nodes.map((n: any) => n.id)),
      ]);
      expect([format, new Set(graph.edges.keys())]).toEqual([
        format,
        new Set(claimGraph.edges.map((e: any) => e.id)),
      ]);
      // the same times, too
      for (const node of claimGraph.nodes) {
        expect([
          format,
          node.id,
          text(graph.nodes.get(node.id)!.appearedAt ?? graph.nodes.get(node.id)!.spell?.start),
        ]).toEqual([format, node.id, node.appearedAt]);
      }
    }
    return { claimGraph, formats };
  }

  it('exports what claimGraph shows: a start, a depth, a tag, a status, dates, words, a time', async () => {
    const claimId = story.claims[0];
    for (const depth of [0, 1, 2]) {
      await expectSameAsClaimGraph(`&claimId=${claimId}&depth=${depth}`, { claimId, depth });
    }
    const actorId = story.actors[2];
    await expectSameAsClaimGraph(`&actorId=${actorId}&depth=2`, { actorId, depth: 2 });
    await expectSameAsClaimGraph(`&claimId=${claimId}&depth=2&tag=story-5`, {
      claimId,
      depth: 2,
      tag: 'story-5',
    });
    const narrowed = await expectSameAsClaimGraph(
      `&claimId=${claimId}&depth=2&status=UNVERIFIED,CONTESTED&search=story`,
      { claimId, depth: 2, status: ['UNVERIFIED', 'CONTESTED'], search: 'story' },
    );
    // the retracted claim is left out, and with it the relation to it
    expect(narrowed.claimGraph.nodes.map((n: any) => n.id)).not.toContain(story.claims[1]);
    const [{ first }] = await t.db.query<{ first: Date }>(
      'SELECT first_seen_at AS first FROM claims WHERE id = $1',
      [key(claimId)],
    );
    const since = new Date(first.getTime() - 1000).toISOString();
    const until = new Date(first.getTime() + 1000).toISOString();
    await expectSameAsClaimGraph(`&claimId=${claimId}&since=${since}&until=${until}`, {
      claimId,
      since,
      until,
    });
  });

  it('a whole-graph export narrowed by tag has exactly the tagged claims and their stances', async () => {
    const formats = await readEveryFormat(t, '&tag=story-5');
    const claims = await t.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE 'story-5' = ANY(tags) AND merged_into_id IS NULL`,
    );
    const stances = await t.db.query<{ id: string }>(
      `SELECT a.id FROM attributions a JOIN claims c ON c.id = a.claim_id
       WHERE 'story-5' = ANY(c.tags) AND a.removed_at IS NULL`,
    );
    for (const [format, graph] of Object.entries(formats)) {
      const ofType = (type: string, items: ReadGraph['nodes']) =>
        new Set([...items].filter(([, v]) => v.type === type).map(([id]) => id));
      expect([format, ofType('CLAIM', graph.nodes)]).toEqual([
        format,
        new Set(claims.map((c) => gid('Claim', c.id))),
      ]);
      expect([format, ofType('STANCE', graph.edges)]).toEqual([
        format,
        new Set(stances.map((a) => gid('Attribution', a.id))),
      ]);
      for (const edge of graph.edges.values()) {
        expect(graph.nodes.has(edge.source) && graph.nodes.has(edge.target)).toBe(true);
      }
    }
  });

  it('asOf gives the graph as it stood then, each fact with its whole life', async () => {
    // a time between two of the story's stances, after one was removed
    const rows = await t.db.query<{ id: string; created_at: Date; removed_at: Date | null }>(
      `SELECT id, created_at, removed_at FROM attributions WHERE id = ANY($1::uuid[]) ORDER BY created_at`,
      [story.attributions.map(key)],
    );
    const removed = rows.find((r) => r.removed_at)!;
    const at = new Date(removed.removed_at!.getTime() - 1);
    const standing = rows.filter((r) => r.created_at <= at && (!r.removed_at || r.removed_at > at));
    expect(standing.map((r) => r.id)).toContain(removed.id);
    const asOf = at.toISOString();
    const formats = await readEveryFormat(t, `&asOf=${asOf}`);
    const expected = await t.db.query<{ id: string }>(
      `SELECT a.id FROM attributions a
       WHERE a.created_at <= $1 AND (a.removed_at IS NULL OR a.removed_at > $1)`,
      [at],
    );
    const removedId = gid('Attribution', removed.id);
    for (const [format, graph] of Object.entries(formats)) {
      const stances = [...graph.edges].filter(([, e]) => e.type === 'STANCE').map(([id]) => id);
      expect([format, new Set(stances)]).toEqual([
        format,
        new Set(expected.map((a) => gid('Attribution', a.id))),
      ]);
      const edge = graph.edges.get(removedId)!;
      expect([format, text(edge.endedAt ?? edge.spell?.end)]).toEqual([
        format,
        iso(removed.removed_at),
      ]);
    }
    const { claimGraph } = await t.ok(GRAPH, { claimId: story.claims[0], asOf: '2000-01-01' });
    expect(claimGraph).toEqual({ nodes: [], edges: [] });
  });

  it('times on every node and edge match the database; GEXF plays them as spells', async () => {
    const formats = await readEveryFormat(t);
    const stances = await t.db.query<any>(
      `SELECT a.id, coalesce(a.stated_at, ar.published_at, a.created_at) AS appeared, a.stated_at
       FROM attributions a JOIN passages p ON p.id = a.passage_id JOIN articles ar ON ar.id = p.article_id
       WHERE a.removed_at IS NULL`,
    );
    const claims = await t.db.query<any>(
      `SELECT c.id, c.first_seen_at, c.status,
              (SELECT max(s.at) FROM status_changes s WHERE s.claim_id = c.id AND s.to_status = 'RETRACTED') AS retracted,
              (SELECT array_agg(s.to_status::text ORDER BY s.at) FROM status_changes s WHERE s.claim_id = c.id) AS changes
       FROM claims c WHERE c.merged_into_id IS NULL`,
    );
    for (const [format, graph] of Object.entries(formats)) {
      const time = (element: any, end: 'appearedAt' | 'endedAt') =>
        text(element[end] ?? element.spell?.[end === 'appearedAt' ? 'start' : 'end']);
      for (const a of stances) {
        const edge = graph.edges.get(gid('Attribution', a.id))!;
        expect([format, a.id, time(edge, 'appearedAt'), time(edge, 'endedAt')]).toEqual([
          format,
          a.id,
          iso(a.appeared),
          null,
        ]);
        if (format !== 'gexf') expect(text(edge.statedAt)).toBe(iso(a.stated_at));
      }
      for (const c of claims) {
        const node = graph.nodes.get(gid('Claim', c.id))!;
        expect([format, time(node, 'appearedAt'), time(node, 'endedAt')]).toEqual([
          format,
          iso(c.first_seen_at),
          c.status === 'RETRACTED' ? iso(c.retracted) : null,
        ]);
        if (format === 'gexf') {
          // the dynamic status: the first status, then each change, each until the next
          const values = node.statusValues as { value: string; start?: string; end?: string }[];
          expect(values.map((v) => v.value).slice(1)).toEqual(c.changes ?? []);
          expect(values[0].start).toBe(iso(c.first_seen_at));
          values.slice(0, -1).forEach((v, i) => expect(v.end).toBe(values[i + 1].start));
          expect(values.at(-1)!.value).toBe(c.status);
        } else {
          expect(text(node.status)).toBe(c.status);
        }
      }
      // every node and every edge but affiliations has a time
      for (const node of graph.nodes.values()) expect(time(node, 'appearedAt')).not.toBeNull();
      for (const edge of graph.edges.values()) {
        if (edge.type !== 'AFFILIATED_WITH') expect(time(edge, 'appearedAt')).not.toBeNull();
      }
    }
    const gexf = formats.gexf.doc.gexf.graph;
    expect(gexf['@_mode']).toBe('dynamic');
    expect(gexf['@_timeformat']).toBe('dateTime');
  });

  it('a superseded article version ends when the newer one is recorded', async () => {
    const [article] = await t.db.query<{ id: string; url: string; title: string }>(
      'SELECT id, url, title FROM articles WHERE id = $1',
      [key(story.articles[1])],
    );
    await t.ok(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`,
      { i: { url: article.url, title: article.title, text: 'A corrected text.', language: 'en' } },
    );
    const [{ created }] = await t.db.query<{ created: Date }>(
      'SELECT created_at AS created FROM articles WHERE previous_version_id = $1',
      [article.id],
    );
    // the correction orphaned the stances on it (they await review): only includeSuperseded keeps
    // them and the version they stand on; by default the graph is of the latest versions
    const latest = await readEveryFormat(t, `&claimId=${story.claims[0]}&depth=1`);
    expect(latest.json.nodes.get(story.articles[1])).toBeUndefined();
    const { json, gexf } = await readEveryFormat(
      t,
      `&claimId=${story.claims[0]}&depth=1&includeSuperseded=true`,
    );
    expect(json.nodes.get(story.articles[1])?.endedAt).toBe(iso(created));
    expect(gexf.nodes.get(story.articles[1])?.spell.end).toBe(iso(created));
    // an editor confirms the stances as said then: the later tests read the whole story again
    const { sourceChanges } = await t.ok(
      `{ sourceChanges(resolved: false, first: 100) { edges { node { id } } } }`,
    );
    for (const { node } of sourceChanges.edges) {
      await t.ok(
        `mutation ($i: ResolveSourceChangeInput!) { resolveSourceChange(input: $i) { id } }`,
        { i: { sourceChangeId: node.id, action: 'CONFIRM' } },
      );
    }
    const confirmed = await readEveryFormat(t, `&claimId=${story.claims[0]}&depth=1`);
    expect(confirmed.json.nodes.get(story.articles[1])?.endedAt).toBe(iso(created));
  });

  it('stance edges carry the quote, a URL that opens at it, the article and the relay hop', async () => {
    const formats = await readEveryFormat(t, '&tag=story-5');
    const rows = await t.db.query<any>(
      `SELECT a.id, p.exact, ar.url, ar.title, pb.name AS publisher, v.actor_id AS via_actor,
              a.reported_via_id AS via, a.confidence
       FROM attributions a JOIN passages p ON p.id = a.passage_id JOIN articles ar ON ar.id = p.article_id
       LEFT JOIN actors pb ON pb.id = ar.publisher_id LEFT JOIN attributions v ON v.id = a.reported_via_id
       JOIN claims c ON c.id = a.claim_id
       WHERE 'story-5' = ANY(c.tags) AND a.removed_at IS NULL`,
    );
    expect(rows.some((r) => r.via)).toBe(true);
    expect(rows.some((r) => r.publisher)).toBe(true);
    // the hop: how many relays lie between the stance and the one first stated, walked here
    const via = new Map(
      (await t.db.query<any>('SELECT id, reported_via_id FROM attributions')).map((a) => [
        a.id,
        a.reported_via_id,
      ]),
    );
    const hop = (id: string): number => (via.get(id) ? 1 + hop(via.get(id)) : 0);
    expect(Math.max(...rows.map((r) => hop(r.id)))).toBeGreaterThan(0);
    for (const [format, graph] of Object.entries(formats)) {
      for (const row of rows) {
        const edge = graph.edges.get(gid('Attribution', row.id))!;
        const url = new URL(text(edge.url)!);
        expect([format, text(edge.exact), text(edge.articleTitle), text(edge.publisher)]).toEqual([
          format,
          row.exact,
          row.title,
          row.publisher,
        ]);
        // the article's address, its fragment replaced by a text directive of the quote
        expect(`${url.origin}${url.pathname}${url.search}`).toBe(row.url.split('#')[0]);
        const directive = url.hash.replace(/^#:~:text=/, '');
        const terms = directive.split(',').map(decodeURIComponent);
        expect(directive).not.toMatch(/[ &]/);
        // the quote: whole, or a long one as its first and last words
        const quote = terms.filter((term) => !term.endsWith('-') && !term.startsWith('-'));
        if (quote.length === 1) expect(quote[0]).toBe(row.exact);
        else {
          expect(quote).toHaveLength(2);
          expect(row.exact.startsWith(`${quote[0]} `) && row.exact.endsWith(` ${quote[1]}`)).toBe(
            true,
          );
        }
        if (row.exact === REPEATED) {
          // ambiguous: the words around it pick the occurrence
          expect(terms[0]).toBe('The adviser said-');
          expect(terms.at(-1)).toBe('-later.');
        } else {
          expect(terms).toEqual(quote);
        }
        expect(text(edge.reportedVia)).toBe(row.via_actor ? gid('Actor', row.via_actor) : null);
        expect(text(edge.relayOf)).toBe(row.via ? gid('Attribution', row.via) : null);
        expect([format, row.id, text(edge.hop)]).toEqual([format, row.id, String(hop(row.id))]);
        expect(text(edge.confidence)).toBe(row.confidence === null ? null : String(row.confidence));
      }
    }
  });

  it('nodes carry kind, aliases, status, tags and language', async () => {
    const formats = await readEveryFormat(t, `&actorId=${story.actors[2]}&depth=1`);
    const [actor] = await t.db.query<any>('SELECT kind, aliases FROM actors WHERE id = $1', [
      key(story.actors[2]),
    ]);
    const [claim] = await t.db.query<any>(
      'SELECT status, tags, language FROM claims WHERE id = $1',
      [key(story.claims[0])],
    );
    for (const [format, graph] of Object.entries(formats)) {
      const a = graph.nodes.get(story.actors[2])!;
      expect([format, text(a.kind), text(a.aliases), text(a.depth)]).toEqual([
        format,
        actor.kind,
        actor.aliases.join(';'),
        '0',
      ]);
      const c = graph.nodes.get(story.claims[0])!;
      expect([format, text(c.tags), text(c.language)]).toEqual([
        format,
        claim.tags.join(';'),
        claim.language,
      ]);
      if (format !== 'gexf') expect(text(c.status)).toBe(claim.status);
    }
  });

  it('refuses a bad selection with the parameter named', async () => {
    const get = (query: string) =>
      t.app.inject({ method: 'GET', url: `/exports/graph?format=json${query}` });
    for (const [query, argument] of [
      ['&depth=2', /depth/],
      [`&claimId=${story.claims[0]}&depth=4`, /depth/],
      [`&claimId=${story.claims[0]}&actorId=${story.actors[0]}`, /actorId/],
      ['&asOf=yesterday', /asOf/],
      ['&until=2020-01-01&since=2021-01-01', /until/],
      ['&depth=1e3', /depth/],
      [`&search=${'x'.repeat(501)}`, /search/],
    ] as const) {
      const response = await get(query);
      expect([query, response.statusCode]).toEqual([query, 400]);
      expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: argument });
    }
    // the edges of the time scalar and hostile words are answers, not errors
    expect((await get('&asOf=0001-01-01')).json()).toMatchObject({ nodes: [], edges: [] });
    const late = await get('&asOf=9999-12-31T23:59:59.999Z&until=9999-12-31T23:59:59.999Z');
    expect(late.statusCode).toBe(200);
    expect(late.json().nodes.length).toBeGreaterThan(0);
    const hostile = '"-!&|:*('.repeat(62);
    expect((await get(`&search=${encodeURIComponent(hostile)}`)).statusCode).toBe(200);
    expect(
      (await t.gql(GRAPH, { claimId: story.claims[0], search: hostile })).errors,
    ).toBeUndefined();
    // NUL is no text PostgreSQL can compare: refused on both transports, naming the argument
    expect((await get('&search=a%00b')).json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    const nul = await t.gql(GRAPH, { claimId: story.claims[0], search: 'a\u0000b' });
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', at: '$search' });
    const unknown = gid('Claim', '00000000-0000-4000-8000-000000000000');
    const { errors } = await t.gql(GRAPH, { claimId: unknown });
    expect(errors?.[0].extensions.code).toBe('NOT_FOUND');
    // an export of an unknown start is an empty graph, not an error half-way through a stream
    expect((await get(`&claimId=${unknown}`)).json()).toMatchObject({ nodes: [], edges: [] });
  });
});
