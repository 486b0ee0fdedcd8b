import { textQuerySql } from '@claimtrace/core';

/**
 * The most rows ranked per table and layer. A common word can match most of a large table; ranking
 * every match would make a search as slow as the table is large. So each table gives at most this
 * many rows matching the exact (stemmed or unstemmed) layers and this many matching the prefix
 * layer, in table order, and only those are ranked. On a small database that is every match; on a
 * large one a common word ranks the first matches found, not all.
 */
export const CANDIDATES = 500;

/**
 * Rows of a table a layer reads in order before it asks the GIN index. A GIN index answers only
 * with a bitmap of every match: for a word in half of a million passages that is half a million
 * row ids (~50 ms) to keep the first 500. A word that common fills its candidates from the first
 * few thousand rows, so the probe answers it for the price of reading them (~3 ms); a rarer word
 * leaves the probe short and the index finds its matches, few enough to be cheap.
 */
export const PROBE_ROWS = 5_000;

/**
 * Passages rank at 0.8 of a claim with the same score: a claim is the neutral statement a
 * fact-checker looks for, its passages are the evidence, and the evidence usually repeats it.
 */
export const PASSAGE_WEIGHT = 0.8;

/**
 * Articles rank at half a claim with the same score: an article holds every word of its story,
 * so it matches most searches about it; the claims and passages in it are what is looked for.
 */
export const ARTICLE_WEIGHT = 0.5;

/** What a hit is: the `kind` of a row, and the values of `types` (lower case). */
export type SearchKind = 'claim' | 'passage' | 'article' | 'actor';

interface Table {
  kind: SearchKind;
  /** a table, or a subquery with `id` and `search_vector` columns */
  name: string;
  alias: string;
  /** the condition on rows that may be found at all, given the table's alias */
  live: (alias: string) => string;
  /** multiplies the rank (see PASSAGE_WEIGHT) */
  weight: number;
}

/**
 * Whether an article version is one a newer one replaced (a correction): its words are found in
 * the newest, so by default its passages and the version itself are left out; `includeSuperseded`
 * finds every version.
 */
const superseded = (articleId: string) =>
  `EXISTS (SELECT 1 FROM articles newer WHERE newer.previous_version_id = ${articleId})`;

const tables = (includeSuperseded: boolean): Table[] => [
  {
    kind: 'claim',
    name: 'claims',
    alias: 'c',
    live: (c) => `${c}.merged_into_id IS NULL`,
    weight: 1,
  },
  {
    kind: 'passage',
    name: 'passages',
    alias: 'p',
    live: (p) => (includeSuperseded ? 'true' : `NOT ${superseded(`${p}.article_id`)}`),
    weight: PASSAGE_WEIGHT,
  },
  {
    kind: 'article',
    name: 'articles',
    alias: 'ar',
    live: (ar) => (includeSuperseded ? 'true' : `NOT ${superseded(`${ar}.id`)}`),
    weight: ARTICLE_WEIGHT,
  },
  {
    // names and aliases, unstemmed and unaccented; few enough rows to read without an index
    kind: 'actor',
    name: `(SELECT id, merged_into_id, to_tsvector('simple'::regconfig,
              claimtrace_unaccent(name || ' ' || array_to_string(aliases, ' '))) AS search_vector
            FROM actors)`,
    alias: 'ac',
    live: (ac) => `${ac}.merged_into_id IS NULL`,
    weight: 1,
  },
];

/**
 * The search, with parameters $1 (what was typed, for websearch_to_tsquery), $2 (the prefix
 * tsquery, or NULL), $3 (how many hits) and $4 (the kinds to find, a text[] of SearchKind): rows
 * `{ kind, score, record }`, best first.
 *
 * Per table, two layers: exact (stemmed English, stemmed Spanish, unaccented words) and prefix.
 * Each layer is a probe of the first PROBE_ROWS rows in table order (the repository turns off
 * synchronised scans, so that is always the same rows); when the probe found fewer than
 * CANDIDATES, the GIN index answers instead (its matches include the probe's). The prefix layer
 * runs only when the exact one found fewer than CANDIDATES rows: the exact candidates are then
 * already a capped sample of the matches, and the prefix-only rows rank a third as high (a short
 * prefix-only row can still outrank a long exact one, which is why the prefix layer is not skipped
 * sooner). Candidates are ranked where they are
 * found (exact layers weigh fully, prefix matches a third; normalisation 1 divides by
 * 1 + log(length), so that neither short claims nor long passages crowd out the other), a row
 * found twice keeps one score, and only the best `$3` become records. A kind not in $4 is not
 * searched at all; passages and articles of a version that a newer one replaced are left out
 * (a text is found once, in its newest version) unless `includeSuperseded`.
 */
export function searchSql(includeSuperseded = false): string {
  const TABLES = tables(includeSuperseded);
  const q = textQuerySql('$1', '$2');
  const rank = (vector: string) =>
    `(ts_rank(${vector}, ${q.exact}, 1) + ts_rank(${vector}, ${q.fuzzy}, 1) / 3)`;
  const full = (cte: string) => `(SELECT count(*) FROM ${cte}) >= ${CANDIDATES}`;

  /** CTEs `<name>_probe` and `<name>` for one layer; `unless`: a CTE that makes it unnecessary. */
  const layer = (table: Table, name: string, tsquery: string, unless?: string) => {
    const t = table.alias;
    const wanted = `$4::text[] @> ARRAY['${table.kind}'] AND `;
    const skip = wanted + (unless ? `NOT ${full(unless)} AND ` : '');
    const ranked = `SELECT ${t}.id, ${rank(`${t}.search_vector`)} AS score`;
    return `${name}_probe AS MATERIALIZED (
         ${ranked}
         FROM (SELECT * FROM ${table.name} ${t} LIMIT ${PROBE_ROWS}) ${t}
         WHERE ${skip}${table.live(t)} AND ${t}.search_vector @@ ${tsquery}
         LIMIT ${CANDIDATES}),
       ${name} AS MATERIALIZED (
         SELECT * FROM ${name}_probe WHERE ${full(`${name}_probe`)}
         UNION ALL
         (${ranked} FROM ${table.name} ${t}
          WHERE ${skip}NOT ${full(`${name}_probe`)} AND ${table.live(t)}
            AND ${t}.search_vector @@ ${tsquery}
          LIMIT ${CANDIDATES}))`;
  };
  const layers = TABLES.flatMap((table) => [
    layer(table, `${table.kind}_exact`, q.exact),
    layer(table, `${table.kind}_prefix`, q.fuzzy, `${table.kind}_exact`),
  ]);
  const hits = TABLES.map(
    (table) =>
      `SELECT '${table.kind}' AS kind, id, (max(score) * ${table.weight})::float8 AS score FROM (
         SELECT * FROM ${table.kind}_exact UNION ALL SELECT * FROM ${table.kind}_prefix) ${table.kind}_hits
       GROUP BY id`,
  );
  return `WITH ${layers.join(',\n       ')},
       best AS (
         SELECT kind, id, score FROM (${hits.join('\n UNION ALL ')}) hits
         ORDER BY score DESC, kind, id
         LIMIT $3)
     SELECT b.kind, b.score,
            CASE b.kind WHEN 'claim' THEN
              (SELECT json_build_object('id', c.id, 'text', c.text, 'status', c.status,
                 'version', c.version, 'tags', c.tags, 'language', c.language,
                 'firstSeenAt', c.first_seen_at, 'mergedIntoId', c.merged_into_id,
                 'createdAt', c.created_at, 'updatedAt', c.updated_at)
               FROM claims c WHERE c.id = b.id)
            WHEN 'passage' THEN
              (SELECT json_build_object('id', p.id, 'articleId', p.article_id, 'start', p.start,
                 'end', p."end", 'exact', p.exact, 'prefix', p.prefix, 'suffix', p.suffix)
               FROM passages p WHERE p.id = b.id)
            ELSE json_build_object('id', b.id)
            END AS record
     FROM best b
     ORDER BY b.score DESC, b.kind, b.id`;
}
