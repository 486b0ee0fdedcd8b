import {
  AttributeSpec,
  attributeText,
  EDGE_ATTRIBUTES,
  ExportEdge,
  ExportNode,
  NODE_ATTRIBUTES,
} from './graph-model';

/** One RFC 4180 field: quoted when it holds a quote, a comma, CR or LF; quotes doubled. */
export function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One RFC 4180 record, CRLF-terminated. */
export function csvRecord(values: (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export const NODE_CSV_COLUMNS = ['id', ...NODE_ATTRIBUTES.map((spec) => spec.name)];
export const EDGE_CSV_COLUMNS = ['id', 'source', 'target', ...EDGE_ATTRIBUTES.map((s) => s.name)];

function values(specs: readonly AttributeSpec[], row: object): (string | null)[] {
  return specs.map((spec) => attributeText((row as Record<string, unknown>)[spec.name], spec));
}

export function nodeCsvRecord(node: ExportNode): string {
  return csvRecord([node.id, ...values(NODE_ATTRIBUTES, node)]);
}

export function edgeCsvRecord(edge: ExportEdge): string {
  return csvRecord([edge.id, edge.source, edge.target, ...values(EDGE_ATTRIBUTES, edge)]);
}
