/** A node of a graph selection, as graph-selection.sql.ts reads it (ids are global ids). */
export interface GraphNodeRow {
  type: 'CLAIM' | 'ACTOR' | 'ARTICLE';
  id: string;
  /** hops from the start; null for a selection without one */
  depth: number | null;
  label: string;
  /** claims: the status at the selection's time */
  status: string | null;
  tags: string[] | null;
  firstSeenAt: string | null;
  language: string | null;
  /** actors */
  kind: string | null;
  aliases: string[] | null;
  wikidataId: string | null;
  /** articles */
  url: string | null;
  publisher: string | null;
  publishedAt: string | null;
  /** ISO 8601 times of the node's life (see graph-selection.sql.ts) */
  appearedAt: string | null;
  endedAt: string | null;
  /** claims: every status it has had, each from `start` until the next one's */
  statusSpells: { status: string; start: string }[] | null;
}

/** An edge of a graph selection: one per fact (graph-selection.sql.ts). */
export interface GraphEdgeRow {
  type: 'STANCE' | 'REPORTED_VIA' | 'RELATION' | 'PUBLISHED_BY' | 'AFFILIATED_WITH' | 'APPEARS_IN';
  id: string;
  source: string;
  target: string;
  stance: string | null;
  relation: string | null;
  statedAt: string | null;
  confidence: number | null;
  /** the article and passage that evidence a stance (the article of a relay too) */
  article: string | null;
  passage: string | null;
  /** stances: the passage's words and their context, and whether the words recur in the article */
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  ambiguous: boolean | null;
  articleUrl: string | null;
  articleTitle: string | null;
  /** the article's publisher's name */
  publisher: string | null;
  /** stances: the actor the stance was reported via, and that actor's attribution */
  reportedVia: string | null;
  relayOf: string | null;
  /** stances: relay hops from the original stance (0: stated directly) */
  hop: number | null;
  appearedAt: string | null;
  endedAt: string | null;
}
