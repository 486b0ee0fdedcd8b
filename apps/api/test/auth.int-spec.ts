import { GraphQLSchemaHost } from '@nestjs/graphql';
import { TokensService } from '@claimtrace/auth';
import { toGlobalId } from '@claimtrace/core';
import { everyMutation, MutationCall } from './support/schema-inputs';
import { startTestApp, TestApp } from './test-app';

// Access control end to end: every mutation of the schema (walked, so a new one without a role is
// caught) refuses anonymous, bad, revoked, expired and too-weak tokens, writing nothing; writes
// record their principal; reads are public unless READS_REQUIRE_TOKEN.

const TABLES = [
  'actors',
  'articles',
  'passages',
  'claims',
  'attributions',
  'status_changes',
  'claim_relations',
  'reviews',
  'claim_events',
  'people',
  'notes',
  'checklist_ticks',
];

/** The least role each mutation needs; a mutation missing here fails the test. */
const REQUIRED: Record<string, 'EDITOR' | 'ADMIN'> = {
  addReview: 'EDITOR',
  attributeClaim: 'EDITOR',
  changeClaimStatus: 'EDITOR',
  createActor: 'EDITOR',
  createClaim: 'EDITOR',
  createPerson: 'ADMIN',
  assignClaim: 'EDITOR',
  setChecklistItem: 'EDITOR',
  addNote: 'EDITOR',
  updateNote: 'EDITOR',
  removeNote: 'EDITOR',
  ingestArticle: 'EDITOR',
  linkClaims: 'EDITOR',
  mergeActors: 'ADMIN',
  mergeClaims: 'ADMIN',
  removeAttribution: 'EDITOR',
  retractReview: 'EDITOR',
  resolveSourceChange: 'EDITOR',
  updateActor: 'EDITOR',
  updateClaim: 'EDITOR',
  updateReview: 'EDITOR',
};

const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id version } }`;
const CHANGE_STATUS = `mutation ($i: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $i) { status version statusHistory { by from to } } }`;

describe('access control', () => {
  let t: TestApp;
  let mutations: MutationCall[];
  const tokens: Record<string, string> = {};

  const counts = async () =>
    Object.fromEntries(await Promise.all(TABLES.map(async (n) => [n, await t.count(n)])));

  beforeAll(async () => {
    t = await startTestApp();
    mutations = everyMutation(t.app.get(GraphQLSchemaHost).schema);
    tokens.viewer = await t.token('VIEWER', 'viewer');
    tokens.editor = await t.token('EDITOR', 'editor');
    tokens.admin = t.adminToken;
    tokens.revoked = await t.token('EDITOR', 'revoked');
    await t.app.get(TokensService).revoke('revoked');
    tokens.expired = await t.token('EDITOR', 'expired', new Date(Date.now() + 1_000));
    await t.db.query(
      `UPDATE api_principals SET expires_at = now() - interval '1 hour' WHERE name = 'expired'`,
    );
  });
  afterAll(() => t.close());

  it('knows the role of every mutation in the schema (a new one must be added here)', () => {
    expect(mutations.map((m) => m.name).sort()).toEqual(Object.keys(REQUIRED).sort());
  });

  const refusals: [string, () => string | null, string, RegExp][] = [
    ['no token', () => null, 'UNAUTHENTICATED', /needs a token with role/],
    ['a malformed token', () => 'not-a-token', 'UNAUTHENTICATED', /not a Claimtrace token/],
    ['an unknown token', () => `ct_${'A'.repeat(43)}`, 'UNAUTHENTICATED', /unknown/],
    ['a revoked token', () => tokens.revoked, 'UNAUTHENTICATED', /revoked/],
    ['an expired token', () => tokens.expired, 'UNAUTHENTICATED', /expired/],
    ['a VIEWER token', () => tokens.viewer, 'FORBIDDEN', /has role VIEWER/],
  ];

  it.each(refusals)(
    'refuses every mutation with %s, writing nothing',
    async (_what, token, code, message) => {
      const before = await counts();
      for (const mutation of mutations) {
        const result = await t.gqlAs(token(), mutation.query, mutation.variables);
        expect({ mutation: mutation.name, code: result.errors?.[0]?.extensions.code }).toEqual({
          mutation: mutation.name,
          code,
        });
        expect(result.errors?.[0].message).toMatch(message);
        expect(result.data?.[mutation.name] ?? null).toBeNull();
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses merges to an EDITOR token (they need ADMIN), writing nothing', async () => {
    const before = await counts();
    for (const mutation of mutations.filter((m) => REQUIRED[m.name] === 'ADMIN')) {
      const result = await t.gqlAs(tokens.editor, mutation.query, mutation.variables);
      expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toMatch(/has role EDITOR; this needs ADMIN/);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets an EDITOR token through the guard of every EDITOR mutation', async () => {
    for (const mutation of mutations.filter((m) => REQUIRED[m.name] === 'EDITOR')) {
      const result = await t.gqlAs(tokens.editor, mutation.query, mutation.variables);
      const code = result.errors?.[0]?.extensions.code;
      expect({
        mutation: mutation.name,
        refused: code === 'FORBIDDEN' || code === 'UNAUTHENTICATED',
      }).toEqual({ mutation: mutation.name, refused: false });
    }
  });

  it('records the principal of every write (StatusChange.by, ClaimEvent.by)', async () => {
    const created = await t.gqlAs<{ createClaim: { id: string; version: number } }>(
      tokens.editor,
      CREATE_CLAIM,
      { i: { text: 'Who wrote this claim is on record.' } },
    );
    const claim = created.data!.createClaim;
    const changed = await t.gqlAs<{ changeClaimStatus: { statusHistory: { by: string }[] } }>(
      tokens.admin,
      CHANGE_STATUS,
      {
        i: {
          claimId: claim.id,
          status: 'CONTESTED',
          rationale: 'A denial was published.',
          expectedVersion: claim.version,
        },
      },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changeClaimStatus.statusHistory.map((h) => h.by)).toContain('test-admin');
    const events = await t.db.query<{ by: string | null; kind: string }>(
      `SELECT by, kind FROM claim_events ORDER BY id`,
    );
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((e) => e.by === 'editor' || e.by === 'test-admin')).toBe(true);
    expect(events.map((e) => e.by)).toEqual(expect.arrayContaining(['editor', 'test-admin']));
  });

  it('serves reads without a token by default, but refuses a bad token even on a read', async () => {
    const open = await t.gqlAs(null, `{ claims(first: 1) { totalCount } }`);
    expect(open.errors).toBeUndefined();
    const bad = await t.gqlAs(tokens.revoked, `{ claims(first: 1) { totalCount } }`);
    expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad token on the HTTP exports too, and serves them without one', async () => {
    const url = '/exports/graph?format=csv&table=nodes';
    const bad = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer ct_not-a-real-token' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('refuses a bad download ticket even where reads are public', async () => {
    const forged = `/exports/graph?format=json&ticket=00000000-0000-4000-8000-000000000000.9999999999.${'a'.repeat(43)}`;
    const refused = await t.app.inject({ method: 'GET', url: forged });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('marks a token used', async () => {
    const [row] = await t.db.query<{ used: Date | null }>(
      `SELECT last_used_at AS used FROM api_principals WHERE name = 'editor'`,
    );
    expect(row.used).not.toBeNull();
  });

  it('stores only a SHA-256 hash, never the token', async () => {
    const rows = await t.db.query<{ token_hash: string }>(`SELECT token_hash FROM api_principals`);
    for (const { token_hash } of rows) {
      expect(token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.values(tokens)).not.toContain(token_hash);
    }
  });
});

describe('access control with READS_REQUIRE_TOKEN=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ READS_REQUIRE_TOKEN: 'true' });
  });
  afterAll(() => t.close());

  it('refuses an anonymous read and serves a VIEWER', async () => {
    const query = `{ claims(first: 1) { totalCount } }`;
    const anonymous = await t.gqlAs(null, query);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.claims ?? null).toBeNull();
    const node = await t.gqlAs(null, `{ node(id: "x") { id } }`);
    expect(node.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const viewer = await t.gqlAs(await t.token('VIEWER'), query);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data?.claims.totalCount).toBe(0);
  });

  it('guards the HTTP exports like GraphQL reads: 401 without a token, 200 for a VIEWER', async () => {
    const urls = ['/exports/graph?format=json', '/exports/claimreviews.jsonl'];
    for (const url of urls) {
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer');
      expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(anonymous.json().message).toContain('Authorization: Bearer');
    }
    const viewer = await t.app.inject({
      method: 'GET',
      url: urls[0],
      headers: { authorization: `Bearer ${await t.token('VIEWER')}` },
    });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json()).toMatchObject({ nodes: [], edges: [] });
  });

  it('gives a token holder a download link that streams without a header, for that export only', async () => {
    const viewer = await t.token('VIEWER', 'link-viewer');
    const asked = await t.app.inject({
      method: 'POST',
      url: '/exports/links',
      headers: { authorization: `Bearer ${viewer}` },
      payload: { path: '/exports/graph?format=csv&table=nodes' },
    });
    expect(asked.statusCode).toBe(201);
    const { url, expiresAt } = asked.json<{ url: string; expiresAt: string }>();
    expect(url).toMatch(/^\/exports\/graph\?format=csv&table=nodes&ticket=/);
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(4);
    expect(minutes).toBeLessThanOrEqual(5);

    const download = await t.app.inject({ method: 'GET', url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('.csv');
    expect(download.body.split('\n')[0]).toContain('id');

    const ticket = new URL(url, 'http://x').searchParams.get('ticket');
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: `/exports/graph?format=json&ticket=${ticket}`,
    });
    expect(elsewhere.statusCode).toBe(401);
    expect(elsewhere.json().message).toContain('not valid for this address');

    const tampered = await t.app.inject({ method: 'GET', url: url.replace(/\.(\d+)\./, '.9$1.') });
    expect(tampered.statusCode).toBe(401);

    const later = new Date(Date.now() + 6 * 60_000);
    await expect(t.app.get(TokensService).fromRequest(url, undefined, later)).rejects.toThrow(
      /download link expired at .*ask for a new one/,
    );

    await t.app.get(TokensService).revoke('link-viewer');
    const revoked = await t.app.inject({ method: 'GET', url });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().message).toContain('revoked');
  });

  it('refuses a download link to anonymous callers and to addresses that are not exports', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/exports/links',
      payload: { path: '/exports/graph?format=json' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });

    const viewer = await t.token('VIEWER', 'link-asker');
    for (const payload of [
      { path: '/graphql' },
      { path: 42 },
      {},
      { path: 'https://evil.example/exports/graph' },
      { path: '//evil.example/exports/graph' },
      { path: '/claims/\\..\\..\\\\evil.example\\x/claimreview.jsonld' },
      { path: '/articles/..%2f..%2fexports%2fgraph/annotations.jsonld' },
      { path: '/claims/a/../b/claimreview.jsonld' },
    ]) {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/exports/links',
        headers: { authorization: `Bearer ${viewer}` },
        payload,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(refused.json().message).toContain('/exports/graph');
    }
  });

  it("checks a graph export link's parameters before signing it, and refuses repeated ones", async () => {
    const viewer = await t.token('VIEWER', 'link-params');
    const ask = (path: string) =>
      t.app.inject({
        method: 'POST',
        url: '/exports/links',
        headers: { authorization: `Bearer ${viewer}` },
        payload: { path },
      });
    for (const path of ['/exports/graph?format=bogus', '/exports/graph?format=json&format=csv']) {
      const refused = await ask(path);
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    const repeated = await t.app.inject({
      method: 'GET',
      url: '/exports/graph?format=json&format=csv',
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(repeated.json().message).toContain('Give `format` once');
  });

  it('answers a body that is not JSON with a 400 that has a code', async () => {
    const viewer = await t.token('VIEWER', 'link-body');
    for (const payload of ['{"path": ', '']) {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/exports/links',
        headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' },
        payload,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('opens only the claim a ticket was signed for, answers HEAD without running it', async () => {
    const viewer = await t.token('VIEWER', 'link-claims');
    const claimA = toGlobalId('Claim', '00000000-0000-4000-8000-00000000000a');
    const claimB = toGlobalId('Claim', '00000000-0000-4000-8000-00000000000b');
    const asked = await t.app.inject({
      method: 'POST',
      url: '/exports/links',
      headers: { authorization: `Bearer ${viewer}` },
      payload: { path: `/claims/${claimA}/claimreview.jsonld` },
    });
    expect(asked.statusCode).toBe(201);
    const { url } = asked.json<{ url: string }>();
    // signed for A, an unknown claim: 404, i.e. past the access check
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    const other = await t.app.inject({ method: 'GET', url: url.replace(claimA, claimB) });
    expect(other.statusCode).toBe(401);

    const graph = await t.app.inject({
      method: 'POST',
      url: '/exports/links',
      headers: { authorization: `Bearer ${viewer}` },
      payload: { path: '/exports/graph?format=graphml' },
    });
    const head = await t.app.inject({ method: 'HEAD', url: graph.json<{ url: string }>().url });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });
});
