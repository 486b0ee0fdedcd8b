import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '@claimtrace/database';
import { createTestDatabase } from '@claimtrace/testing';
import { loadConfig } from '@claimtrace/core';
import { PeopleRepository } from '../repositories/people.repository';
import { PrincipalsRepository } from '../repositories/principals.repository';
import { ensureFirstAdminToken } from './first-admin-token';
import { PeopleService } from './people.service';
import { TokensService } from './tokens.service';

describe('the first start of the embedded quick start', () => {
  let db: Database;
  let tokens: TokensService;
  beforeAll(async () => {
    db = new Database({ url: await createTestDatabase(), poolSize: 2 });
    const config = loadConfig({});
    tokens = new TokensService(
      new PrincipalsRepository(db),
      new PeopleService(new PeopleRepository(db), config),
    );
  });
  afterAll(() => db.close());

  it('creates an ADMIN token in a file only its owner can read, once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'claimtrace-admin-')), 'data', 'admin-token');
    const lines: string[] = [];
    expect(await ensureFirstAdminToken(tokens, file, (l) => lines.push(l))).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(await tokens.authenticate(token)).toMatchObject({ name: 'admin', role: 'ADMIN' });
    expect(lines.join('\n')).toContain(file);

    // A second start finds a token and neither creates another nor touches the file.
    expect(await ensureFirstAdminToken(tokens, file, () => undefined)).toBeNull();
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
    expect(await tokens.list()).toHaveLength(1);
  });
});
