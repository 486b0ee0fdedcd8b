/** The rows of a graph export: every writer takes the same nodes and edges. */
export type ExportNodeType = 'CLAIM' | 'ACTOR' | 'ARTICLE';

export interface ExportNode {
  id: string;
  type: ExportNodeType;
  label: string;
  /** claims */
  status?: string | null;
  tags?: string[] | null;
  firstSeenAt?: string | null;
  /** actors */
  kind?: string | null;
  wikidataId?: string | null;
  /** articles */
  url?: string | null;
  publishedAt?: string | null;
  language?: string | null;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  stance?: string | null;
  relation?: string | null;
  statedAt?: string | null;
  confidence?: number | null;
  /** the article and passage that evidence a stance */
  article?: string | null;
  passage?: string | null;
}

export type AttributeType = 'string' | 'double';

export interface AttributeSpec {
  name: string;
  type: AttributeType;
  /** a list, written joined with ';' where the format has no lists */
  list?: boolean;
}

/** Every node attribute of the exports, in column order. */
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'tags', type: 'string', list: true },
  { name: 'firstSeenAt', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'wikidataId', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'publishedAt', type: 'string' },
  { name: 'language', type: 'string' },
];

/** Every edge attribute of the exports, in column order. */
export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'stance', type: 'string' },
  { name: 'relation', type: 'string' },
  { name: 'statedAt', type: 'string' },
  { name: 'confidence', type: 'double' },
  { name: 'article', type: 'string' },
  { name: 'passage', type: 'string' },
];

/** A value as the text formats write it: lists joined with ';', absent values as null. */
export function attributeText(value: unknown, spec: AttributeSpec): string | null {
  if (value === null || value === undefined) return null;
  if (spec.list && Array.isArray(value)) return value.join(';');
  return String(value);
}

/**
 * A streaming writer of one graph format: `start` once, then every node, then every edge, then
 * `end`. Each call answers the text to write; nothing is kept between calls but a flag or two.
 */
export interface GraphWriter {
  readonly contentType: string;
  readonly extension: string;
  start(): string;
  node(node: ExportNode): string;
  /** between the last node and the first edge */
  edgesStart(): string;
  edge(edge: ExportEdge): string;
  end(): string;
}
