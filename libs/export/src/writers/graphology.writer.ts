import {
  AttributeSpec,
  EDGE_ATTRIBUTES,
  ExportEdge,
  ExportNode,
  GraphWriter,
  NODE_ATTRIBUTES,
} from './graph-model';

function attributes(specs: readonly AttributeSpec[], row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = (row as Record<string, unknown>)[spec.name];
    if (value !== null && value !== undefined) out[spec.name] = value;
  }
  return out;
}

/**
 * The graphology serialisation format ({attributes, options, nodes, edges}), which
 * `Graph.from(json)` reads: a directed multigraph (one edge per stance).
 */
export function graphologyWriter(): GraphWriter {
  let first = true;
  const comma = () => {
    const separator = first ? '' : ',';
    first = false;
    return separator;
  };
  return {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    start: () =>
      '{"attributes":{"name":"claimtrace"},"options":{"type":"directed","multi":true,"allowSelfLoops":true},"nodes":[\n',
    node(node: ExportNode) {
      return `${comma()}${JSON.stringify({ key: node.id, attributes: attributes(NODE_ATTRIBUTES, node) })}\n`;
    },
    edgesStart() {
      first = true;
      return '],"edges":[\n';
    },
    edge(edge: ExportEdge) {
      return `${comma()}${JSON.stringify({
        key: edge.id,
        source: edge.source,
        target: edge.target,
        attributes: attributes(EDGE_ATTRIBUTES, edge),
      })}\n`;
    },
    end: () => ']}\n',
  };
}
