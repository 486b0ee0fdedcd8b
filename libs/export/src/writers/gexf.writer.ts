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

/** the attributes GEXF declares (label is the node's own `label`) */
const NODE_DECLARED = NODE_ATTRIBUTES.filter((spec) => spec.name !== 'label');
const GEXF_TYPE: Record<string, string> = { string: 'string', double: 'double' };

function declarations(cls: 'node' | 'edge', specs: readonly AttributeSpec[]): string {
  const lines = specs
    .map(
      (spec) =>
        `      <attribute id="${spec.name}" title="${spec.name}" type="${GEXF_TYPE[spec.type]}"/>\n`,
    )
    .join('');
  return `    <attributes class="${cls}" mode="static">\n${lines}    </attributes>\n`;
}

function attvalues(specs: readonly AttributeSpec[], row: object): string {
  let out = '';
  for (const spec of specs) {
    const text = attributeText((row as Record<string, unknown>)[spec.name], spec);
    if (text !== null) out += `<attvalue for="${spec.name}" value="${xmlText(text)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

/**
 * GEXF 1.3 (gexf.net): node types and every other property as declared attributes; an edge's type
 * is its label and `kind`, its stance an edge attribute.
 */
export function gexfWriter(): GraphWriter {
  return {
    contentType: 'application/gexf+xml; charset=utf-8',
    extension: 'gexf',
    start() {
      return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
        '  <meta><creator>Claimtrace</creator><description>claims, actors, articles and stances</description></meta>\n' +
        '  <graph defaultedgetype="directed" mode="static">\n' +
        declarations('node', NODE_DECLARED) +
        declarations('edge', EDGE_ATTRIBUTES) +
        '    <nodes>\n'
      );
    },
    node(node: ExportNode) {
      return `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}">${attvalues(NODE_DECLARED, node)}</node>\n`;
    },
    edgesStart: () => '    </nodes>\n    <edges>\n',
    edge(edge: ExportEdge) {
      return `      <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}" kind="${xmlText(edge.type)}" label="${xmlText(edge.type)}">${attvalues(EDGE_ATTRIBUTES, edge)}</edge>\n`;
    },
    end: () => '    </edges>\n  </graph>\n</gexf>\n',
  };
}
