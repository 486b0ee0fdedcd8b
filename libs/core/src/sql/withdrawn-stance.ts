/**
 * SQL: true when the attribution `alias` counts at `at` (an SQL timestamp expression; now when
 * null), i.e. it is not one that a correction of its article orphaned and no editor had resolved
 * by then (issue 15). The stance summary, the claim graph and its exports, and ClaimReview's author
 * and appearances leave such a withdrawn quote out until an editor confirms, re-anchors or
 * removes it.
 */
export function notWithdrawnSql(alias: string, at: string | null = null): string {
  const unresolved =
    at === null
      ? 'sc.resolved_at IS NULL'
      : `sc.at <= ${at} AND (sc.resolved_at IS NULL OR sc.resolved_at > ${at})`;
  return `NOT EXISTS (SELECT 1 FROM source_changes sc WHERE sc.attribution_id = ${alias}.id
    AND sc.status = 'ORPHANED' AND ${unresolved})`;
}
