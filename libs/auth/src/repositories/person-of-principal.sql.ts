/**
 * SQL for the person behind the principal named by the text expression `name` (the `by` every
 * write records): the person of the working token of that name (working tokens' names are unique,
 * see TokensService.create), else NULL (a write without a token: the CLI, the demo loader).
 * Exported for the statements of other features that record who made a change (the event log,
 * status changes), so that the person is fixed when the change commits.
 */
export function personOfPrincipalSql(name: string): string {
  return `(SELECT ap.person_id FROM api_principals ap
     WHERE ap.name = ${name} AND ap.revoked_at IS NULL
       AND (ap.expires_at IS NULL OR ap.expires_at > now())
     ORDER BY ap.created_at DESC LIMIT 1)`;
}
