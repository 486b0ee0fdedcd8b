import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { DemoLoader } from '@claimtrace/demo';
import { ExportService } from '@claimtrace/export';
import { checkClaimReview } from './support/claimreview-check';
import { api } from './support/claims-api';
import { xmlParser as xml } from './support/graph-readers';
import { startTestApp, TestApp } from './test-app';

/**
 * Every export read back by an independent reader from npm (fast-xml-parser for GraphML and GEXF,
 * graphology for its JSON format, csv-parse for CSV) and compared with the database.
 */
const TRICKY = 'Quotes "double" and \'single\', commas, <tags> & ampersands,\nnew lines, 😀 emoji';

interface Expected {
  nodes: Map<string, { type: string; label: string }>;
  edges: Map<string, { type: string; source: string; target: string; stance: string | null }>;
}

const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');

describe('graph exports', () => {
  let t: TestApp;
  let expected: Expected;
  let talksId: string;
  let mileiId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    const { claims } = await t.ok(`{ claims(first: 50) { edges { node { id text } } } }`);
    talksId = claims.edges.find((e: any) => e.node.text.startsWith('Argentina is in advanced')).node
      .id;
    const { actors } = await t.ok(
      `{ actors(search: "Javier Milei") { edges { node { id name } } } }`,
    );
    mileiId = actors.edges.find((e: any) => e.node.name === 'Javier Milei').node.id;
    await t.ok(`mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`, {
      i: { text: TRICKY, tags: ['tricky'] },
    });
    const checker = await t.ok(
      `mutation { createActor(input: { name: "Chequeado", kind: ORGANIZATION, wikidataId: "Q16606483" }) { id } }`,
    );
    await api(t).secondReview(talksId);
    await t.ok(`mutation ($i: AddReviewInput!) { addReview(input: $i) { id } }`, {
      i: {
        claimId: talksId,
        rating: 'Disputed',
        ratingValue: 3,
        bestRating: 5,
        worstRating: 1,
        reviewerId: checker.createActor.id,
        summary: 'Reported by the NYT, denied by Milei.',
        url: 'https://chequeado.example/talks',
        publishedAt: '2026-02-01T12:00:00.000Z',
      },
    });
    expected = await expectedGraph(t);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('answers HEAD with the headers only, without running the export', async () => {
    const graph = jest.spyOn(t.app.get(ExportService), 'graph');
    const response = await t.app.inject({ method: 'HEAD', url: '/exports/graph?format=graphml' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('graphml');
    expect(response.body).toBe('');
    expect(graph).not.toHaveBeenCalled();
    graph.mockRestore();
  });

  it('GraphML declares a typed key for every attribute and round-trips', async () => {
    const response = await get('/exports/graph?format=graphml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('graphml');
    const doc = xml(['key', 'node', 'edge', 'data']).parse(response.body);
    const graph = doc.graphml.graph;
    expect(graph['@_edgedefault']).toBe('directed');
    const keys = new Map<string, any>(doc.graphml.key.map((k: any) => [k['@_id'], k]));
    for (const key of keys.values()) {
      expect(['string', 'double', 'int', 'long', 'float', 'boolean']).toContain(key['@_attr.type']);
    }
    const dataOf = (element: any) =>
      Object.fromEntries(
        (element.data ?? []).map((d: any) => [
          keys.get(d['@_key'])['@_attr.name'],
          String(d['#text'] ?? ''),
        ]),
      );
    // every data element uses a declared key
    for (const element of [...graph.node, ...graph.edge]) {
      for (const d of element.data ?? []) expect(keys.has(d['@_key'])).toBe(true);
    }
    compare(
      graph.node.map((n: any) => ({ id: n['@_id'], ...dataOf(n) })),
      graph.edge.map((e: any) => ({
        id: e['@_id'],
        source: e['@_source'],
        target: e['@_target'],
        ...dataOf(e),
      })),
    );
  });

  it('GEXF 1.3 has node types and stances as attributes and round-trips', async () => {
    const response = await get('/exports/graph?format=gexf');
    expect(response.statusCode).toBe(200);
    const doc = xml(['node', 'edge', 'attvalue', 'attribute', 'attributes']).parse(response.body);
    expect(doc.gexf['@_version']).toBe('1.3');
    expect(doc.gexf['@_xmlns']).toBe('http://gexf.net/1.3');
    const graph = doc.gexf.graph;
    const declared = new Map<string, Set<string>>();
    for (const block of graph.attributes) {
      const ids = declared.get(block['@_class']) ?? new Set<string>();
      for (const x of block.attribute) ids.add(x['@_id']);
      declared.set(block['@_class'], ids);
    }
    expect(declared.get('node')).toContain('type');
    expect(declared.get('edge')).toContain('stance');
    const values = (element: any, cls: string) =>
      Object.fromEntries(
        (element.attvalues?.attvalue ?? [])
          .filter((v: any) => v['@_start'] === undefined)
          .map((v: any) => {
            expect(declared.get(cls)).toContain(v['@_for']);
            return [v['@_for'], String(v['@_value'])];
          }),
      );
    compare(
      graph.nodes.node.map((n: any) => ({
        id: n['@_id'],
        label: n['@_label'],
        ...values(n, 'node'),
      })),
      graph.edges.edge.map((e: any) => ({
        id: e['@_id'],
        source: e['@_source'],
        target: e['@_target'],
        ...values(e, 'edge'),
      })),
    );
  });

  it('graphology JSON imports into graphology and round-trips', async () => {
    const response = await get('/exports/graph?format=json');
    expect(response.statusCode).toBe(200);
    const graph = Graph.from(JSON.parse(response.body));
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    const nodes: any[] = [];
    graph.forEachNode((key, attributes) => nodes.push({ id: key, ...attributes }));
    const edges: any[] = [];
    graph.forEachEdge((key, attributes, source, target) =>
      edges.push({ id: key, source, target, ...attributes }),
    );
    compare(nodes, edges);
  });

  it('CSV comes as two RFC 4180 files that round-trip', async () => {
    const nodes = await get('/exports/graph?format=csv&table=nodes');
    const edges = await get('/exports/graph?format=csv&table=edges');
    expect(nodes.statusCode).toBe(200);
    expect(nodes.headers['content-type']).toContain('text/csv');
    expect(nodes.body).toContain('\r\n');
    const read = (text: string) => parseCsv(text, { columns: true, relax_quotes: false }) as any[];
    const nodeRows = read(nodes.body);
    expect(nodeRows.find((row) => row.label === TRICKY)).toBeDefined();
    compare(nodeRows, read(edges.body));
    const missing = await get('/exports/graph?format=csv');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/table=nodes/);
  });

  it('filters by status, tag, actor and date', async () => {
    const byTag = Graph.from((await get('/exports/graph?format=json&tag=tricky')).json());
    expect(byTag.filterNodes((_, a) => a.type === 'CLAIM').length).toBe(1);
    const byActor = Graph.from((await get(`/exports/graph?format=json&actorId=${mileiId}`)).json());
    const stances = byActor.filterEdges((_, a) => a.type === 'STANCE');
    expect(stances.length).toBeGreaterThan(0);
    expect(byActor.getNodeAttribute(mileiId, 'depth')).toBe(0);
    for (const edge of byActor.edges()) {
      expect(byActor.hasNode(byActor.source(edge)) && byActor.hasNode(byActor.target(edge))).toBe(
        true,
      );
    }
    const byStatus = Graph.from((await get('/exports/graph?format=json&status=CONTESTED')).json());
    expect(byStatus.filterNodes((_, a) => a.type === 'CLAIM')).toEqual([talksId]);
    const future = Graph.from((await get('/exports/graph?format=json&since=2999-01-01')).json());
    expect(future.order).toBe(0);
    expect((await get('/exports/graph?format=json&status=NOPE')).statusCode).toBe(400);
    expect((await get('/exports/graph?format=json&since=yesterday')).statusCode).toBe(400);
    expect((await get('/exports/graph?format=json&actorId=nope')).statusCode).toBe(400);
    expect((await get('/exports/graph?format=pdf')).statusCode).toBe(400);
  });

  it('ClaimReview JSON-LD has every field Google reads', async () => {
    const response = await get(`/claims/${talksId}/claimreview.jsonld`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    const review = response.json();
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed:
        'Argentina is in advanced talks with the United States to receive migrants deported from the US',
      url: 'https://chequeado.example/talks',
      datePublished: '2026-02-01T12:00:00.000Z',
      author: { '@type': 'Organization', name: 'Chequeado' },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'Disputed',
        ratingValue: 3,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { name: expect.any(String) },
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'urn:claimtrace:demo:perfil-milei-deportee-talks',
        },
      },
    });
    expect(review.itemReviewed.appearance).toHaveLength(1);
    expect((await checkClaimReview(review)).errors).toEqual([]);
    const unreviewed = await get(
      `/claims/${gid('Claim', '00000000-0000-4000-8000-000000000000')}/claimreview.jsonld`,
    );
    expect(unreviewed.statusCode).toBe(404);
    expect((await get('/claims/garbage/claimreview.jsonld')).statusCode).toBe(400);

    const lines = (await get('/exports/claimreviews.jsonl')).body.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual(review);
  });

  it('serves the passages of an article as W3C Web Annotations', async () => {
    const [article] = await t.db.query<{ id: string; url: string }>(
      `SELECT id, url FROM articles WHERE url LIKE 'urn:claimtrace:demo:%'`,
    );
    const response = await get(`/articles/${gid('Article', article.id)}/annotations.jsonld`);
    expect(response.statusCode).toBe(200);
    const collection = response.json();
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const passages = await t.count('passages');
    expect(collection.total).toBe(passages);
    const item = collection.first.items[0];
    expect(item).toMatchObject({ type: 'Annotation', target: { source: article.url } });
    const [quote, position] = item.target.selector;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(position.type).toBe('TextPositionSelector');
    const [{ text }] = await t.db.query<{ text: string }>(
      'SELECT text FROM articles WHERE id = $1',
      [article.id],
    );
    expect(Array.from(text).slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(collection.first.items.some((i: any) => /DENIES/.test(i.body?.[0]?.value ?? ''))).toBe(
      true,
    );
  });

  function compare(nodes: any[], edges: any[]) {
    expect(nodes).toHaveLength(expected.nodes.size);
    expect(edges).toHaveLength(expected.edges.size);
    for (const node of nodes) {
      const want = expected.nodes.get(node.id);
      expect(want).toBeDefined();
      expect({ type: node.type, label: node.label }).toEqual(want);
    }
    for (const edge of edges) {
      const want = expected.edges.get(edge.id);
      expect(want).toBeDefined();
      expect({
        type: edge.type,
        source: edge.source,
        target: edge.target,
        stance: edge.stance || null,
      }).toEqual(want);
    }
  }
});

/** The graph as the database has it, computed independently of the exporter's SQL. */
async function expectedGraph(t: TestApp): Promise<Expected> {
  const nodes = new Map<string, { type: string; label: string }>();
  for (const row of await t.db.query<any>(
    `SELECT id, text FROM claims WHERE merged_into_id IS NULL`,
  ))
    nodes.set(gid('Claim', row.id), { type: 'CLAIM', label: row.text });
  for (const row of await t.db.query<any>(
    `SELECT id, name FROM actors WHERE merged_into_id IS NULL`,
  ))
    nodes.set(gid('Actor', row.id), { type: 'ACTOR', label: row.name });
  for (const row of await t.db.query<any>(`SELECT id, title FROM articles`))
    nodes.set(gid('Article', row.id), { type: 'ARTICLE', label: row.title });
  const edges = new Map<string, any>();
  const attributions = await t.db.query<any>(
    `SELECT a.id, a.actor_id, a.claim_id, a.stance, a.reported_via_id, p.article_id
     FROM attributions a JOIN passages p ON p.id = a.passage_id WHERE a.removed_at IS NULL`,
  );
  const byId = new Map(attributions.map((a) => [a.id, a]));
  for (const a of attributions) {
    edges.set(gid('Attribution', a.id), {
      type: 'STANCE',
      source: gid('Actor', a.actor_id),
      target: gid('Claim', a.claim_id),
      stance: a.stance,
    });
    const via = a.reported_via_id ? byId.get(a.reported_via_id) : null;
    if (via && via.actor_id !== a.actor_id) {
      edges.set(`reportedVia:${gid('Attribution', a.id)}`, {
        type: 'REPORTED_VIA',
        source: gid('Actor', a.actor_id),
        target: gid('Actor', via.actor_id),
        stance: null,
      });
    }
    edges.set(`appearsIn:${a.claim_id}:${a.article_id}`, {
      type: 'APPEARS_IN',
      source: gid('Claim', a.claim_id),
      target: gid('Article', a.article_id),
      stance: null,
    });
  }
  for (const r of await t.db.query<any>(
    `SELECT id, from_claim_id, to_claim_id FROM claim_relations`,
  ))
    edges.set(`relation:${r.id}`, {
      type: 'RELATION',
      source: gid('Claim', r.from_claim_id),
      target: gid('Claim', r.to_claim_id),
      stance: null,
    });
  for (const r of await t.db.query<any>(
    `SELECT id, publisher_id FROM articles WHERE publisher_id IS NOT NULL`,
  ))
    edges.set(`publishedBy:${gid('Article', r.id)}`, {
      type: 'PUBLISHED_BY',
      source: gid('Article', r.id),
      target: gid('Actor', r.publisher_id),
      stance: null,
    });
  for (const r of await t.db.query<any>(
    `SELECT id, affiliation_id FROM actors WHERE affiliation_id IS NOT NULL AND merged_into_id IS NULL`,
  ))
    edges.set(`affiliatedWith:${gid('Actor', r.id)}`, {
      type: 'AFFILIATED_WITH',
      source: gid('Actor', r.id),
      target: gid('Actor', r.affiliation_id),
      stance: null,
    });
  expect(edges.size).toBeGreaterThan(10);
  return { nodes, edges };
}
