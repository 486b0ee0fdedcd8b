-- What the page needs beyond the tables, as SQL functions PostGraphile exposes (computed columns
-- and a root field), created in the bench's database only (bench/peers): the relay chain of an
-- attribution, the stance summary of a claim, and claims by tag.
CREATE FUNCTION attributions_chain(a attributions) RETURNS SETOF attributions
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE chain AS (
    SELECT a.*, 0 AS depth
    UNION ALL
    SELECT v.*, chain.depth + 1 FROM chain JOIN attributions v ON v.id = chain.reported_via_id
    WHERE chain.depth < 64)
  SELECT id, claim_id, actor_id, stance, passage_id, stated_at, reported_via_id, confidence,
         created_at, created_by, removed_at, removed_by, removed_reason
  FROM chain ORDER BY depth
$$;

CREATE FUNCTION claims_stance_summary(c claims) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'counts', coalesce((SELECT jsonb_agg(jsonb_build_object('stance', s.stance, 'count', s.n) ORDER BY s.stance)
                        FROM (SELECT a.stance, count(*)::int AS n FROM attributions a
                              WHERE a.claim_id = c.id AND a.removed_at IS NULL GROUP BY a.stance) s), '[]'),
    'distinctActors', (SELECT count(DISTINCT a.actor_id)::int FROM attributions a
                       WHERE a.claim_id = c.id AND a.removed_at IS NULL))
$$;

CREATE FUNCTION claims_tagged(tag text) RETURNS SETOF claims
LANGUAGE sql STABLE AS $$
  SELECT * FROM claims c WHERE c.tags @> ARRAY[tag] AND c.merged_into_id IS NULL
  ORDER BY c.first_seen_at DESC, c.id DESC
$$;
