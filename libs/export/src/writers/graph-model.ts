import { textFragmentUrl } from '@claimtrace/anchoring';
import type { GraphEdgeRow, GraphNodeRow } from '@claimtrace/graph';

/** The rows of a graph export: every writer takes the same nodes and edges. */
export type ExportNodeType = 'CLAIM' | 'ACTOR' | 'ARTICLE';

export interface ExportNode {
  id: string;
  type: ExportNodeType;
  label: string;
  /** hops from the selection's start (none without one) */
  depth?: number | null;
  /** claims: the status at the export's time, and every status it had (`STATUS@time`) */
  status?: string | null;
  statusHistory?: string[] | null;
  tags?: string[] | null;
  firstSeenAt?: string | null;
  /** actors */
  kind?: string | null;
  aliases?: string[] | null;
  wikidataId?: string | null;
  /** articles */
  url?: string | null;
  publisher?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  /** when it appeared and, where that applies, when it ended (ISO 8601) */
  appearedAt?: string | null;
  endedAt?: string | null;
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
  /** the quote, and the article's URL that opens at it (a `#:~:text=` fragment) */
  exact?: string | null;
  url?: string | null;
  articleTitle?: string | null;
  publisher?: string | null;
  /** a relayed stance: the actor it was reported via, and that actor's attribution */
  reportedVia?: string | null;
  relayOf?: string | null;
  /** relay hops from the original stance (0: stated directly) */
  hop?: number | null;
  appearedAt?: string | null;
  endedAt?: string | null;
}

export type AttributeType = 'string' | 'double' | 'int';

export interface AttributeSpec {
  name: string;
  type: AttributeType;
  /** a list, written joined with ';' where the format has no lists */
  list?: boolean;
  /** an ISO 8601 time, a timestamp where the format has them (Parquet) */
  time?: boolean;
}

/** Every node attribute of the exports, in column order. */
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'label', type: 'string' },
  { name: 'depth', type: 'int' },
  { name: 'status', type: 'string' },
  { name: 'statusHistory', type: 'string', list: true },
  { name: 'tags', type: 'string', list: true },
  { name: 'firstSeenAt', type: 'string', time: true },
  { name: 'kind', type: 'string' },
  { name: 'aliases', type: 'string', list: true },
  { name: 'wikidataId', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'publisher', type: 'string' },
  { name: 'publishedAt', type: 'string', time: true },
  { name: 'language', type: 'string' },
  { name: 'appearedAt', type: 'string', time: true },
  { name: 'endedAt', type: 'string', time: true },
];

/** Every edge attribute of the exports, in column order. */
export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'stance', type: 'string' },
  { name: 'relation', type: 'string' },
  { name: 'statedAt', type: 'string', time: true },
  { name: 'confidence', type: 'double' },
  { name: 'article', type: 'string' },
  { name: 'passage', type: 'string' },
  { name: 'exact', type: 'string' },
  { name: 'url', type: 'string' },
  { name: 'articleTitle', type: 'string' },
  { name: 'publisher', type: 'string' },
  { name: 'reportedVia', type: 'string' },
  { name: 'relayOf', type: 'string' },
  { name: 'hop', type: 'int' },
  { name: 'appearedAt', type: 'string', time: true },
  { name: 'endedAt', type: 'string', time: true },
];

/** A node of a graph selection as the exports write it. */
export function toExportNode(row: GraphNodeRow): ExportNode {
  const { statusSpells, ...node } = row;
  return {
    ...node,
    statusHistory: statusSpells?.map((spell) => `${spell.status}@${spell.start}`) ?? null,
  };
}

/** An edge of a graph selection as the exports write it: the quote's URL opens at the quote. */
export function toExportEdge(row: GraphEdgeRow): ExportEdge {
  const { prefix, suffix, ambiguous, articleUrl, ...edge } = row;
  return {
    ...edge,
    url:
      articleUrl && row.exact
        ? textFragmentUrl(articleUrl, { exact: row.exact, prefix, suffix }, ambiguous ?? false)
        : articleUrl,
  };
}

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
