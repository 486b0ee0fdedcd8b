import {
  AttributeSpec,
  attributeText,
  EDGE_ATTRIBUTES,
  ExportEdge,
  ExportNode,
  GraphWriter,
  NODE_ATTRIBUTES,
} from './graph-model';
import { xmlText } from './xml';

const keyId = (scope: 'n' | 'e', spec: AttributeSpec) => `${scope}_${spec.name}`;

function data(scope: 'n' | 'e', specs: readonly AttributeSpec[], row: object): string {
  let out = '';
  for (const spec of specs) {
    const text = attributeText((row as Record<string, unknown>)[spec.name], spec);
    if (text !== null) out += `<data key="${keyId(scope, spec)}">${xmlText(text)}</data>`;
  }
  return out;
}

/** GraphML (graphml.graphdrawing.org): a typed <key> for every attribute, a directed graph. */
export function graphmlWriter(): GraphWriter {
  return {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    start() {
      const keys = [
        ...NODE_ATTRIBUTES.map((spec) => ({ spec, scope: 'n' as const, for: 'node' })),
        ...EDGE_ATTRIBUTES.map((spec) => ({ spec, scope: 'e' as const, for: 'edge' })),
      ]
        .map(
          (key) =>
            `  <key id="${keyId(key.scope, key.spec)}" for="${key.for}" attr.name="${key.spec.name}" attr.type="${key.spec.type}"/>\n`,
        )
        .join('');
      return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
        keys +
        '  <graph id="claimtrace" edgedefault="directed">\n'
      );
    },
    node(node: ExportNode) {
      return `    <node id="${xmlText(node.id)}">${data('n', NODE_ATTRIBUTES, node)}</node>\n`;
    },
    edgesStart: () => '',
    edge(edge: ExportEdge) {
      return `    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">${data('e', EDGE_ATTRIBUTES, edge)}</edge>\n`;
    },
    end: () => '  </graph>\n</graphml>\n',
  };
}
