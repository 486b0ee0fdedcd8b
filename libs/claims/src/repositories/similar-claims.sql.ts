import { SIMILARITY } from '@claimtrace/core';

/**
 * The score of a claim against a text, as SQL over `c.text` (the claim), `$1` (the text) and
 * `cfg` (the text-search configuration of the pair's language): one third
 * - the trigram similarity of the two texts, lower-cased and unaccented (punctuation, spacing and
 *   word order barely count), and two thirds
 * - the Jaccard index of their stemmed words without stop words (inflections and reordering do
 *   not count; a different number, name or negation weighs a whole word).
 */
const SCORE = `(similarity(claimtrace_unaccent(lower(c.text)), q.folded)
  + 2 * coalesce((SELECT count(*) FROM (SELECT unnest(w.a) INTERSECT SELECT unnest(w.b)) i)::float8
      / nullif((SELECT count(*) FROM (SELECT unnest(w.a) UNION SELECT unnest(w.b)) u), 0), 0)) / 3`;

/**
 * Claims like a text, best first, with parameters $1 (the text), $2 (its language or NULL),
 * $3 (anyWordQuery of the text, or NULL), $4 (the lowest score) and $5 (how many).
 *
 * Candidates come from two bounded layers (each at most SIMILARITY.candidates rows): trigram
 * similarity over the claims' trigram index, and any shared word over the full-text index. Each
 * candidate is then scored exactly. A claim in another language than $2 is left out (a claim or a
 * text of unknown language matches any).
 */
export function similarClaimsSql(columns: string): string {
  return `WITH q AS MATERIALIZED (SELECT claimtrace_unaccent(lower($1::text)) AS folded),
  candidates AS (
    (SELECT c.id FROM claims c, q
     WHERE c.merged_into_id IS NULL AND claimtrace_unaccent(lower(c.text)) % q.folded
     LIMIT ${SIMILARITY.candidates})
    UNION
    (SELECT c.id FROM claims c
     WHERE $3::text IS NOT NULL AND c.merged_into_id IS NULL
       AND c.search_vector @@ to_tsquery('simple', $3::text)
     LIMIT ${SIMILARITY.candidates}))
  SELECT ${columns}, s.score FROM candidates k
  JOIN claims c ON c.id = k.id
  CROSS JOIN q
  CROSS JOIN LATERAL (SELECT claimtrace_ts_config(coalesce($2::text, c.language)) AS cfg) l
  CROSS JOIN LATERAL (
    SELECT tsvector_to_array(to_tsvector(l.cfg, claimtrace_unaccent($1::text))) AS a,
           tsvector_to_array(to_tsvector(l.cfg, claimtrace_unaccent(c.text))) AS b) w
  CROSS JOIN LATERAL (SELECT (${SCORE})::float8 AS score) s
  WHERE ($2::text IS NULL OR c.language IS NULL
         OR lower(split_part(c.language, '-', 1)) = lower(split_part($2::text, '-', 1)))
    AND s.score >= $4::float8
  ORDER BY s.score DESC, c.id
  LIMIT $5::int`;
}
