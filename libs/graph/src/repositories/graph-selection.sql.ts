import { notWithdrawnSql, textQuerySql } from '@claimtrace/core';
import { GraphSelection, narrowsClaims } from '../selection/graph-selection';

/**
 * The global id (`toGlobalId`: unpadded base64url of `Type:uuid`) computed by PostgreSQL, in C,
 * rather than once per id in JavaScript: an export of a million edges makes five million of them.
 * At most 48 bytes, so `encode` never wraps the line.
 */
export const globalIdSql = (type: string, column: string) =>
  `rtrim(translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
const G = globalIdSql;

/** A timestamptz as ISO 8601 at UTC with milliseconds (NULL stays NULL). */
export const isoSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ISO = isoSql;

/** The longest relay chain the `hop` of a stance follows (chains are acyclic; this bounds a bug). */
const MAX_RELAY_HOPS = 100;

/** When a stance was taken: said, else its article published, else recorded. */
const STANCE_TIME = (a: string, ar: string) =>
  `coalesce(${a}.stated_at, ${ar}.published_at, ${a}.created_at)`;

/**
 * When a fact ended, never before it appeared: a stance said (or an article dated) after it was
 * removed (or corrected) stood for no time, not for a negative one, which no timeline can play.
 */
const ENDED = (start: string, end: string) =>
  `CASE WHEN ${end} IS NOT NULL THEN greatest(${end}, ${start}) END`;

export interface GraphSql {
  /** node rows: GraphNodeRow */
  nodes: string;
  /** edge rows: GraphEdgeRow */
  edges: string;
  /** both, in one statement (one snapshot): a row of two JSON arrays, `nodes` and `edges` */
  both: string;
  params: unknown[];
}

/**
 * The SQL of a selection of the claim graph (graph-selection.ts): the node set and the edge set as
 * two queries over the same CTEs, so an edge's ends are always among the nodes. `claimGraph` and
 * every export run these two, so they answer the same graph.
 *
 * - Time: the facts that stood at `asOf` (now by default): attributions recorded by then and not
 *   removed by then, claims, actors, articles and relations recorded by then, claim statuses as
 *   of then. Merged claims and actors are left out (their facts moved onto the kept ones). Each row
 *   carries its whole known life: `appearedAt` (a stance when it was said, else when its article
 *   was published, else when it was recorded; a claim when first seen; an actor at its first
 *   stance or publication; an article when published) and `endedAt` (an attribution removed, a
 *   claim retracted, an article superseded by a newer version).
 * - Versions: the latest by default (`includeSuperseded` keeps the rest): stances that a correction
 *   orphaned and no editor resolved are left out, and superseded articles no stance stands on.
 * - Claims: narrowed by tag, status, first-seen range and words, as the claims list does.
 * - A start: the walk of `depth` hops, in a recursive CTE, through the indexed foreign keys
 *   (stances both ways, relations both ways, articles of stances, publishers, affiliations,
 *   relays), over the narrowed claims only; then every edge between two reached nodes.
 * - Without a start, the whole graph: unnarrowed, the CTEs are the live tables (inlined, NOT
 *   MATERIALIZED); narrowed, the stances on the chosen claims, their articles, and the actors of
 *   those stances, relays and articles.
 * - One edge per fact: a STANCE per attribution, a REPORTED_VIA per relay hop (an attribution and
 *   the one it was reported via), a RELATION per claim relation, a PUBLISHED_BY per article with a
 *   publisher, an AFFILIATED_WITH per affiliation, an APPEARS_IN per claim and article.
 */
export function graphSelectionSql(
  selection: GraphSelection,
  options: { maxNodes?: number } = {},
): GraphSql {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const T = selection.asOf ? `${add(selection.asOf)}::timestamptz` : null;
  const recordedBy = (alias: string) => (T ? ` AND ${alias}.created_at <= ${T}` : '');
  // Latest versions by default (issue 15): a stance that a correction orphaned and no editor had
  // resolved (by `asOf`) is left out, as from the stance summary; so is a superseded article
  // version, unless a selected stance still stands on it (a confirmed orphan, say).
  const latest = !selection.includeSuperseded;
  const stanceLive = (a: string) =>
    (T
      ? `${a}.created_at <= ${T} AND (${a}.removed_at IS NULL OR ${a}.removed_at > ${T})`
      : `${a}.removed_at IS NULL`) + (latest ? ` AND ${notWithdrawnSql(a, T)}` : '');
  // A claim or actor stood at `asOf` when it was recorded by then, or one merged into it was: the
  // merged one's facts (stances, relations, publications) moved onto it and stand from their time.
  const keptBy = (table: 'claims' | 'actors', alias: string) =>
    T
      ? ` AND (${alias}.created_at <= ${T} OR ${alias}.id IN (SELECT id FROM ${table}_absorbed))`
      : '';
  const actorLive = (ac: string) => `${ac}.merged_into_id IS NULL${keptBy('actors', ac)}`;
  const articleLive = (ar: string) => {
    const recorded = T ? `${ar}.created_at <= ${T}` : 'TRUE';
    if (!latest) return recorded;
    return `${recorded} AND (NOT EXISTS (SELECT 1 FROM articles nv WHERE nv.previous_version_id = ${ar}.id${
      T ? ` AND nv.created_at <= ${T}` : ''
    }) OR EXISTS (SELECT 1 FROM passages lp JOIN sel_stances ls ON ls.passage_id = lp.id
                  WHERE lp.article_id = ${ar}.id))`;
  };
  const statusAt = (c: string) =>
    T
      ? `coalesce((SELECT s.to_status FROM status_changes s WHERE s.claim_id = ${c}.id AND s.at <= ${T}
                   ORDER BY s.at DESC, s.version DESC LIMIT 1),
                  (SELECT s.from_status FROM status_changes s WHERE s.claim_id = ${c}.id
                   ORDER BY s.at, s.version LIMIT 1),
                  ${c}.status)`
      : `${c}.status`;

  const narrowed = narrowsClaims(selection);
  const claimWhere = [`c.merged_into_id IS NULL${keptBy('claims', 'c')}`];
  if (selection.statuses?.length) {
    claimWhere.push(`${statusAt('c')} = ANY(${add(selection.statuses)}::claim_status[])`);
  }
  if (selection.tag) claimWhere.push(`${add(selection.tag)}::text = ANY(c.tags)`);
  if (selection.since) claimWhere.push(`c.first_seen_at >= ${add(selection.since)}::timestamptz`);
  if (selection.until) claimWhere.push(`c.first_seen_at < ${add(selection.until)}::timestamptz`);
  let claimFrom = 'claims c';
  if (selection.search) {
    const q = textQuerySql(
      `${add(selection.search.websearch)}::text`,
      `${add(selection.search.prefix)}::text`,
    );
    claimFrom = `claims c CROSS JOIN (SELECT ${q.exact} AS exact, ${q.fuzzy} AS fuzzy OFFSET 0) q`;
    claimWhere.push('c.search_vector @@ (q.exact || q.fuzzy)');
  }

  const ctes = T
    ? (['claims', 'actors'] as const).map(
        (table) => `${table}_absorbed(id) AS (
      SELECT m.merged_into_id FROM ${table} m WHERE m.merged_into_id IS NOT NULL AND m.created_at <= ${T}
      UNION
      SELECT m.merged_into_id FROM ${table}_absorbed x JOIN ${table} m ON m.id = x.id
      WHERE m.merged_into_id IS NOT NULL)`,
      )
    : [];
  ctes.push(
    `sel_claims AS NOT MATERIALIZED (
      SELECT c.id, c.text, c.tags, c.language, c.first_seen_at, c.status AS current_status,
             ${statusAt('c')} AS status
      FROM ${claimFrom} WHERE ${claimWhere.join(' AND ')})`,
    `sel_stances AS NOT MATERIALIZED (
      SELECT a.* FROM attributions a WHERE ${stanceLive('a')}${
        narrowed ? ' AND a.claim_id IN (SELECT id FROM sel_claims)' : ''
      })`,
    `sel_relations AS NOT MATERIALIZED (
      SELECT cr.* FROM claim_relations cr WHERE TRUE${recordedBy('cr')}${
        narrowed
          ? ' AND cr.from_claim_id IN (SELECT id FROM sel_claims) AND cr.to_claim_id IN (SELECT id FROM sel_claims)'
          : ''
      })`,
  );

  // the node sets, as `IN (…)` subqueries; null: every live one
  let claimSet: string | null = null;
  let actorSet: string | null = null;
  let articleSet: string | null = null;
  let depthOf = (_alias: string) => 'NULL::int';
  let claimSource = 'sel_claims c';
  let actorSource = `actors ac WHERE ${actorLive('ac')}`;
  let articleSource = `articles ar WHERE ${articleLive('ar')}`;

  if (selection.start) {
    const type = add(selection.start.type);
    const key = add(selection.start.key);
    ctes.push(
      `reach(type, key, depth) AS (
        SELECT ${type}::text, ${key}::uuid, 0
        WHERE (${type} = 'CLAIM' AND EXISTS (SELECT 1 FROM sel_claims WHERE id = ${key}::uuid))
           OR (${type} = 'ACTOR' AND EXISTS (SELECT 1 FROM actors ac WHERE ac.id = ${key}::uuid AND ${actorLive('ac')}))
        UNION
        SELECT n.type, n.key, r.depth + 1
        FROM reach r CROSS JOIN LATERAL (
          SELECT 'CLAIM'::text, a.claim_id FROM sel_stances a WHERE r.type = 'ACTOR' AND a.actor_id = r.key
          UNION ALL
          SELECT 'ACTOR', a.actor_id FROM sel_stances a WHERE r.type = 'CLAIM' AND a.claim_id = r.key
          UNION ALL
          SELECT 'CLAIM', cr.to_claim_id FROM sel_relations cr WHERE r.type = 'CLAIM' AND cr.from_claim_id = r.key
          UNION ALL
          SELECT 'CLAIM', cr.from_claim_id FROM sel_relations cr WHERE r.type = 'CLAIM' AND cr.to_claim_id = r.key
          UNION ALL
          SELECT 'ARTICLE', p.article_id FROM sel_stances a JOIN passages p ON p.id = a.passage_id
            WHERE r.type = 'CLAIM' AND a.claim_id = r.key
          UNION ALL
          SELECT 'CLAIM', a.claim_id FROM passages p JOIN sel_stances a ON a.passage_id = p.id
            WHERE r.type = 'ARTICLE' AND p.article_id = r.key
          UNION ALL
          SELECT 'ACTOR', ar.publisher_id FROM articles ar
            WHERE r.type = 'ARTICLE' AND ar.id = r.key AND ar.publisher_id IS NOT NULL
          UNION ALL
          SELECT 'ARTICLE', ar.id FROM articles ar
            WHERE r.type = 'ACTOR' AND ar.publisher_id = r.key AND ${articleLive('ar')}
          UNION ALL
          SELECT 'ACTOR', ac.affiliation_id FROM actors ac
            WHERE r.type = 'ACTOR' AND ac.id = r.key AND ac.affiliation_id IS NOT NULL
          UNION ALL
          SELECT 'ACTOR', ac.id FROM actors ac WHERE r.type = 'ACTOR' AND ac.affiliation_id = r.key
          UNION ALL
          SELECT 'ACTOR', v.actor_id FROM sel_stances a JOIN attributions v ON v.id = a.reported_via_id
            WHERE r.type = 'ACTOR' AND a.actor_id = r.key
          UNION ALL
          SELECT 'ACTOR', a.actor_id FROM attributions v JOIN sel_stances a ON a.reported_via_id = v.id
            WHERE r.type = 'ACTOR' AND v.actor_id = r.key
        ) AS n(type, key)
        WHERE r.depth < ${add(selection.depth ?? 1)}::int
      )`,
      `node_keys AS (
        SELECT f.type, f.key, f.depth FROM (SELECT type, key, min(depth) AS depth FROM reach GROUP BY type, key) f
        WHERE (f.type = 'CLAIM' AND f.key IN (SELECT id FROM sel_claims))
           OR (f.type = 'ACTOR' AND f.key IN (SELECT ac.id FROM actors ac WHERE ${actorLive('ac')}))
           OR (f.type = 'ARTICLE' AND f.key IN (SELECT ar.id FROM articles ar WHERE ${articleLive('ar')}))
        ORDER BY f.depth, f.type, f.key
        ${options.maxNodes ? `LIMIT ${Math.floor(options.maxNodes)}` : ''}
      )`,
      `n_claims AS (SELECT key AS id, depth FROM node_keys WHERE type = 'CLAIM')`,
      `n_actors AS (SELECT key AS id, depth FROM node_keys WHERE type = 'ACTOR')`,
      `n_articles AS (SELECT key AS id, depth FROM node_keys WHERE type = 'ARTICLE')`,
    );
    claimSet = 'SELECT id FROM n_claims';
    actorSet = 'SELECT id FROM n_actors';
    articleSet = 'SELECT id FROM n_articles';
    depthOf = (alias) => `${alias}.depth`;
    claimSource = 'sel_claims c JOIN n_claims n ON n.id = c.id';
    actorSource = 'actors ac JOIN n_actors n ON n.id = ac.id';
    articleSource = 'articles ar JOIN n_articles n ON n.id = ar.id';
  } else if (narrowed) {
    ctes.push(
      `n_articles AS (
        SELECT DISTINCT p.article_id AS id FROM sel_stances s JOIN passages p ON p.id = s.passage_id)`,
      `n_actors AS (
        SELECT ac.id FROM actors ac WHERE ${actorLive('ac')} AND (
          ac.id IN (SELECT actor_id FROM sel_stances)
          OR ac.id IN (SELECT v.actor_id FROM sel_stances s JOIN attributions v ON v.id = s.reported_via_id)
          OR ac.id IN (SELECT ar.publisher_id FROM articles ar WHERE ar.id IN (SELECT id FROM n_articles))))`,
    );
    actorSet = 'SELECT id FROM n_actors';
    articleSet = 'SELECT id FROM n_articles';
    actorSource = 'actors ac WHERE ac.id IN (SELECT id FROM n_actors)';
    articleSource = 'articles ar WHERE ar.id IN (SELECT id FROM n_articles)';
  }
  // An actor appeared at its first stance or publication. Around a start, looked up per actor
  // (a few); for a whole export, one grouped pass over the stances and articles, joined in: per
  // actor lookups are a million random reads at a million stances.
  const actorTimes = selection.start
    ? {
        stance: `(SELECT min(${STANCE_TIME('x', 'xa')}) FROM attributions x
                  JOIN passages xp ON xp.id = x.passage_id JOIN articles xa ON xa.id = xp.article_id
                  WHERE x.actor_id = ac.id AND ${stanceLive('x')})`,
        published: `(SELECT min(coalesce(pa.published_at, pa.created_at)) FROM articles pa
                     WHERE pa.publisher_id = ac.id AND ${articleLive('pa')})`,
        from: (source: string) => source,
      }
    : {
        stance: 'st.at',
        published: 'pt.at',
        from: (source: string) => {
          const [table, condition] = source.split(' WHERE ');
          return `${table} LEFT JOIN actor_stance_times st ON st.actor_id = ac.id
                  LEFT JOIN actor_publication_times pt ON pt.publisher_id = ac.id
                  WHERE ${condition}`;
        },
      };
  if (!selection.start) {
    ctes.push(
      `actor_stance_times AS (
        SELECT x.actor_id, min(${STANCE_TIME('x', 'xa')}) AS at FROM attributions x
        JOIN passages xp ON xp.id = x.passage_id JOIN articles xa ON xa.id = xp.article_id
        WHERE ${stanceLive('x')}${narrowed ? ' AND x.actor_id IN (SELECT id FROM n_actors)' : ''}
        GROUP BY x.actor_id)`,
      `actor_publication_times AS (
        SELECT pa.publisher_id, min(coalesce(pa.published_at, pa.created_at)) AS at FROM articles pa
        WHERE pa.publisher_id IS NOT NULL AND ${articleLive('pa')} GROUP BY pa.publisher_id)`,
    );
  }
  const where = (source: string, condition: string) =>
    `${source}${source.includes(' WHERE ') ? ' AND' : ' WHERE'} ${condition}`;
  const within = (column: string, set: string | null) => (set ? ` AND ${column} IN (${set})` : '');
  ctes.push(
    `stance_edges AS NOT MATERIALIZED (
      SELECT a.* FROM sel_stances a WHERE TRUE${within('a.actor_id', actorSet)}${within('a.claim_id', claimSet)})`,
  );
  const WITH = `WITH RECURSIVE ${ctes.join(',\n')}`;

  const nodeSelect = `
  SELECT 'CLAIM' AS type, ${G('Claim', 'c.id')} AS id, ${depthOf('n')} AS depth, c.text AS label,
         c.status::text AS status, c.tags, ${ISO('c.first_seen_at')} AS "firstSeenAt", c.language,
         NULL::text AS kind, NULL::text[] AS aliases, NULL::text AS "wikidataId", NULL::text AS url,
         NULL::text AS publisher, NULL::text AS "publishedAt",
         ${ISO('c.first_seen_at')} AS "appearedAt",
         CASE WHEN c.current_status = 'RETRACTED' THEN ${ISO(
           ENDED(
             'c.first_seen_at',
             `(SELECT max(s.at) FROM status_changes s WHERE s.claim_id = c.id AND s.to_status = 'RETRACTED')`,
           ),
         )} END AS "endedAt",
         (SELECT json_agg(json_build_object('status', h.status, 'start', ${ISO('h.start')}) ORDER BY h.n)
          FROM (SELECT 0 AS n, coalesce((SELECT s.from_status FROM status_changes s WHERE s.claim_id = c.id
                                         ORDER BY s.at, s.version LIMIT 1), c.current_status) AS status,
                       c.first_seen_at AS start
                UNION ALL
                SELECT row_number() OVER (ORDER BY s.at, s.version), s.to_status, s.at
                FROM status_changes s WHERE s.claim_id = c.id) h) AS "statusSpells"
  FROM ${claimSource}
  UNION ALL
  SELECT 'ACTOR', ${G('Actor', 'ac.id')}, ${depthOf('n')}, ac.name, NULL, NULL, NULL, NULL,
         ac.kind::text, ac.aliases, ac.wikidata_id, NULL, NULL, NULL,
         ${ISO(`least(ac.created_at, ${actorTimes.stance}, ${actorTimes.published})`)},
         NULL, NULL
  FROM ${actorTimes.from(actorSource)}
  UNION ALL
  SELECT 'ARTICLE', ${G('Article', 'ar.id')}, ${depthOf('n')}, ar.title, NULL, NULL, NULL, ar.language,
         NULL, NULL, NULL, ar.url, (SELECT pb.name FROM actors pb WHERE pb.id = ar.publisher_id),
         ${ISO('ar.published_at')}, ${ISO('coalesce(ar.published_at, ar.created_at)')},
         (SELECT ${ISO(ENDED('coalesce(ar.published_at, ar.created_at)', 'nv.created_at'))}
          FROM articles nv WHERE nv.previous_version_id = ar.id),
         NULL
  FROM ${articleSource}`;

  const edgeSelect = `
  SELECT 'STANCE' AS type, ${G('Attribution', 'a.id')} AS id, ${G('Actor', 'a.actor_id')} AS source,
         ${G('Claim', 'a.claim_id')} AS target, a.stance::text AS stance, NULL::text AS relation,
         ${ISO('a.stated_at')} AS "statedAt", a.confidence, ${G('Article', 'p.article_id')} AS article,
         ${G('Passage', 'a.passage_id')} AS passage, p.exact, p.prefix, p.suffix,
         strpos(substr(lx.text, strpos(lx.text, lx.exact) + 1), lx.exact) > 0 AS ambiguous,
         ar.url AS "articleUrl", ar.title AS "articleTitle", pb.name AS publisher,
         CASE WHEN a.reported_via_id IS NOT NULL THEN
           (SELECT ${G('Actor', 'v.actor_id')} FROM attributions v WHERE v.id = a.reported_via_id) END
           AS "reportedVia",
         CASE WHEN a.reported_via_id IS NOT NULL THEN ${G('Attribution', 'a.reported_via_id')} END
           AS "relayOf",
         CASE WHEN a.reported_via_id IS NULL THEN 0 ELSE (
           WITH RECURSIVE up(id, hop) AS (
             SELECT a.reported_via_id, 1
             UNION ALL
             SELECT v.reported_via_id, up.hop + 1 FROM up JOIN attributions v ON v.id = up.id
             WHERE v.reported_via_id IS NOT NULL AND up.hop < ${MAX_RELAY_HOPS})
           SELECT max(hop) FROM up) END AS hop,
         ${ISO(STANCE_TIME('a', 'ar'))} AS "appearedAt",
         ${ISO(ENDED(STANCE_TIME('a', 'ar'), 'a.removed_at'))} AS "endedAt"
  FROM stance_edges a JOIN passages p ON p.id = a.passage_id JOIN articles ar ON ar.id = p.article_id
  LEFT JOIN actors pb ON pb.id = ar.publisher_id
  -- a browser finds a text fragment's words case-insensitively: whether they recur is asked so too
  CROSS JOIN LATERAL (SELECT lower(ar.text) AS text, lower(p.exact) AS exact) lx
  UNION ALL
  SELECT 'REPORTED_VIA', 'reportedVia:' || ${G('Attribution', 'a.id')}, ${G('Actor', 'a.actor_id')},
         ${G('Actor', 'v.actor_id')}, NULL, NULL, ${ISO('a.stated_at')}, NULL, ${G('Article', 'ar.article_id')},
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${G('Attribution', 'v.id')}, NULL,
         ${ISO(STANCE_TIME('a', 'ar'))}, ${ISO(ENDED(STANCE_TIME('a', 'ar'), 'a.removed_at'))}
  FROM stance_edges a JOIN attributions v ON v.id = a.reported_via_id
  CROSS JOIN LATERAL (SELECT p.article_id, x.published_at FROM passages p
                      JOIN articles x ON x.id = p.article_id WHERE p.id = a.passage_id OFFSET 0) ar
  WHERE TRUE${within('v.actor_id', actorSet)}
  UNION ALL
  SELECT 'RELATION', 'relation:' || cr.id::text, ${G('Claim', 'cr.from_claim_id')},
         ${G('Claim', 'cr.to_claim_id')}, NULL, cr.relation::text, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${ISO('cr.created_at')}, NULL
  FROM sel_relations cr
  WHERE TRUE${within('cr.from_claim_id', claimSet)}${within('cr.to_claim_id', claimSet)}
  UNION ALL
  SELECT 'PUBLISHED_BY', 'publishedBy:' || ${G('Article', 'ar.id')}, ${G('Article', 'ar.id')},
         ${G('Actor', 'ar.publisher_id')}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, ${ISO('coalesce(ar.published_at, ar.created_at)')}, NULL
  FROM ${where(articleSource, `ar.publisher_id IN (${actorSet ?? `SELECT pb.id FROM actors pb WHERE ${actorLive('pb')}`})`)}
  UNION ALL
  SELECT 'AFFILIATED_WITH', 'affiliatedWith:' || ${G('Actor', 'ac.id')}, ${G('Actor', 'ac.id')},
         ${G('Actor', 'ac.affiliation_id')}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  FROM ${where(actorSource, `ac.affiliation_id IN (${actorSet ?? `SELECT af.id FROM actors af WHERE ${actorLive('af')}`})`)}
  UNION ALL
  SELECT 'APPEARS_IN', 'appearsIn:' || ap.claim_id::text || ':' || ap.article_id::text,
         ${G('Claim', 'ap.claim_id')}, ${G('Article', 'ap.article_id')}, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${ISO('ap.at')}, NULL
  FROM (SELECT a.claim_id, p.article_id, min(${STANCE_TIME('a', 'ar')}) AS at
        FROM stance_edges a JOIN passages p ON p.id = a.passage_id JOIN articles ar ON ar.id = p.article_id
        WHERE TRUE${within('p.article_id', articleSet)}
        GROUP BY a.claim_id, p.article_id) ap`;
  return {
    nodes: `${WITH}${nodeSelect}`,
    edges: `${WITH}${edgeSelect}`,
    both: `${WITH}
  SELECT coalesce((SELECT json_agg(x) FROM (${nodeSelect}) x), '[]'::json) AS nodes,
         coalesce((SELECT json_agg(x) FROM (${edgeSelect}) x), '[]'::json) AS edges`,
    params,
  };
}
