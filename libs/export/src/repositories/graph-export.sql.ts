/** Which part of the graph an export covers; every filter is optional and they combine with AND. */
export interface ExportFilter {
  /** claims first seen at or after */
  since: Date | null;
  statuses: string[] | null;
  /** only stances of this actor (a database key), and the claims they are on */
  actorId: string | null;
  tag: string | null;
  /**
   * also the stances that a correction of their article orphaned and no editor resolved yet (by
   * default they are left out, as from the stance summary)
   */
  includeSuperseded?: boolean;
}

export const NO_FILTER: ExportFilter = { since: null, statuses: null, actorId: null, tag: null };

export function isFiltered(filter: ExportFilter): boolean {
  return Boolean(filter.since || filter.statuses?.length || filter.actorId || filter.tag);
}

/**
 * The global id (`toGlobalId`: unpadded base64url of `Type:uuid`) computed by PostgreSQL, in C,
 * rather than once per id in JavaScript: an export of a million edges makes five million of them.
 * At most 48 bytes, so `encode` never wraps the line.
 */
export const globalIdSql = (type: string, column: string) =>
  `rtrim(translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
const G = globalIdSql;

const ISO = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The SQL of a graph export: the node set and the edge set as two queries over the same CTEs, so
 * an edge's ends are always among the nodes. Unfiltered, the CTEs are the live tables (inlined,
 * NOT MATERIALIZED); filtered, claims are chosen by status, tag and first-seen date, stances by the
 * chosen claims and the actor, articles by those stances' passages, and actors by those stances
 * and articles' publishers.
 */
export function graphExportSql(filter: ExportFilter): {
  nodes: string;
  edges: string;
  params: unknown[];
} {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const claimWhere = ['c.merged_into_id IS NULL'];
  if (filter.statuses?.length)
    claimWhere.push(`c.status = ANY(${add(filter.statuses)}::claim_status[])`);
  if (filter.tag) claimWhere.push(`${add(filter.tag)}::text = ANY(c.tags)`);
  if (filter.since) claimWhere.push(`c.first_seen_at >= ${add(filter.since)}::timestamptz`);
  const actor = filter.actorId ? `${add(filter.actorId)}::uuid` : null;
  if (actor) {
    claimWhere.push(
      `EXISTS (SELECT 1 FROM attributions x WHERE x.claim_id = c.id AND x.actor_id = ${actor} AND x.removed_at IS NULL)`,
    );
  }
  const filtered = isFiltered(filter);
  const stanceWhere = ['a.removed_at IS NULL'];
  if (!filter.includeSuperseded) {
    stanceWhere.push(`NOT EXISTS (SELECT 1 FROM source_changes sc WHERE sc.attribution_id = a.id
      AND sc.status = 'ORPHANED' AND sc.resolved_at IS NULL)`);
  }
  if (filtered) stanceWhere.push('a.claim_id IN (SELECT id FROM sel_claims)');
  if (actor) stanceWhere.push(`a.actor_id = ${actor}`);

  const ctes = `WITH
  sel_claims AS NOT MATERIALIZED (SELECT c.* FROM claims c WHERE ${claimWhere.join(' AND ')}),
  sel_stances AS NOT MATERIALIZED (SELECT a.* FROM attributions a WHERE ${stanceWhere.join(' AND ')}),
  sel_articles AS NOT MATERIALIZED (SELECT ar.* FROM articles ar${
    filtered
      ? ' WHERE ar.id IN (SELECT p.article_id FROM sel_stances s JOIN passages p ON p.id = s.passage_id)'
      : ''
  }),
  sel_actors AS NOT MATERIALIZED (SELECT ac.* FROM actors ac WHERE ac.merged_into_id IS NULL${
    filtered
      ? ' AND (ac.id IN (SELECT actor_id FROM sel_stances) OR ac.id IN (SELECT publisher_id FROM sel_articles))'
      : ''
  })`;

  const nodes = `${ctes}
  SELECT 'CLAIM' AS type, ${G('Claim', 'c.id')} AS id, c.text AS label, c.status::text AS status, c.tags,
         ${ISO('c.first_seen_at')} AS "firstSeenAt", NULL AS kind, NULL AS "wikidataId", NULL AS url,
         NULL AS "publishedAt", c.language
  FROM sel_claims c
  UNION ALL
  SELECT 'ACTOR', ${G('Actor', 'ac.id')}, ac.name, NULL, NULL, NULL, ac.kind::text, ac.wikidata_id, NULL, NULL, NULL
  FROM sel_actors ac
  UNION ALL
  SELECT 'ARTICLE', ${G('Article', 'ar.id')}, ar.title, NULL, NULL, NULL, NULL, NULL, ar.url, ${ISO('ar.published_at')},
         ar.language
  FROM sel_articles ar`;

  const edges = `${ctes}
  SELECT 'STANCE' AS type, ${G('Attribution', 'a.id')} AS id, ${G('Actor', 'a.actor_id')} AS source,
         ${G('Claim', 'a.claim_id')} AS target, a.stance::text AS stance, NULL AS relation,
         ${ISO('a.stated_at')} AS "statedAt", a.confidence, ${G('Article', 'p.article_id')} AS article,
         ${G('Passage', 'a.passage_id')} AS passage
  FROM sel_stances a JOIN passages p ON p.id = a.passage_id
  UNION ALL
  SELECT 'REPORTED_VIA', 'reportedVia:' || ${G('Attribution', 'a.id')}, ${G('Actor', 'a.actor_id')},
         ${G('Actor', 'v.actor_id')}, NULL, NULL, NULL, NULL, NULL, NULL
  FROM sel_stances a JOIN attributions v ON v.id = a.reported_via_id
  WHERE v.actor_id <> a.actor_id${filtered ? ' AND v.actor_id IN (SELECT id FROM sel_actors)' : ''}
  UNION ALL
  SELECT 'RELATION', 'relation:' || cr.id::text, ${G('Claim', 'cr.from_claim_id')},
         ${G('Claim', 'cr.to_claim_id')}, NULL, cr.relation::text, NULL,
         NULL, NULL, NULL
  FROM claim_relations cr
  WHERE cr.from_claim_id IN (SELECT id FROM sel_claims) AND cr.to_claim_id IN (SELECT id FROM sel_claims)
  UNION ALL
  SELECT 'PUBLISHED_BY', 'publishedBy:' || ${G('Article', 'ar.id')}, ${G('Article', 'ar.id')},
         ${G('Actor', 'ar.publisher_id')}, NULL, NULL, NULL, NULL, NULL, NULL
  FROM sel_articles ar
  WHERE ar.publisher_id IN (SELECT id FROM sel_actors)
  UNION ALL
  SELECT 'AFFILIATED_WITH', 'affiliatedWith:' || ${G('Actor', 'ac.id')}, ${G('Actor', 'ac.id')},
         ${G('Actor', 'ac.affiliation_id')}, NULL, NULL, NULL, NULL, NULL, NULL
  FROM sel_actors ac
  WHERE ac.affiliation_id IN (SELECT id FROM sel_actors)
  UNION ALL
  SELECT 'APPEARS_IN', 'appearsIn:' || ap.claim_id::text || ':' || ap.article_id::text,
         ${G('Claim', 'ap.claim_id')}, ${G('Article', 'ap.article_id')},
         NULL, NULL, NULL, NULL, NULL, NULL
  FROM (SELECT DISTINCT a.claim_id, p.article_id
        FROM sel_stances a JOIN passages p ON p.id = a.passage_id) ap`;
  return { nodes, edges, params };
}
