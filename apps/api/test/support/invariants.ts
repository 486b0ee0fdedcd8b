import { Database } from '@claimtrace/database';

/**
 * The database invariants no sequence of requests may break; answers the violations found (empty
 * when all hold), each a sentence naming the rows.
 */
export async function invariantViolations(
  db: Database,
  options: { sequential?: boolean } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const rows = async (sql: string) => db.query<Record<string, unknown>>(sql);
  const report = (what: string, found: Record<string, unknown>[]) => {
    if (found.length) problems.push(`${what}: ${JSON.stringify(found.slice(0, 5))}`);
  };

  report(
    'orphan passages (no attribution, evidence or re-anchoring refers to them)',
    await rows(`SELECT p.id FROM passages p
      WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.passage_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM status_change_evidence e WHERE e.passage_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM reanchored_passages r
                         WHERE r.from_passage_id = p.id OR r.to_passage_id = p.id)`),
  );
  report(
    'passages whose span is not their article text',
    await rows(`SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id
      WHERE p.start < 0 OR p."end" <= p.start OR p."end" > char_length(a.text)
         OR substr(a.text, p.start + 1, p."end" - p.start) <> p.exact`),
  );
  report(
    'attribution chains with a cycle',
    await rows(`WITH RECURSIVE walk(start_id, id, depth, path, cycle) AS (
        SELECT a.id, a.reported_via_id, 1, ARRAY[a.id], false
          FROM attributions a WHERE a.reported_via_id IS NOT NULL
        UNION ALL
        SELECT w.start_id, a.reported_via_id, w.depth + 1, w.path || a.id, a.id = ANY(w.path)
          FROM walk w JOIN attributions a ON a.id = w.id
         WHERE NOT w.cycle AND a.reported_via_id IS NOT NULL AND w.depth < 1000)
      SELECT DISTINCT start_id FROM walk WHERE cycle OR id = start_id`),
  );
  report(
    'relays across claims or articles',
    await rows(`SELECT a.id FROM attributions a
      JOIN attributions via ON via.id = a.reported_via_id
      JOIN passages pa ON pa.id = a.passage_id JOIN passages pv ON pv.id = via.passage_id
      WHERE via.claim_id <> a.claim_id OR pa.article_id <> pv.article_id`),
  );
  report(
    'claims whose status is not where their history ends',
    await rows(`SELECT c.id, c.status, last.to_status FROM claims c
      JOIN LATERAL (SELECT to_status FROM status_changes s WHERE s.claim_id = c.id
                     ORDER BY s.version DESC LIMIT 1) last ON true
      WHERE last.to_status <> c.status`),
  );
  report(
    'status histories with a gap (a change not starting where the previous ended)',
    await rows(`SELECT id FROM (
        SELECT s.id, s.from_status,
               lag(s.to_status) OVER (PARTITION BY s.claim_id ORDER BY s.version) AS previous
          FROM status_changes s) h
      WHERE previous IS NOT NULL AND previous <> from_status`),
  );
  report(
    'claims whose version is behind their history',
    await rows(`SELECT c.id FROM claims c
      WHERE c.version < (SELECT coalesce(max(s.version), 0) FROM status_changes s WHERE s.claim_id = c.id)
         OR (SELECT count(*) FROM status_changes s WHERE s.claim_id = c.id)
            <> (SELECT count(DISTINCT s.version) FROM status_changes s WHERE s.claim_id = c.id)`),
  );
  report(
    'status changes without their event',
    await rows(`SELECT c.id FROM claims c
      WHERE (SELECT count(*) FROM status_changes s WHERE s.claim_id = c.id)
          > (SELECT count(*) FROM claim_events e WHERE e.claim_id = c.id AND e.kind = 'STATUS_CHANGED')`),
  );
  report(
    'events of a claim that does not exist',
    await rows(`SELECT e.id FROM claim_events e
      WHERE e.claim_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = e.claim_id)`),
  );
  // With one writer at a time, event ids follow time. (Concurrent transactions take `now()` when
  // they start and their id when they write, so there the two orders may differ.)
  if (!options.sequential) return problems;
  report(
    'event ids out of order with their time',
    await rows(`SELECT id FROM (
        SELECT id, at, lag(at) OVER (ORDER BY id) AS previous FROM claim_events) e
      WHERE previous IS NOT NULL AND at < previous`),
  );
  return problems;
}
