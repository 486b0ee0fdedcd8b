import { hashToken, TokensService } from '@claimtrace/auth';
import { listen } from './live-client';
import { insertInterview } from './support/interview';
import { RawSocket, SocketAnswer } from './support/raw-socket';
import { GqlResult, startAppOn, startTestApp, TestApp } from './test-app';

// Every guard of an HTTP operation holds on graphql-ws too (docs/security.md, "Guards on every
// transport"): each hostile case below is sent over HTTP and over a socket, and both answers must
// be the same refusal, code and message.

/** 1 + 100 × (edges + node + id + attributions + 10 × 3) = 3,401: over QUERY_MAX_COST=1000. */
const COSTLY = `{ claims(first: 100) { edges { node { id attributions(first: 10) { edges { node { id } } } } } } }`;
const CREATE_CLAIM = `mutation($text: String!) { createClaim(input: { text: $text }) { id } }`;
const CLAIM_EVENTS = `subscription { claimEvents { cursor } }`;
const INGEST = `mutation($text: String!) { ingestArticle(input: { title: "t", url: "https://example.org/a", text: $text }) { article { id } } }`;

interface HostileCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  code: string;
  message?: RegExp;
  /** sent with the ADMIN token (writes need one), else anonymously */
  admin?: boolean;
}

const CASES: HostileCase[] = [
  { name: 'a query over the cost limit', query: COSTLY, code: 'QUERY_TOO_COSTLY' },
  {
    name: 'a page larger than MAX_PAGE_SIZE',
    query: `{ claims(first: 1000) { totalCount } }`,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a subscription asking for a page larger than MAX_PAGE_SIZE',
    query: `subscription { claimEvents { claim { attributions(first: 1000) { totalCount } } } }`,
    code: 'BAD_USER_INPUT',
  },
  // field resolvers with arguments run outside Nest's pipeline (@FieldArgs): they check their own
  {
    name: "a claim's attributions page larger than MAX_PAGE_SIZE",
    query: `{ claims(first: 1) { edges { node { attributions(first: 1000) { totalCount } } } } }`,
    code: 'BAD_USER_INPUT',
    message: /`first` must be between 1 and/,
  },
  {
    name: "a claim's attributions page of 0",
    query: `query($n: Int) { claims(first: 1) { edges { node { attributions(first: $n) { totalCount } } } } }`,
    variables: { n: 0 },
    code: 'BAD_USER_INPUT',
    message: /`first` must be between 1 and/,
  },
  {
    name: "a garbage cursor on a claim's attributions",
    query: `{ claims(first: 1) { edges { node { attributions(after: "garbage!!") { totalCount } } } } }`,
    code: 'BAD_USER_INPUT',
  },
  {
    name: "a garbage cursor on an actor's attributions",
    query: `{ actors(first: 1) { edges { node { attributions(after: "${Buffer.from('["x","y"]').toString('base64url')}") { totalCount } } } } }`,
    code: 'BAD_USER_INPUT',
  },
  {
    name: "a claim's notes page of -1",
    query: `{ claims(first: 1) { edges { node { notes(first: -1) { totalCount } } } } }`,
    code: 'BAD_USER_INPUT',
    message: /`first` must be between 1 and/,
    admin: true,
  },
  {
    name: "a claim's sourceChanges page larger than MAX_PAGE_SIZE",
    query: `{ claims(first: 1) { edges { node { sourceChanges(first: 1000) { totalCount } } } } }`,
    code: 'BAD_USER_INPUT',
    message: /`first` must be between 1 and/,
  },
  {
    name: 'NUL in a variable',
    query: CREATE_CLAIM,
    variables: { text: 'a\u0000b' },
    code: 'BAD_USER_INPUT',
    message: /NUL/,
    admin: true,
  },
  {
    name: 'NUL written in the document',
    query: `mutation { createClaim(input: { text: "a\\u0000b" }) { id } }`,
    code: 'BAD_USER_INPUT',
    message: /NUL/,
    admin: true,
  },
  {
    name: 'a lone surrogate in a variable',
    query: CREATE_CLAIM,
    variables: { text: 'x\ud800y' },
    code: 'BAD_USER_INPUT',
    message: /surrogate/,
    admin: true,
  },
  {
    name: 'a lone surrogate written in the document',
    query: `mutation { createClaim(input: { text: "x\\udc00y" }) { id } }`,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Invalid Unicode escape/,
    admin: true,
  },
  {
    name: 'a mistyped input field in a variable (no "Did you mean")',
    query: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
    variables: { input: { text: 'x', tagz: [] } },
    code: 'BAD_USER_INPUT',
    admin: true,
  },
  {
    name: 'an article over ARTICLE_MAX_CHARS',
    query: INGEST,
    variables: { text: 'word '.repeat(600) },
    code: 'BAD_USER_INPUT',
    admin: true,
  },
  {
    name: 'someone’s work queue read anonymously (workQueue needs VIEWER)',
    query: `query($p: ID) { workQueue(personId: $p) { person { name } } }`,
    variables: {
      p: Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString('base64url'),
    },
    code: 'UNAUTHENTICATED',
    message: /role VIEWER/,
  },
  {
    name: 'introspection (__schema) while it is off',
    query: `{ __schema { types { name } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /introspection is not allowed/,
  },
  {
    name: 'introspection (__type) while it is off',
    query: `{ __type(name: "Claim") { fields { name } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /introspection is not allowed/,
  },
  {
    name: 'a mistyped field (no "Did you mean")',
    query: `{ claimz { totalCount } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a mistyped argument (no "Did you mean")',
    query: `{ claims(firts: 1) { totalCount } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a mistyped enum value in a variable (no "Did you mean")',
    query: `query($stance: Stance) { claims(first: 1) { edges { node { attributions(stance: $stance) { totalCount } } } } }`,
    variables: { stance: 'DENIEZ' },
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'more than QUERY_MAX_TOKENS tokens',
    query: `{ ${'__typename '.repeat(2_100)} }`,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'a page size given as a variable default, costed as if sent',
    // 461 had the default been ignored (pages of 20), as it was
    query: `query($n: Int = 100) { claims(first: $n) { edges { node { attributions(first: $n) { totalCount } } } } }`,
    code: 'QUERY_TOO_COSTLY',
    message: /^The query would cost 10301; the limit is 1000\./,
  },
  {
    name: 'lists without `first` that hold more than the cost counted (the execution meter)',
    // the seeded article's 60 passages, each passage's article's 60: 3,600 passages for a cost of 7
    query: `{ articles(first: 1) { edges { node { passages { article { passages { id } } } } } } }`,
    code: 'QUERY_TOO_COSTLY',
    message: /^The query did more work than the limit of 1000 allows/,
  },
  {
    name: 'a query nested past QUERY_MAX_DEPTH',
    query: `{ claims(first: 1) { edges { node { attributions(first: 1) { edges { node { actor {
      affiliation { affiliation { affiliation { affiliation { name } } } } } } } } } } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
];

/** What a client can compare of two refusals: each error's code and message. */
const refusal = (answer: GqlResult | SocketAnswer) =>
  (answer.errors ?? []).map((error) => ({
    code: error.extensions?.code,
    message: error.message,
  }));

describe('guards on every transport: the same hostile operation over HTTP and graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let anonymous: RawSocket;
  let admin: RawSocket;

  beforeAll(async () => {
    t = await startTestApp({ QUERY_MAX_COST: '1000', ARTICLE_MAX_CHARS: '2000' });
    await insertInterview(t.db, 40);
    // a claim and an actor, so that their fields with arguments run
    await t.db.query(`INSERT INTO claims (text) VALUES ('Guarded.');
      INSERT INTO actors (name, kind) VALUES ('Guard', 'PERSON');`);
    url = await listen(t.app);
    anonymous = await RawSocket.open(url);
    admin = await RawSocket.open(url, t.adminToken);
  });
  afterAll(async () => {
    anonymous.close();
    admin.close();
    await t.close();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('refuses %s on both', async (_name, c) => {
    const claims = await t.count('claims');
    const http = await t.gqlAs(c.admin ? t.adminToken : null, c.query, c.variables);
    const ws = await (c.admin ? admin : anonymous).request(c.query, c.variables);
    expect(refusal(http)[0]?.code).toBe(c.code);
    if (c.message) expect(refusal(http)[0].message).toMatch(c.message);
    expect(refusal(ws)).toEqual(refusal(http));
    expect(JSON.stringify([http, ws])).not.toMatch(/Did you mean|INTERNAL_SERVER_ERROR|"http"/);
    expect(ws.data ?? null).toBeNull();
    expect(await t.count('claims')).toBe(claims);
  });

  it('still runs a sound query, mutation and subscription over the socket', async () => {
    const query = await anonymous.request(`{ claims(first: 5) { totalCount } }`);
    expect(query).toEqual({ data: { claims: { totalCount: expect.any(Number) } } });
    const created = await admin.request(CREATE_CLAIM, { text: 'over a socket' });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createClaim.id).toEqual(expect.any(String));
  });

  it('refuses a frame over the payload limit with 1009 before connection_init, without reading it', async () => {
    const socket = await RawSocket.connect(url);
    const huge = `{"type":"connection_init","payload":{"x":"${'a'.repeat(60 * 1024 * 1024)}"}}`;
    socket.socket.send(huge);
    expect(await socket.closed).toBe(1009);
    // the limit is the HTTP body limit: 2,000 × 6 + 1 MiB here; one byte more is refused
    const over = await RawSocket.connect(url);
    over.socket.send('x'.repeat(2_000 * 6 + 1024 * 1024 + 1));
    expect(await over.closed).toBe(1009);
  });

  it('checks the token again on every operation: revoked or expired meanwhile → UNAUTHENTICATED, then 4403', async () => {
    for (const column of ['revoked_at', 'expires_at']) {
      const token = await t.token('EDITOR');
      const socket = await RawSocket.open(url, token);
      expect((await socket.request(`{ claims(first: 1) { totalCount } }`)).errors).toBeUndefined();
      // Written behind the API's back: no notification, so only the per-operation check can see it.
      await t.db.query(
        `UPDATE api_principals SET ${column} = now() - interval '1 second' WHERE token_hash = $1`,
        [hashToken(token)],
      );
      const answer = await socket.request(CREATE_CLAIM, { text: 'with a dead token' });
      expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.errors?.[0].message).toMatch(column === 'revoked_at' ? /revoked/ : /expired/);
      expect(await socket.closed).toBe(4403);
    }
  });

  it('closes a socket with 4403 when its token expires, without any operation', async () => {
    const expiresAt = new Date(Date.now() + 1_500);
    const token = await t.token('VIEWER', 'expires-soon', expiresAt);
    const socket = await RawSocket.open(url, token);
    socket.send({ id: 'live', type: 'subscribe', payload: { query: CLAIM_EVENTS } });
    expect(await socket.closed).toBe(4403);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime());
  });

  it('closes every socket of a revoked token with 4403, on this instance and on another one', async () => {
    const other = await startAppOn(t.databaseUrl, {
      RATE_LIMIT_COST_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
    });
    try {
      const otherUrl = await listen(other.app);
      const token = await t.token('VIEWER', 'revoked-everywhere');
      const here = await RawSocket.open(url, token);
      const there = await RawSocket.open(otherUrl, token);
      const bystander = await RawSocket.open(otherUrl, t.adminToken);
      there.send({ id: 'live', type: 'subscribe', payload: { query: CLAIM_EVENTS } });
      // the revocation path of `claimtrace token revoke`
      await t.app.get(TokensService).revoke('revoked-everywhere');
      expect(await Promise.all([here.closed, there.closed])).toEqual([4403, 4403]);
      const still = await bystander.request(`{ claims(first: 1) { totalCount } }`);
      expect(still.errors).toBeUndefined();
      bystander.close();
    } finally {
      await other.close();
    }
  });
});

describe('guards on every transport: one rate budget per client for HTTP and graphql-ws', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_COST_PER_MINUTE: '100' });
    url = await listen(t.app);
  });
  afterAll(() => t.close());

  /** 1 + 50 × 3 = 151: more than the whole budget of 100, so one such operation spends it all. */
  const SPEND_ALL = `{ claims(first: 50) { edges { node { id } } } }`;

  it('refuses over a socket a token that spent its budget over HTTP, and the reverse', async () => {
    const first = await t.token('VIEWER');
    expect((await t.gqlAs(first, SPEND_ALL)).errors).toBeUndefined();
    const socket = await RawSocket.open(url, first);
    const refused = await socket.request(SPEND_ALL);
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(refused.errors?.[0].message).toMatch(/^Too many requests; retry in \d+ s\.$/);

    const second = await t.token('VIEWER');
    const other = await RawSocket.open(url, second);
    expect((await other.request(SPEND_ALL)).errors).toBeUndefined();
    expect((await t.gqlAs(second, SPEND_ALL)).errors?.[0].extensions.code).toBe('RATE_LIMITED');
    socket.close();
    other.close();
  });

  it('rate-limits subscriptions too', async () => {
    const token = await t.token('VIEWER');
    const socket = await RawSocket.open(url, token);
    expect((await socket.request(SPEND_ALL)).errors).toBeUndefined();
    const subscription = await socket.request(CLAIM_EVENTS);
    expect(subscription.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    socket.close();
  });
});
