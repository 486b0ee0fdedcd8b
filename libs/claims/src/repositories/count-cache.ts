/**
 * `totalCount` of a claims page, exact and without counting every matching claim on every page.
 *
 * The count of a filter is kept per instance with the PostgreSQL snapshot it was true in. The page's
 * statement answers the kept count, unchanged, when no transaction that wrote the event log has
 * committed since that snapshot, and counts again otherwise (the count is an InitPlan in the other
 * branch of a CASE: it runs only when that branch is taken). Every change to claims and
 * attributions appends to the event log in its own transaction (libs/events), so a committed
 * change is an event whose transaction the kept snapshot does not see: the check finds it through
 * the (tx_id, id) index, from the snapshot's xmin on. The check runs in the page's own statement,
 * on the database, so a write acknowledged by any instance reaches every instance's next page.
 * Each answer refreshes the kept snapshot, which keeps that index range short.
 */
export interface KeptCount {
  count: number;
  /** `pg_current_snapshot()` of the statement that counted or confirmed it, as text */
  snapshot: string;
}

/** At most this many filters are kept; the oldest is dropped first. */
const MAX_KEPT = 500;

export class CountCache {
  private readonly kept = new Map<string, KeptCount>();

  get(key: string): KeptCount | undefined {
    return this.kept.get(key);
  }

  set(key: string, value: KeptCount): void {
    this.kept.delete(key);
    this.kept.set(key, value);
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
  }
}

/**
 * The `totalCount` column of a page's statement: the kept count (parameters `$count`, `$snapshot`)
 * when the event log shows no commit since its snapshot, else `countSql` run anew; with the
 * statement's snapshot beside it.
 */
export function keptCountColumns(countSql: string, count: string, snapshot: string): string {
  return `CASE WHEN ${snapshot}::text IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM claim_events e
      WHERE e.tx_id >= pg_snapshot_xmin(${snapshot}::text::pg_snapshot)
        AND NOT pg_visible_in_snapshot(e.tx_id, ${snapshot}::text::pg_snapshot))
    THEN ${count}::int ELSE (${countSql}) END AS "totalCount",
    pg_current_snapshot()::text AS "countSnapshot"`;
}
