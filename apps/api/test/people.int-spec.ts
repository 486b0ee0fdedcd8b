import { TokensService } from '@claimtrace/auth';
import { api } from './support/claims-api';
import { claimEventsOf } from './support/event-log';
import { startTestApp, TestApp } from './test-app';

// People: ADMIN creates them, tokens belong to them, `me` answers the token's person, and every
// event and status change names the person who made it.

const CREATE_PERSON = `mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id name handle email } }`;
const ME = `{ me { id name handle email } }`;
const PEOPLE = `query ($first: Int, $after: String) { people(first: $first, after: $after) {
  totalCount edges { cursor node { id name handle } } pageInfo { hasNextPage endCursor } } }`;

describe('people', () => {
  let t: TestApp;
  let editor: string;
  let viewer: string;
  let ana: { id: string; name: string; handle: string };

  beforeAll(async () => {
    t = await startTestApp();
    ana = (
      await t.ok(CREATE_PERSON, {
        i: { name: 'Ana Lima', handle: '@Ana', email: 'ana@example.org' },
      })
    ).createPerson;
    editor = (
      await t.app.get(TokensService).create({ name: 'ana-laptop', role: 'EDITOR', person: ana.id })
    ).token;
    viewer = await t.token('VIEWER', 'reader');
  });
  afterAll(() => t.close());

  it('creates a person with a lower-case handle, and refuses a taken handle with CONFLICT', async () => {
    expect(ana).toMatchObject({ name: 'Ana Lima', handle: 'ana', email: 'ana@example.org' });
    const again = await t.gql(CREATE_PERSON, { i: { name: 'Another Ana', handle: 'ANA' } });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/"@ana" belongs to someone else/);
  });

  it.each([
    ['a blank name', { name: '   ' }, /visible character/],
    ['a handle with a space', { name: 'B', handle: 'b c' }, /not usable in a mention/],
    ['a hostile handle', { name: 'B', handle: 'a'.repeat(39) + '!' }, /not usable in a mention/],
    ['a long handle', { name: 'B', handle: 'a'.repeat(41) }, /at most 40/],
    ['a bad email', { name: 'B', email: 'not an address' }, /name@example.org/],
    ['a name of zero-width spaces', { name: '\u200b\u200b' }, /visible character/],
    ['a terminal escape in a name', { name: 'Eve\u001b[2J' }, /control characters/],
    ['a line break in a name', { name: 'Eve\nAdmin' }, /control characters/],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_what, input, message) => {
    const before = await t.count('people');
    const result = await t.gql(CREATE_PERSON, { i: input });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(message);
    expect(await t.count('people')).toBe(before);
  });

  it('lets only ADMIN create people', async () => {
    for (const [token, code] of [
      [editor, 'FORBIDDEN'],
      [viewer, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      const result = await t.gqlAs(token, CREATE_PERSON, { i: { name: 'Nobody' } });
      expect(result.errors?.[0].extensions.code).toBe(code);
    }
  });

  it('answers `me` with the person of the token, and null without one', async () => {
    expect((await t.gqlAs(editor, ME)).data?.me).toEqual({ ...ana, email: 'ana@example.org' });
    expect((await t.gqlAs(null, ME)).data?.me).toBeNull();
  });

  it('gives a token made without a person a person of its own name', async () => {
    const result = await t.gqlAs(viewer, ME);
    expect(result.data?.me).toMatchObject({ name: 'reader', handle: null });
  });

  it('lists people by name in pages to VIEWER and up, not anonymously', async () => {
    const first = await t.gqlAs(viewer, PEOPLE, { first: 2 });
    const total = first.data?.people.totalCount;
    expect(total).toBe(await t.count('people'));
    const names: string[] = first.data?.people.edges.map((e: any) => e.node.name);
    let after = first.data?.people.pageInfo.endCursor;
    while (after) {
      const next = (await t.gqlAs(viewer, PEOPLE, { first: 2, after })).data?.people;
      names.push(...next.edges.map((e: any) => e.node.name));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(names).toHaveLength(total);
    expect([...names].sort()).toEqual(names);
    const anonymous = await t.gqlAs(null, PEOPLE);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await t.gqlAs(viewer, PEOPLE, { after: 'bm9wZQ' });
    expect(forged.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('finds people by part of a name or handle, accents and case ignored, in pages', async () => {
    for (const [name, handle] of [
      ['José Pérez', 'jperez'],
      ['Josefina Ruiz', 'jruiz'],
      ['100% Sure_Man', 'sure'],
    ]) {
      await t.ok(CREATE_PERSON, { i: { name, handle } });
    }
    const SEARCH = `query ($search: String, $first: Int, $after: String) {
      people(search: $search, first: $first, after: $after) {
        totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`;
    const names = async (search: string, first?: number, after?: string) =>
      (await t.gqlAs(viewer, SEARCH, { search, first, after })).data!.people;
    const jose = await names('JOSE');
    const both = ['José Pérez', 'Josefina Ruiz'].sort();
    expect(jose.edges.map((e: any) => e.node.name).sort()).toEqual(both);
    expect(jose.totalCount).toBe(2);
    // a page of one, then the next: the total counts the matches, the pages hold each once
    const first = await names('jos', 1);
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await names('jos', 1, first.pageInfo.endCursor);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...next.edges].map((e: any) => e.node.name).sort()).toEqual(both);
    expect((await names('jruiz')).edges.map((e: any) => e.node.name)).toEqual(['Josefina Ruiz']);
    // % and _ are text, not wildcards
    expect((await names('0%')).edges.map((e: any) => e.node.name)).toEqual(['100% Sure_Man']);
    expect((await names('e_m')).edges.map((e: any) => e.node.name)).toEqual(['100% Sure_Man']);
    expect((await names('a_l')).totalCount).toBe(0);
    expect((await names('  ')).totalCount).toBeGreaterThanOrEqual(4); // blank: everyone
    const long = await t.gqlAs(viewer, SEARCH, { search: 'x'.repeat(5000) });
    expect(long.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'search',
    });
    expect(long.errors![0].message).toMatch(/at most 200/);
  });

  it('resolves a Person through node(id), without the email for anonymous readers', async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Person { name email } } }`;
    expect((await t.gqlAs(viewer, query, { id: ana.id })).data?.node).toEqual({
      name: 'Ana Lima',
      email: 'ana@example.org',
    });
    expect((await t.gqlAs(null, query, { id: ana.id })).data?.node).toEqual({
      name: 'Ana Lima',
      email: null,
    });
  });

  it('names the person of every event and status change', async () => {
    const as = (query: string, i: Record<string, unknown>) => t.gqlAs(editor, query, { i });
    const created = await as(`mutation ($i: CreateClaimInput!) { createClaim(input: $i) { id } }`, {
      text: 'Ana wrote this claim',
    });
    const claimId = created.data?.createClaim.id;
    const changed = await as(
      `mutation ($i: ChangeClaimStatusInput!) { changeClaimStatus(input: $i) {
        statusHistory { by person { name } } } }`,
      { claimId, status: 'CONTESTED', rationale: 'a denial' },
    );
    expect(changed.data?.changeClaimStatus.statusHistory).toEqual([
      { by: 'ana-laptop', person: { name: 'Ana Lima' } },
    ]);
    expect(await claimEventsOf(t, claimId, 2, 'kind by person { name }')).toEqual([
      { kind: 'CLAIM_CREATED', by: 'ana-laptop', person: { name: 'Ana Lima' } },
      { kind: 'STATUS_CHANGED', by: 'ana-laptop', person: { name: 'Ana Lima' } },
    ]);
    await api(t).createClaim('written by the admin');
    const [row] = await t.db.query<{ person: string | null }>(
      `SELECT p.name AS person FROM claim_events e LEFT JOIN people p ON p.id = e.person_id
       ORDER BY e.id DESC LIMIT 1`,
    );
    expect(row.person).toBe('test-admin');
  });

  it('fuzzes concurrent person creation with the same handle: one wins, the rest CONFLICT', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        t.gql(CREATE_PERSON, { i: { name: `Racer ${n}`, handle: 'racer' } }),
      ),
    );
    expect(results.filter((r) => r.data?.createPerson).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT').length).toBe(7);
  });
});
