import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import type { TestApp } from '../test-app';

/** A graph as an independent reader from npm read it back: attributes by name, as text or values. */
export interface ReadGraph {
  nodes: Map<string, Record<string, any>>;
  edges: Map<string, Record<string, any> & { source: string; target: string }>;
}

export const gid = (type: string, key: string) =>
  Buffer.from(`${type}:${key}`).toString('base64url');

export function xmlParser(arrays: string[]): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
    htmlEntities: true, // decodes numeric character references (&#10;) too
    trimValues: false,
    isArray: (name) => arrays.includes(name),
  });
}

/** graphology's own `Graph.from` reads the JSON export. */
export function readGraphology(body: string): ReadGraph {
  const graph = Graph.from(JSON.parse(body));
  const nodes = new Map<string, Record<string, any>>();
  graph.forEachNode((key, attributes) => nodes.set(key, { ...attributes }));
  const edges: ReadGraph['edges'] = new Map();
  graph.forEachEdge((key, attributes, source, target) =>
    edges.set(key, { ...attributes, source, target }),
  );
  return { nodes, edges };
}

/** fast-xml-parser reads GraphML; data are mapped through their declared keys. */
export function readGraphml(body: string): ReadGraph {
  const doc = xmlParser(['key', 'node', 'edge', 'data']).parse(body);
  const keys = new Map<string, any>((doc.graphml.key ?? []).map((k: any) => [k['@_id'], k]));
  const dataOf = (element: any) =>
    Object.fromEntries(
      (element.data ?? []).map((d: any) => {
        const key = keys.get(d['@_key']);
        if (!key) throw new Error(`data with an undeclared key ${d['@_key']}`);
        return [key['@_attr.name'], String(d['#text'] ?? '')];
      }),
    );
  const graph = doc.graphml.graph;
  return {
    nodes: new Map((graph.node ?? []).map((n: any) => [n['@_id'], dataOf(n)])),
    edges: new Map(
      (graph.edge ?? []).map((e: any) => [
        e['@_id'],
        { ...dataOf(e), source: e['@_source'], target: e['@_target'] },
      ]),
    ),
  };
}

/**
 * fast-xml-parser reads GEXF: static attvalues by their declared ids, the spell of each element as
 * `spell: {start, end}`, and the values of the dynamic `status` as `statusValues`.
 */
export function readGexf(body: string): ReadGraph & { doc: any } {
  const doc = xmlParser(['node', 'edge', 'attvalue', 'attribute', 'attributes', 'spell']).parse(
    body,
  );
  const graph = doc.gexf.graph;
  const declared = new Map<string, Set<string>>();
  for (const block of graph.attributes ?? []) {
    const ids = declared.get(block['@_class']) ?? new Set<string>();
    for (const a of block.attribute ?? []) ids.add(a['@_id']);
    declared.set(block['@_class'], ids);
  }
  const read = (element: any, cls: string) => {
    const out: Record<string, any> = {};
    const dynamic: { value: string; start?: string; end?: string }[] = [];
    for (const v of element.attvalues?.attvalue ?? []) {
      if (!declared.get(cls)?.has(v['@_for'])) throw new Error(`undeclared ${v['@_for']}`);
      if (v['@_start'] !== undefined || v['@_end'] !== undefined) {
        dynamic.push({ value: v['@_value'], start: v['@_start'], end: v['@_end'] });
      } else out[v['@_for']] = String(v['@_value']);
    }
    if (dynamic.length) out.statusValues = dynamic;
    const spell = element.spells?.spell?.[0];
    if (spell) out.spell = { start: spell['@_start'], end: spell['@_end'] };
    return out;
  };
  return {
    doc,
    nodes: new Map(
      (graph.nodes?.node ?? []).map((n: any) => [
        n['@_id'],
        { label: n['@_label'], ...read(n, 'node') },
      ]),
    ),
    edges: new Map(
      (graph.edges?.edge ?? []).map((e: any) => [
        e['@_id'],
        { ...read(e, 'edge'), source: e['@_source'], target: e['@_target'] },
      ]),
    ),
  };
}

/** csv-parse reads the two CSV files (RFC 4180). */
export function readCsv(nodesBody: string, edgesBody: string): ReadGraph {
  const read = (text: string) => parseCsv(text, { columns: true, relax_quotes: false }) as any[];
  return {
    nodes: new Map(read(nodesBody).map(({ id, ...rest }) => [id, rest])),
    edges: new Map(read(edgesBody).map(({ id, ...rest }) => [id, rest])),
  };
}

/** Every text format of a selection (a query string without `format`), each read back. */
export async function readEveryFormat(
  t: TestApp,
  query = '',
): Promise<Record<'json' | 'graphml' | 'csv', ReadGraph> & { gexf: ReturnType<typeof readGexf> }> {
  const get = async (params: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/exports/graph?${params}${query}` });
    if (response.statusCode !== 200) throw new Error(`${params}: ${response.body}`);
    return response.body;
  };
  return {
    json: readGraphology(await get('format=json')),
    graphml: readGraphml(await get('format=graphml')),
    gexf: readGexf(await get('format=gexf')),
    csv: readCsv(await get('format=csv&table=nodes'), await get('format=csv&table=edges')),
  };
}

/** How many edges of each type a graph has. */
export function edgeCounts(edges: Iterable<{ type?: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const edge of edges) counts[edge.type ?? '?'] = (counts[edge.type ?? '?'] ?? 0) + 1;
  return counts;
}
