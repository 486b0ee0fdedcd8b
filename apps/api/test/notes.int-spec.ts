import { PeopleService, TokensService } from '@claimtrace/auth';
import { api } from './support/claims-api';
import { claimEventsOf } from './support/event-log';
import { listen, subscribe, wsClient, wsOnce } from './live-client';
import { GqlResult, startTestApp, TestApp } from './test-app';

// Notes on claims and attributions (markdown, @mentions resolved to people, edited by their
// author with history in the log, removed with a reason), live over claimEvents, and each
// person's work queue (assigned, overdue, mentions, awaiting the second review).

const ADD = `mutation ($i: AddNoteInput!) { addNote(input: $i) {
  id body removed author { name } mentions { name handle } attribution { id } claim { id } } }`;
const UPDATE = `mutation ($i: UpdateNoteInput!) { updateNote(input: $i) { id body updatedAt mentions { handle } } }`;
const REMOVE = `mutation ($i: RemoveNoteInput!) { removeNote(input: $i) { id removed } }`;
const NOTES = `query ($id: ID!, $first: Int, $after: String) { claim(id: $id) {
  notes(first: $first, after: $after) { totalCount edges { cursor node { body author { name } } }
  pageInfo { hasNextPage endCursor } } } }`;
const QUEUE = `query ($p: ID) { workQueue(personId: $p) {
  person { name }
  assigned { totalCount edges { node { text } } }
  overdue { totalCount edges { node { text } } }
  mentions { totalCount edges { node { body author { name } } } }
  awaitingReview { totalCount edges { node { text } } } } }`;

describe('notes and work queues', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ EVENTS_POLL_MS: '200' });
    const people = t.app.get(PeopleService);
    const tokens = t.app.get(TokensService);
    for (const [name, handle] of [
      ['Ana Lima', 'ana'],
      ['Ben Okoro', 'ben'],
    ]) {
      const person = await people.create({ name, handle });
      id[handle] = person.id;
      token[handle] = (
        await tokens.create({ name: `${handle}-token`, role: 'EDITOR', person: person.id })
      ).token;
    }
    token.viewer = await t.token('VIEWER', 'reader');
  });
  afterAll(() => t.close());

  /** the graphql-ws URL, the app listening once for all the tests that use a socket */
  let listening: Promise<string> | undefined;
  const socket = () => (listening ??= listen(t.app));
  const as = (who: string, query: string, i: Record<string, unknown>) =>
    t.gqlAs(token[who] ?? null, query, { i });

  it('adds a markdown note whose @mentions name people; unknown handles stay text', async () => {
    const claim = await api(t).createClaim('notes: exports doubled');
    const added = await as('ana', ADD, {
      claimId: claim.id,
      body: '**Check** the table, @Ben — and ask @nobody. Mail ana@example.org',
    });
    expect(added.data?.addNote).toMatchObject({
      body: '**Check** the table, @Ben — and ask @nobody. Mail ana@example.org',
      removed: false,
      author: { name: 'Ana Lima' },
      mentions: [{ name: 'Ben Okoro', handle: 'ben' }],
      attribution: null,
      claim: { id: claim.id },
    });
    const node = await t.gqlAs(
      token.viewer,
      `query ($n: ID!) { node(id: $n) { ... on Note { body } } }`,
      {
        n: added.data?.addNote.id,
      },
    );
    expect(node.data?.node.body).toMatch(/^\*\*Check\*\*/);
  });

  it('adds a note on an attribution of the claim, and refuses one of another claim', async () => {
    const call = api(t);
    const claim = await call.createClaim('notes: the minister said so');
    const other = await call.createClaim('notes: another claim');
    const actor = await call.actor('The Minister');
    const article = await call.article('The minister said the deal was done.');
    const attribution = await call.attribute({
      claimId: claim.id,
      actorId: actor,
      stance: 'ASSERTS',
      articleId: article,
      quote: { exact: 'the deal was done' },
    });
    const added = await as('ana', ADD, {
      claimId: claim.id,
      attributionId: attribution.id,
      body: 'Quote checked',
    });
    expect(added.data?.addNote.attribution).toEqual({ id: attribution.id });
    const listed = await t.gql(
      `query ($id: ID!) { claim(id: $id) { attributions { edges { node { notes { totalCount edges { node { body } } } } } } } }`,
      { id: claim.id },
    );
    expect(listed.data?.claim.attributions.edges[0].node.notes).toEqual({
      totalCount: 1,
      edges: [{ node: { body: 'Quote checked' } }],
    });
    const before = await t.count('notes');
    const wrong = await as('ana', ADD, {
      claimId: other.id,
      attributionId: attribution.id,
      body: 'x',
    });
    expect(wrong.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'attributionId' },
    });
    expect(await t.count('notes')).toBe(before);
  });

  it('lets only the author edit, keeps each version in the log, and removes with a reason', async () => {
    const claim = await api(t).createClaim('notes: edited');
    const note = (await as('ana', ADD, { claimId: claim.id, body: 'first draft' })).data?.addNote;
    const byOther = await as('ben', UPDATE, { noteId: note.id, body: 'hijacked' });
    expect(byOther.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const edited = await as('ana', UPDATE, { noteId: note.id, body: 'second draft, @ben' });
    expect(edited.data?.updateNote).toMatchObject({
      body: 'second draft, @ben',
      mentions: [{ handle: 'ben' }],
    });
    expect(
      (await as('ben', REMOVE, { noteId: note.id, reason: 'not mine' })).errors?.[0].extensions
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await as('ana', REMOVE, { noteId: note.id, reason: '   ' })).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await as('ana', REMOVE, { noteId: note.id, reason: 'obsolete' })).data?.removeNote,
    ).toEqual({ id: note.id, removed: true });
    expect(
      (await as('ana', UPDATE, { noteId: note.id, body: 'again' })).errors?.[0].extensions.code,
    ).toBe('CONFLICT');
    const listed = await t.gql(NOTES, { id: claim.id });
    expect(listed.data?.claim.notes.totalCount).toBe(0);
    const events = (await claimEventsOf(t, claim.id, 4)).filter((e) => e.kind.startsWith('NOTE_'));
    expect(events.map((e) => [e.kind, e.person.name])).toEqual([
      ['NOTE_ADDED', 'Ana Lima'],
      ['NOTE_UPDATED', 'Ana Lima'],
      ['NOTE_REMOVED', 'Ana Lima'],
    ]);
    expect(events[1].payload).toMatchObject({
      before: 'first draft',
      after: 'second draft, @ben',
      version: 2,
      mentions: [id.ben],
    });
    expect(events[2].payload).toMatchObject({ reason: 'obsolete' });
  });

  it('moves notes along when their claim is merged into another', async () => {
    const keep = await api(t).createClaim('notes: kept');
    const merged = await api(t).createClaim('notes: merged away');
    await as('ana', ADD, { claimId: merged.id, body: 'written on the duplicate' });
    await api(t).merge(keep.id, merged.id);
    const notes = (await t.gql(NOTES, { id: keep.id })).data?.claim.notes;
    expect(notes.edges.map((e: any) => e.node.body)).toEqual(['written on the duplicate']);
  });

  it('lets an ADMIN remove anyone’s note', async () => {
    const claim = await api(t).createClaim('notes: admin removal');
    const note = (await as('ben', ADD, { claimId: claim.id, body: 'spam' })).data?.addNote;
    expect(
      (await t.gql(REMOVE, { i: { noteId: note.id, reason: 'spam' } })).data?.removeNote.removed,
    ).toBe(true);
  });

  it('lets EDITOR write notes, not VIEWER or anonymous', async () => {
    const claim = await api(t).createClaim('notes: roles');
    for (const [who, code] of [
      ['viewer', 'FORBIDDEN'],
      ['nobody', 'UNAUTHENTICATED'],
    ] as const) {
      expect(
        (await as(who, ADD, { claimId: claim.id, body: 'x' })).errors?.[0].extensions.code,
      ).toBe(code);
    }
    expect(
      (await t.gqlAs(token.viewer, NOTES, { id: claim.id })).data?.claim.notes.totalCount,
    ).toBe(0);
  });

  it.each([
    ['a blank body', { body: ' \n ' }, 'BAD_USER_INPUT'],
    ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }, 'BAD_USER_INPUT'],
    [
      'an unknown claim',
      { claimId: Buffer.from('Claim:00000000-0000-4000-8000-000000000000').toString('base64url') },
      'NOT_FOUND',
    ],
  ])('refuses %s, writing nothing', async (_what, change, code) => {
    const claim = await api(t).createClaim(`notes: refusal ${_what}`);
    const before = await t.count('notes');
    const result = await as('ana', ADD, { claimId: claim.id, body: 'fine', ...change });
    expect(result.errors?.[0].extensions.code).toBe(code);
    expect(await t.count('notes')).toBe(before);
  });

  it('mentions a hostile body in time linear in it', async () => {
    const claim = await api(t).createClaim('notes: hostile');
    const body = `@${'a'.repeat(39)}!`.repeat(200) + '@'.repeat(200);
    const added = await as('ana', ADD, { claimId: claim.id, body });
    expect(added.data?.addNote.mentions).toEqual([]);
  });

  it('pages a claim’s notes newest first, with the total', async () => {
    const claim = await api(t).createClaim('notes: paged');
    for (const n of [1, 2, 3, 4, 5]) await as('ana', ADD, { claimId: claim.id, body: `note ${n}` });
    const bodies: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await t.gql(NOTES, { id: claim.id, first: 2, after })).data?.claim.notes;
      expect(page.totalCount).toBe(5);
      bodies.push(...page.edges.map((e: any) => e.node.body));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(bodies).toEqual(['note 5', 'note 4', 'note 3', 'note 2', 'note 1']);
    // past the end: no notes, the same total
    const last: any = (await t.gql(NOTES, { id: claim.id, first: 5 })).data?.claim.notes;
    const past: any = (await t.gql(NOTES, { id: claim.id, after: last.pageInfo.endCursor })).data
      ?.claim.notes;
    expect({ edges: past.edges, totalCount: past.totalCount }).toEqual({
      edges: [],
      totalCount: 5,
    });
  });

  it('sends note events live over claimEvents, with the person', async () => {
    const claim = await api(t).createClaim('notes: live');
    const client = wsClient(await socket(), {
      connectionParams: { authorization: `Bearer ${token.viewer}` },
    });
    try {
      // resume after the claim's creation: what follows arrives whenever the socket is ready
      const [created] = await claimEventsOf(t, claim.id, 1, 'cursor');
      const sub = subscribe(
        client,
        { claimId: claim.id, after: created.cursor },
        `subscription ($claimId: ID, $after: String) {
        claimEvents(claimId: $claimId, after: $after) { cursor kind at by payload claim { id status version } person { name } } }`,
      );
      await as('ana', ADD, { claimId: claim.id, body: 'live, @ben' });
      const [event] = await sub.waitFor(1);
      expect(event).toMatchObject({
        kind: 'NOTE_ADDED',
        by: 'ana-token',
        payload: { body: 'live, @ben', mentions: [id.ben] },
      });
      expect((event as any).person).toEqual({ name: 'Ana Lima' });
      sub.dispose();
    } finally {
      await client.dispose();
    }
  });

  it('gathers a person’s queue: assigned, overdue, mentions, awaiting a second review', async () => {
    const call = api(t);
    const assign = `mutation ($i: AssignClaimInput!) { assignClaim(input: $i) { id } }`;
    const tick = `mutation ($i: SetChecklistItemInput!) { setChecklistItem(input: $i) { id } }`;
    const late = await call.createClaim('queue: late for Ben');
    const later = await call.createClaim('queue: due next year for Ben');
    const anas = await call.createClaim('queue: Ana’s, ready for review');
    await as('ana', assign, {
      claimId: late.id,
      assigneeId: id.ben,
      dueAt: '2020-01-01T00:00:00Z',
    });
    await as('ana', assign, {
      claimId: later.id,
      assigneeId: id.ben,
      dueAt: '2099-01-01T00:00:00Z',
    });
    await as('ana', assign, { claimId: anas.id, assigneeId: id.ana });
    for (const key of ['original-source', 'contact-actor', 'check-numbers']) {
      await as('ana', tick, { claimId: anas.id, key, done: true });
    }
    await as('ana', ADD, { claimId: anas.id, body: '@ben can you do the second review?' });

    const ben = (await t.gqlAs(token.ben, QUEUE, {})).data?.workQueue;
    expect(ben.person).toEqual({ name: 'Ben Okoro' });
    expect(ben.assigned.edges.map((e: any) => e.node.text).sort()).toEqual([
      'queue: due next year for Ben',
      'queue: late for Ben',
    ]);
    expect(ben.overdue.edges.map((e: any) => e.node.text)).toEqual(['queue: late for Ben']);
    expect(ben.mentions.edges[0].node).toEqual({
      body: '@ben can you do the second review?',
      author: { name: 'Ana Lima' },
    });
    expect(ben.awaitingReview.edges.map((e: any) => e.node.text)).toEqual([
      'queue: Ana’s, ready for review',
    ]);

    // Ana's own claim does not wait for her review; another person's queue by id, for VIEWER
    const ana = (await t.gqlAs(token.viewer, QUEUE, { p: id.ana })).data?.workQueue;
    expect(ana.awaitingReview.totalCount).toBe(0);
    expect(ana.assigned.totalCount).toBe(1);
    // once reviewed, it leaves the queue
    await as('ben', tick, { claimId: anas.id, key: 'second-review', done: true });
    expect((await t.gqlAs(token.ben, QUEUE, {})).data?.workQueue.awaitingReview.totalCount).toBe(0);
    // handed to Ben, his own review no longer counts: it waits for someone else's again
    await as('ana', assign, { claimId: anas.id, assigneeId: id.ben });
    const again = (await t.gqlAs(token.viewer, QUEUE, { p: id.ana })).data?.workQueue;
    expect(again.awaitingReview.edges.map((e: any) => e.node.text)).toEqual([
      'queue: Ana’s, ready for review',
    ]);
  });

  describe('without a token (public reads)', () => {
    const READ = `query ($id: ID!, $note: ID!) {
      claim(id: $id) {
        notes { totalCount edges { node { body } } }
        attributions { edges { node { notes { totalCount edges { node { body } } } } } } }
      node(id: $note) { id } }`;
    const EVENTS = `query ($id: ID!) { events(claimId: $id, first: 50) { edges { node { kind payload } } } }`;
    let claim: string;
    let note: string;
    let url: string;

    const transports = {
      http: (query: string, variables: Record<string, unknown>, who: string | null) =>
        t.gqlAs(who ? token[who] : null, query, variables),
      ws: (query: string, variables: Record<string, unknown>, who: string | null) =>
        wsOnce(url, query, variables, who ? token[who] : null),
    };

    beforeAll(async () => {
      url = await socket();
      const call = api(t);
      claim = (await call.createClaim('notes: newsroom only')).id;
      const attribution = await call.attribute({
        claimId: claim,
        actorId: await call.actor('The Spokesperson'),
        stance: 'ASSERTS',
        articleId: await call.article('The spokesperson said exports doubled.'),
        quote: { exact: 'exports doubled' },
      });
      note = (await as('ana', ADD, { claimId: claim, body: 'Source is @ben, off the record' }))
        .data!.addNote.id;
      await as('ana', UPDATE, { noteId: note, body: 'Source is @ben, on background' });
      const gone = (
        await as('ana', ADD, { claimId: claim, attributionId: attribution.id, body: 'Called them' })
      ).data!.addNote.id;
      await as('ana', REMOVE, { noteId: gone, reason: 'The call was with someone else' });
      await as('ana', ADD, {
        claimId: claim,
        attributionId: attribution.id,
        body: 'Quote checked',
      });
    });

    it.each(['http', 'ws'] as const)(
      'hides notes on claims and attributions, and from node(id), over %s; VIEWER reads them',
      async (via) => {
        const anonymous = await transports[via](READ, { id: claim, note }, null);
        // node(id) answers as for a note that does not exist
        expect(anonymous.errors).toHaveLength(1);
        expect(anonymous.errors![0]).toMatchObject({
          path: ['node'],
          extensions: { code: 'NOT_FOUND', entity: 'Note' },
        });
        expect(anonymous.data).toEqual({
          claim: {
            notes: { totalCount: 0, edges: [] },
            attributions: { edges: [{ node: { notes: { totalCount: 0, edges: [] } } }] },
          },
          node: null,
        });
        const viewer = await transports[via](READ, { id: claim, note }, 'viewer');
        expect(viewer.data).toEqual({
          claim: {
            // the claim's notes include those on its attributions, newest first
            notes: {
              totalCount: 2,
              edges: [
                { node: { body: 'Quote checked' } },
                { node: { body: 'Source is @ben, on background' } },
              ],
            },
            attributions: {
              edges: [
                {
                  node: { notes: { totalCount: 1, edges: [{ node: { body: 'Quote checked' } }] } },
                },
              ],
            },
          },
          node: { id: note },
        });
      },
    );

    it.each(['http', 'ws'] as const)('refuses an anonymous workQueue over %s', async (via) => {
      const result = await transports[via](QUEUE, { p: id.ana }, null);
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    });

    const noteEvents = (result: GqlResult) =>
      result
        .data!.events.edges.map((edge: any) => edge.node)
        .filter((event: any) => event.kind.startsWith('NOTE_'));

    it.each(['http', 'ws'] as const)(
      'drops the note text from NOTE_* events in `events` over %s',
      async (via) => {
        const anonymous = noteEvents(await transports[via](EVENTS, { id: claim }, null));
        expect(anonymous.map((e: any) => e.kind)).toEqual([
          'NOTE_ADDED',
          'NOTE_UPDATED',
          'NOTE_ADDED',
          'NOTE_REMOVED',
          'NOTE_ADDED',
        ]);
        const text = ['body', 'before', 'after', 'reason'];
        for (const event of anonymous) {
          expect(Object.keys(event.payload).filter((field) => text.includes(field))).toEqual([]);
          expect(event.payload).toMatchObject({ claimId: claim, noteId: expect.any(String) });
        }
        expect(anonymous[0].payload.mentions).toEqual([id.ben]);
        const viewer = noteEvents(await transports[via](EVENTS, { id: claim }, 'viewer'));
        expect(viewer.map((e: any) => e.payload)).toMatchObject([
          { body: 'Source is @ben, off the record' },
          { before: 'Source is @ben, off the record', after: 'Source is @ben, on background' },
          { body: 'Called them' },
          { reason: 'The call was with someone else' },
          { body: 'Quote checked' },
        ]);
      },
    );

    it('drops the note text from live claimEvents for an anonymous subscriber, not for a VIEWER', async () => {
      const live = `subscription ($claimId: ID, $after: String) {
        claimEvents(claimId: $claimId, after: $after) { kind payload } }`;
      // resume after the claim's last event: the next arrives whenever the sockets are ready
      const after = (await claimEventsOf(t, claim, 1, 'cursor')).at(-1)!.cursor;
      const clients = [
        wsClient(url),
        wsClient(url, { connectionParams: { authorization: `Bearer ${token.viewer}` } }),
      ];
      try {
        const [anonymous, viewer] = clients.map((client) =>
          subscribe(client, { claimId: claim, after }, live),
        );
        await as('ana', ADD, { claimId: claim, body: 'Live and internal' });
        const [[hidden], [shown]] = await Promise.all([anonymous.waitFor(1), viewer.waitFor(1)]);
        expect(hidden.kind).toBe('NOTE_ADDED');
        expect(hidden.payload.body).toBeUndefined();
        expect(hidden.payload.noteId).toEqual(expect.any(String));
        expect(shown.payload.body).toBe('Live and internal');
        anonymous.dispose();
        viewer.dispose();
      } finally {
        await Promise.all(clients.map((client) => client.dispose()));
      }
    });
  });

  it('asks an anonymous caller whose queue, and refuses a bad personId', async () => {
    const anonymous = await t.gqlAs(null, QUEUE, {});
    expect(anonymous.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // a queue holds the team's notes: nobody reads one without a token, not even by personId
    const someone = await t.gqlAs(null, QUEUE, { p: id.ben });
    expect(someone.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(someone.data ?? null).toBeNull();
    const wrong = await t.gql(QUEUE, {
      p: Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString('base64url'),
    });
    expect(wrong.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
