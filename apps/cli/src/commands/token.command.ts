import { Command, Option } from 'commander';
import { parseExpiry, PrincipalSummary, ROLES, TokensService } from '@claimtrace/auth';
import { toGlobalId, type PrincipalRole } from '@claimtrace/core';
import { withServices } from './with-services';

type Write = (text: string) => void;
interface TokenOptions {
  name: string;
  role: string;
  expiresIn: string;
  person?: string;
  json?: boolean;
}
const stdout: Write = (text) => process.stdout.write(text);

function status(principal: PrincipalSummary, now = new Date()): string {
  if (principal.revokedAt) return `revoked ${principal.revokedAt.toISOString()}`;
  if (principal.expiresAt && principal.expiresAt <= now) {
    return `expired ${principal.expiresAt.toISOString()}`;
  }
  return principal.expiresAt ? `expires ${principal.expiresAt.toISOString()}` : 'active';
}

/** `claimtrace token create|list|revoke`: API tokens, their roles and their revocation. */
export function tokenCommand(write: Write = stdout): Command {
  const token = new Command('token').description(
    'API tokens: create (shown once), list, revoke. Writes need EDITOR, merges and tokens ADMIN.',
  );
  token
    .command('create')
    .description('create a token; prints it once (only its SHA-256 hash is stored)')
    .requiredOption('--name <name>', 'who or what uses it; recorded as `by` on every write')
    .addOption(new Option('--role <role>', 'what it may do').choices([...ROLES]).default('EDITOR'))
    .option('--expires-in <when>', 'e.g. 90d, 12h, 30m, an ISO date, or never', 'never')
    .option(
      '--person <id-or-handle>',
      'whose token it is (see `person list`); without it, a person named like the token is added',
    )
    .option('--json', 'print {token, id, name, role, expiresAt, personId} as JSON')
    .action(async (options: TokenOptions) => {
      const expiresAt = parseExpiry(options.expiresIn);
      const created = await withServices(
        (app) =>
          app.get(TokensService).create({
            name: options.name,
            role: options.role as PrincipalRole,
            expiresAt,
            person: options.person ?? null,
          }),
        'initialises',
      );
      const { principal } = created;
      if (options.json) {
        write(
          `${JSON.stringify({ token: created.token, id: principal.id, name: principal.name, role: principal.role, expiresAt: principal.expiresAt, personId: toGlobalId('Person', principal.personId) })}\n`,
        );
        return;
      }
      write(
        [
          `Created ${principal.role} token "${principal.name}" (id ${principal.id}, ${status(principal)}).`,
          'Copy it now; it is not stored and cannot be shown again:',
          '',
          `  ${created.token}`,
          '',
          'Send it as: Authorization: Bearer <token>',
          '',
        ].join('\n'),
      );
    });
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }) => {
      const all = await withServices((app) => app.get(TokensService).list(), 'reads');
      for (const principal of all) {
        write(
          options.json
            ? `${JSON.stringify({ ...principal, status: status(principal) })}\n`
            : `${principal.id}  ${principal.role.padEnd(6)}  ${principal.name}  ${status(principal)}  last used ${principal.lastUsedAt?.toISOString() ?? 'never'}\n`,
        );
      }
      if (!options.json && all.length === 0) write('No tokens.\n');
    });
  token
    .command('revoke')
    .description('revoke a token by its id, or every working token of a name; effective at once')
    .argument('<id-or-name>')
    .action(async (idOrName: string) => {
      const revoked = await withServices((app) => app.get(TokensService).revoke(idOrName), 'reads');
      for (const principal of revoked) {
        write(`Revoked ${principal.role} token "${principal.name}" (id ${principal.id}).\n`);
      }
    });
  return token;
}
