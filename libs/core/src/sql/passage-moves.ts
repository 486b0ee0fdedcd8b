/**
 * SQL: the moves of attributions' passages, as a relation `(attribution_id, id, at, editor,
 * from_id, to_id, status, score, reason)` over the source changes (alias sc) that `where` keeps:
 * a correction's re-anchoring (EXACT or FUZZY: from the old passage to the one re-found, at the
 * correction) and an editor's REANCHOR (from wherever the attribution stood then, to the words
 * picked, at the resolution). An editor's move keeps the correction's before it: the attribution's
 * place in between stays known (`claim(asOf)`, `passageHistory`).
 */
export function passageMovesSql(where: string): string {
  return `(SELECT m.attribution_id, m.id, m.at, m.editor, m.to_id, m.status, m.score, m.reason,
      COALESCE(m.given_from,
               lag(m.to_id) OVER (PARTITION BY m.attribution_id ORDER BY m.at, m.editor, m.id),
               m.first_from) AS from_id
    FROM (
      SELECT sc.attribution_id, sc.id, sc.at, false AS editor, sc.from_passage_id AS given_from,
             sc.from_passage_id AS first_from, sc.to_passage_id AS to_id, sc.status, sc.score,
             sc.reason
      FROM source_changes sc WHERE (${where}) AND sc.to_passage_id IS NOT NULL
      UNION ALL
      SELECT sc.attribution_id, sc.id, sc.resolved_at, true, NULL, sc.from_passage_id,
             sc.moved_to_passage_id, sc.status, sc.score,
             coalesce('re-anchored by an editor: ' || sc.resolved_reason, 're-anchored by an editor')
      FROM source_changes sc WHERE (${where}) AND sc.resolution = 'REANCHOR'
    ) m)`;
}
