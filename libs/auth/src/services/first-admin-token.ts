import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TokensService } from './tokens.service';

/**
 * The embedded quick start's first start: when no token exists yet, creates an ADMIN token named
 * `admin`, writes it to `file` readable only by its owner (0600) and says where. Answers the file,
 * or null when tokens already existed (nothing is created or overwritten).
 */
export async function ensureFirstAdminToken(
  tokens: TokensService,
  file: string,
  log: (line: string) => void,
): Promise<string | null> {
  if (await tokens.hasAny()) return null;
  const { token } = await tokens.create({ name: 'admin', role: 'ADMIN' });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // writeFileSync's mode does not apply to an existing file
  log(
    `first start: created an ADMIN token in ${file} (readable only by you); send it as "Authorization: Bearer <token>" and create others with \`claimtrace token create\``,
  );
  return file;
}
