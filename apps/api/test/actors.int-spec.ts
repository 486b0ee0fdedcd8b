import { startTestApp, TestApp } from './test-app';

const CREATE = `mutation ($input: CreateActorInput!) {
  createActor(input: $input) { id name kind aliases wikidataId affiliation { name } }
}`;
const PAGE = `query ($search: String, $kind: ActorKind, $first: Int, $after: String) {
  actors(search: $search, kind: $kind, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name kind } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('actors over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = (input: Record<string, unknown>) => t.gql(CREATE, { input });

  it('creates an actor with its affiliation, readable by id and by node(id)', async () => {
    const state = await t.ok(CREATE, {
      input: { name: 'US State Department', kind: 'GOVERNMENT_BODY', wikidataId: 'Q789915' },
    });
    const spokesperson = await t.ok(CREATE, {
      input: {
        name: 'State Department spokesperson',
        kind: 'PERSON',
        affiliationId: state.createActor.id,
      },
    });
    expect(spokesperson.createActor.affiliation).toEqual({ name: 'US State Department' });

    const byId = await t.ok(`query ($id: ID!) { actor(id: $id) { name wikidataId } }`, {
      id: state.createActor.id,
    });
    expect(byId.actor).toEqual({ name: 'US State Department', wikidataId: 'Q789915' });

    const node = await t.ok(
      `query ($id: ID!) { node(id: $id) { __typename id ... on Actor { name kind } } }`,
      { id: spokesperson.createActor.id },
    );
    expect(node.node).toEqual({
      __typename: 'Actor',
      id: spokesperson.createActor.id,
      name: 'State Department spokesperson',
      kind: 'PERSON',
    });
  });

  it('pages through actors in name order with stable cursors and a total count', async () => {
    for (const name of ['Perfil', 'The New York Times', 'Casa Rosada', 'White House']) {
      await t.ok(CREATE, { input: { name, kind: 'ORGANIZATION' } });
    }
    const first = await t.ok(PAGE, { kind: 'ORGANIZATION', first: 2 });
    expect(first.actors.totalCount).toBe(4);
    expect(first.actors.edges.map((e: any) => e.node.name)).toEqual(['Casa Rosada', 'Perfil']);
    expect(first.actors.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await t.ok(PAGE, {
      kind: 'ORGANIZATION',
      first: 2,
      after: first.actors.pageInfo.endCursor,
    });
    expect(second.actors.edges.map((e: any) => e.node.name)).toEqual([
      'The New York Times',
      'White House',
    ]);
    expect(second.actors.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('finds actors by part of a name or alias, ignoring case and accents', async () => {
    await t.ok(CREATE, {
      input: { name: 'Javier Milei', kind: 'PERSON', aliases: ['Presidente Milei'] },
    });
    await t.ok(CREATE, { input: { name: 'Cancillería Argentina', kind: 'GOVERNMENT_BODY' } });
    const milei = await t.ok(PAGE, { search: 'milei' });
    expect(milei.actors.edges.map((e: any) => e.node.name)).toEqual(['Javier Milei']);
    const presidente = await t.ok(PAGE, { search: 'PRESIDENTE' });
    expect(presidente.actors.edges.map((e: any) => e.node.name)).toEqual(['Javier Milei']);
    const accent = await t.ok(PAGE, { search: 'cancilleria' });
    expect(accent.actors.edges.map((e: any) => e.node.name)).toEqual(['Cancillería Argentina']);
  });

  describe('bad input: a clear error, nothing written, the server keeps serving', () => {
    const rejected = async (
      result: Promise<{ errors?: { message: string; extensions: Record<string, any> }[] }>,
      code: string,
      message: RegExp,
    ) => {
      const before = await t.count('actors');
      const { errors } = await result;
      expect(errors?.[0].extensions.code).toBe(code);
      expect(errors?.[0].message).toMatch(message);
      expect(errors?.[0].extensions.stacktrace).toBeUndefined();
      expect(await t.count('actors')).toBe(before);
    };

    it('rejects an empty, blank or 10,000-character name', async () => {
      await rejected(
        create({ name: '', kind: 'PERSON' }),
        'BAD_USER_INPUT',
        /name must be 1 to 300/,
      );
      await rejected(
        create({ name: '   ', kind: 'PERSON' }),
        'BAD_USER_INPUT',
        /visible character/,
      );
      await rejected(
        create({ name: 'x'.repeat(10_000), kind: 'PERSON' }),
        'BAD_USER_INPUT',
        /name must be 1 to 300/,
      );
    });

    it('rejects an unknown kind passed in variables', async () => {
      await rejected(create({ name: 'Someone', kind: 'WIZARD' }), 'BAD_USER_INPUT', /WIZARD/);
    });

    it('rejects an unknown or malformed affiliation id', async () => {
      await rejected(
        create({ name: 'Someone', kind: 'PERSON', affiliationId: 'nope' }),
        'BAD_USER_INPUT',
        /affiliationId.*not a valid id/,
      );
      const unknown = Buffer.from('Actor:00000000-0000-4000-8000-000000000000').toString(
        'base64url',
      );
      await rejected(
        create({ name: 'Someone', kind: 'PERSON', affiliationId: unknown }),
        'NOT_FOUND',
        /No Actor has the id/,
      );
    });

    it('rejects a malformed cursor and a page size out of range', async () => {
      const bad = await t.gql(PAGE, { after: 'not-a-cursor' });
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].message).toMatch(/`after` is not a cursor of this list/);
      for (const first of [0, -1, 101]) {
        const result = await t.gql(PAGE, { first });
        expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].message).toMatch(/`first` must be between 1 and 100/);
      }
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const unknown = Buffer.from('Actor:00000000-0000-4000-8000-000000000000').toString(
        'base64url',
      );
      const actor = await t.gql(`query ($id: ID!) { actor(id: $id) { name } }`, { id: unknown });
      expect(actor.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const node = await t.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: unknown });
      expect(node.errors?.[0].extensions.code).toBe('NOT_FOUND');
      const health = await t.app.inject({ method: 'GET', url: '/health/ready' });
      expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    });
  });

  it('records every write in the event log', async () => {
    const created = await t.ok(CREATE, { input: { name: 'Página/12', kind: 'MEDIA_OUTLET' } });
    const events = await t.db.query<{ kind: string; payload: any }>(
      `SELECT kind, payload FROM claim_events ORDER BY id DESC LIMIT 1`,
    );
    expect(events[0]).toEqual({
      kind: 'ACTOR_CREATED',
      payload: { actorId: created.createActor.id, name: 'Página/12', kind: 'MEDIA_OUTLET' },
    });
  });
});
