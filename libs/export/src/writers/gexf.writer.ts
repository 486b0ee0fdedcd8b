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

/**
 * The attributes GEXF declares as static: label is the node's own `label`, a claim's status is the
 * dynamic attribute `status` (its history), and the times are the elements' spells.
 */
const TIMES = new Set(['appearedAt', 'endedAt', 'status', 'statusHistory']);
const NODE_DECLARED = NODE_ATTRIBUTES.filter(
  (spec) => spec.name !== 'label' && !TIMES.has(spec.name),
);
const EDGE_DECLARED = EDGE_ATTRIBUTES.filter((spec) => !TIMES.has(spec.name));
const GEXF_TYPE: Record<string, string> = { string: 'string', double: 'double', int: 'integer' };

function declarations(cls: 'node' | 'edge', mode: string, specs: readonly AttributeSpec[]): string {
  const lines = specs
    .map(
      (spec) =>
        `      <attribute id="${spec.name}" title="${spec.name}" type="${GEXF_TYPE[spec.type]}"/>\n`,
    )
    .join('');
  return `    <attributes class="${cls}" mode="${mode}">\n${lines}    </attributes>\n`;
}

function attvalues(specs: readonly AttributeSpec[], row: object, dynamic = ''): string {
  let out = '';
  for (const spec of specs) {
    const text = attributeText((row as Record<string, unknown>)[spec.name], spec);
    if (text !== null) out += `<attvalue for="${spec.name}" value="${xmlText(text)}"/>`;
  }
  out += dynamic;
  return out ? `<attvalues>${out}</attvalues>` : '';
}

/** `start` and `end` of a spell or a dynamic value (either may be open). */
function bounds(start: string | null | undefined, end: string | null | undefined): string {
  return `${start ? ` start="${xmlText(start)}"` : ''}${end ? ` end="${xmlText(end)}"` : ''}`;
}

/** The element's life as a spell; none when nothing is known of it (always there). */
function spells(row: { appearedAt?: string | null; endedAt?: string | null }): string {
  if (!row.appearedAt && !row.endedAt) return '';
  return `<spells><spell${bounds(row.appearedAt, row.endedAt)}/></spells>`;
}

/** A claim's statuses as values of the dynamic attribute `status`, each until the next (the last open). */
function statusValues(node: ExportNode): string {
  const history = node.statusHistory ?? [];
  let out = '';
  history.forEach((entry, i) => {
    const at = entry.lastIndexOf('@');
    const next = history[i + 1];
    const end = next ? next.slice(next.lastIndexOf('@') + 1) : null;
    out += `<attvalue for="status" value="${xmlText(entry.slice(0, at))}"${bounds(entry.slice(at + 1), end)}/>`;
  });
  return out;
}

/**
 * GEXF 1.3 (gexf.net) as a dynamic graph, so Gephi's timeline replays the story: every node and
 * edge has a spell (`appearedAt` to `endedAt`, dateTime), a claim's status is a dynamic attribute
 * whose values follow its history, node types and every other property are static attributes; an
 * edge's type is its label and `kind`.
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
        '  <meta><creator>Claimtrace</creator><description>claims, actors, articles and stances over time</description></meta>\n' +
        '  <graph defaultedgetype="directed" mode="dynamic" timeformat="dateTime" timerepresentation="interval">\n' +
        declarations('node', 'static', NODE_DECLARED) +
        declarations('node', 'dynamic', [{ name: 'status', type: 'string' }]) +
        declarations('edge', 'static', EDGE_DECLARED) +
        '    <nodes>\n'
      );
    },
    node(node: ExportNode) {
      return `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}">${attvalues(NODE_DECLARED, node, statusValues(node))}${spells(node)}</node>\n`;
    },
    edgesStart: () => '    </nodes>\n    <edges>\n',
    edge(edge: ExportEdge) {
      return `      <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}" kind="${xmlText(edge.type)}" label="${xmlText(edge.type)}">${attvalues(EDGE_DECLARED, edge)}${spells(edge)}</edge>\n`;
    },
    end: () => '    </edges>\n  </graph>\n</gexf>\n',
  };
}
