import { TokensService } from '@claimtrace/auth';
import { api } from './support/claims-api';
import { claimEventsOf } from './support/event-log';
import { startTestApp, TestApp } from './test-app';

// The desk around a claim: assignments, due dates and priorities (EDITOR, recorded as ASSIGNED
// events, filtered on `claims`), and the checklist (ticked by a person, required for a verdict).

const ASSIGN = `mutation ($i: AssignClaimInput!) { assignClaim(input: $i) {
  id version assignee { name } dueAt priority } }`;
const TICK = `mutation ($i: SetChecklistItemInput!) { setChecklistItem(input: $i) {
  checklist { key label done doneBy { name } doneAt } } }`;
const CLAIMS = `query ($f: ClaimFilter) { claims(filter: $f, first: 100) { totalCount edges { node { text } } } }`;
const CHANGE = `mutation ($i: ChangeClaimStatusInput!) { changeClaimStatus(input: $i) { status } }`;

describe('assignments and checklists', () => {
  let t: TestApp;
  let editor: string;
  let viewer: string;
  let ana: string;
  let ben: string;

  const person = async (name: string, handle: string) =>
    (
      await t.ok(`mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id } }`, {
        i: { name, handle },
      })
    ).createPerson.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    ana = await person('Ana Lima', 'ana');
    ben = await person('Ben Okoro', 'ben');
    editor = (
      await t.app.get(TokensService).create({ name: 'ana-desk', role: 'EDITOR', person: ana })
    ).token;
    viewer = await t.token('VIEWER', 'reader');
  });
  afterAll(() => t.close());

  it('assigns a claim with a due date and priority, changes only what is given, and records it', async () => {
    const claim = await api(t).createClaim('the minister resigned');
    const due = '2026-12-24T12:00:00.000Z';
    const first = await t.gqlAs(editor, ASSIGN, {
      i: { claimId: claim.id, assigneeId: ben, dueAt: due, priority: 'HIGH' },
    });
    expect(first.data?.assignClaim).toMatchObject({
      assignee: { name: 'Ben Okoro' },
      dueAt: due,
      priority: 'HIGH',
      version: 1,
    });
    const second = await t.gqlAs(editor, ASSIGN, { i: { claimId: claim.id, priority: 'URGENT' } });
    expect(second.data?.assignClaim).toMatchObject({
      assignee: { name: 'Ben Okoro' },
      dueAt: due,
      priority: 'URGENT',
    });
    const third = await t.gqlAs(editor, ASSIGN, {
      i: { claimId: claim.id, assigneeId: null, dueAt: null },
    });
    expect(third.data?.assignClaim).toMatchObject({
      assignee: null,
      dueAt: null,
      priority: 'URGENT',
    });
    // assigning what is already so changes nothing and records nothing
    const same = await t.gqlAs(editor, ASSIGN, {
      i: { claimId: claim.id, assigneeId: null, dueAt: null, priority: 'URGENT' },
    });
    expect(same.errors).toBeUndefined();
    const events = (await claimEventsOf(t, claim.id, 4)).filter((e) => e.kind === 'ASSIGNED');
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      by: 'ana-desk',
      person: { name: 'Ana Lima' },
      payload: {
        assignee: 'Ben Okoro',
        before: { assigneeId: null, priority: 'NORMAL' },
        after: { assigneeId: ben, dueAt: due, priority: 'HIGH' },
      },
    });
    expect(events[2].payload).toMatchObject({
      assignee: null,
      after: { assigneeId: null, dueAt: null },
    });
  });

  it('filters claims by assignee, unassigned and due before', async () => {
    const a = await api(t).createClaim('filter: Ana, due soon');
    const b = await api(t).createClaim('filter: Ben, due later');
    await api(t).createClaim('filter: nobody');
    await t.ok(ASSIGN, { i: { claimId: a.id, assigneeId: ana, dueAt: '2026-01-01T00:00:00Z' } });
    await t.ok(ASSIGN, { i: { claimId: b.id, assigneeId: ben, dueAt: '2027-01-01T00:00:00Z' } });
    const texts = async (f: Record<string, unknown>) =>
      ((await t.ok(CLAIMS, { f })).claims.edges as any[])
        .map((e) => e.node.text)
        .filter((x: string) => x.startsWith('filter:'));
    expect(await texts({ assigneeId: ana })).toEqual(['filter: Ana, due soon']);
    expect(await texts({ unassigned: true })).toEqual(['filter: nobody']);
    expect(await texts({ dueBefore: '2026-06-01T00:00:00Z' })).toEqual(['filter: Ana, due soon']);
    expect(await texts({ assigneeId: ben, dueBefore: '2026-06-01T00:00:00Z' })).toEqual([]);
    const wrong = await t.gql(CLAIMS, { f: { assigneeId: a.id } });
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(wrong.errors?.[0].message).toMatch(/must be the id of a Person/);
  });

  it.each([
    [
      'an unknown person',
      () => ({
        assigneeId: Buffer.from('Person:00000000-0000-4000-8000-000000000000').toString(
          'base64url',
        ),
      }),
      'NOT_FOUND',
    ],
    ['a claim id as assignee', (id: string) => ({ assigneeId: id }), 'BAD_USER_INPUT'],
    ['a due date past year 9999', () => ({ dueAt: '10000-01-01T00:00:00Z' }), 'BAD_USER_INPUT'],
    ['an unknown priority', () => ({ priority: 'SOMEDAY' }), 'BAD_USER_INPUT'],
  ])('refuses %s, writing nothing', async (_what, extra, code) => {
    const claim = await api(t).createClaim(`refusal ${_what}`);
    const before = await t.count('claim_events');
    const result = await t.gqlAs(editor, ASSIGN, { i: { claimId: claim.id, ...extra(claim.id) } });
    expect(result.errors?.[0].extensions.code).toBe(code);
    expect(await t.count('claim_events')).toBe(before);
  });

  it.each(['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])(
    'keeps a due date at the edge of DateTime (%s), and filters by it',
    async (edge) => {
      const claim = await api(t).createClaim(`edge ${edge}`);
      const set = await t.gqlAs(editor, ASSIGN, { i: { claimId: claim.id, dueAt: edge } });
      expect(set.data?.assignClaim.dueAt).toBe(edge);
      const after = new Date(Date.parse(edge) + 1).toISOString();
      const due = await t.ok(CLAIMS, { f: { dueBefore: edge.startsWith('9999') ? edge : after } });
      expect(due.claims.edges.some((e: any) => e.node.text === `edge ${edge}`)).toBe(
        !edge.startsWith('9999'),
      );
    },
  );

  it('lets EDITOR assign and tick, not VIEWER or anonymous', async () => {
    const claim = await api(t).createClaim('who may assign');
    for (const [token, code] of [
      [viewer, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect(
        (await t.gqlAs(token, ASSIGN, { i: { claimId: claim.id, assigneeId: ana } })).errors?.[0]
          .extensions.code,
      ).toBe(code);
      expect(
        (await t.gqlAs(token, TICK, { i: { claimId: claim.id, key: 'check-numbers', done: true } }))
          .errors?.[0].extensions.code,
      ).toBe(code);
    }
    const read = await t.gqlAs(
      viewer,
      `query ($id: ID!) { claim(id: $id) { assignee { name } checklist { key } } }`,
      { id: claim.id },
    );
    expect(read.data?.claim.checklist).toHaveLength(4);
  });

  it('ticks checklist items by person and time, and a verdict waits for the second review', async () => {
    const claim = await api(t).createClaim('unemployment fell to 3 percent');
    const refused = await t.gqlAs(editor, CHANGE, {
      i: { claimId: claim.id, status: 'CONFIRMED', rationale: 'checked' },
    });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', missing: ['second-review'] },
    });
    expect(refused.errors?.[0].message).toMatch(/"Second editor review" \(second-review\) done/);
    const ticked = await t.gqlAs(editor, TICK, {
      i: { claimId: claim.id, key: 'second-review', done: true },
    });
    const item = ticked.data?.setChecklistItem.checklist.find(
      (i: any) => i.key === 'second-review',
    );
    expect(item).toMatchObject({
      label: 'Second editor review',
      done: true,
      doneBy: { name: 'Ana Lima' },
    });
    expect(Date.now() - Date.parse(item.doneAt)).toBeLessThan(60_000);
    // ticking again changes nothing and records nothing
    await t.gqlAs(editor, TICK, { i: { claimId: claim.id, key: 'second-review', done: true } });
    expect(
      (
        await t.gqlAs(editor, CHANGE, {
          i: { claimId: claim.id, status: 'CONFIRMED', rationale: 'checked' },
        })
      ).data?.changeClaimStatus.status,
    ).toBe('CONFIRMED');
    // a verdict keeps the review it needed: withdrawn only once the claim is reopened
    const withdrawn = await t.gqlAs(editor, TICK, {
      i: { claimId: claim.id, key: 'second-review', done: false },
    });
    expect(withdrawn.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      status: 'CONFIRMED',
    });
    expect(withdrawn.errors?.[0].message).toMatch(/move the claim to CONTESTED or RETRACTED first/);
    await t.gqlAs(editor, CHANGE, {
      i: { claimId: claim.id, status: 'CONTESTED', rationale: 'new evidence' },
    });
    const unticked = await t.gqlAs(editor, TICK, {
      i: { claimId: claim.id, key: 'second-review', done: false },
    });
    expect(
      unticked.data?.setChecklistItem.checklist.find((i: any) => i.key === 'second-review'),
    ).toMatchObject({ done: false, doneBy: null, doneAt: null });
    const changes = (await claimEventsOf(t, claim.id, 5)).filter(
      (e) => e.kind === 'CHECKLIST_ITEM_CHANGED',
    );
    expect(changes.map((e) => [e.payload.key, e.payload.done, e.person.name])).toEqual([
      ['second-review', true, 'Ana Lima'],
      ['second-review', false, 'Ana Lima'],
    ]);
  });

  it('leaves the second review to someone other than the assignee', async () => {
    const claim = await api(t).createClaim('own review');
    await t.gqlAs(editor, ASSIGN, { i: { claimId: claim.id, assigneeId: ana } });
    const own = await t.gqlAs(editor, TICK, {
      i: { claimId: claim.id, key: 'second-review', done: true },
    });
    expect(own.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(own.errors?.[0].message).toMatch(/someone other than the claim's assignee/);
    // her own preparatory items are hers to tick; the admin reviews
    expect(
      (await t.gqlAs(editor, TICK, { i: { claimId: claim.id, key: 'check-numbers', done: true } }))
        .errors,
    ).toBeUndefined();
    expect(
      (await t.gql(TICK, { i: { claimId: claim.id, key: 'second-review', done: true } })).errors,
    ).toBeUndefined();
  });

  it('holds the verdict when the second review’s ticker became the assignee', async () => {
    const claim = await api(t).createClaim('reassigned reviewer');
    // Ana ticks the review while nobody is assigned, then the claim is handed to her
    await t.gqlAs(editor, TICK, { i: { claimId: claim.id, key: 'second-review', done: true } });
    await t.gqlAs(editor, ASSIGN, { i: { claimId: claim.id, assigneeId: ana } });
    const refused = await t.gqlAs(editor, CHANGE, {
      i: { claimId: claim.id, status: 'CONFIRMED', rationale: 'checked' },
    });
    expect(refused.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', missing: ['second-review'] },
    });
    expect(refused.errors?.[0].message).toMatch(/someone other than its assignee/);
    // handed to Ben, Ana's tick is a second pair of eyes again
    await t.gqlAs(editor, ASSIGN, { i: { claimId: claim.id, assigneeId: ben } });
    const rated = await t.gqlAs(editor, CHANGE, {
      i: { claimId: claim.id, status: 'CONFIRMED', rationale: 'checked' },
    });
    expect(rated.data?.changeClaimStatus.status).toBe('CONFIRMED');
  });

  it('refuses an unknown item, naming the known ones', async () => {
    const claim = await api(t).createClaim('unknown item');
    const result = await t.gqlAs(editor, TICK, {
      i: { claimId: claim.id, key: 'x'.repeat(40), done: true },
    });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(
      /its items are original-source, contact-actor, check-numbers, second-review/,
    );
  });

  it('fuzzes concurrent ticks of one item: one tick, one event', async () => {
    const claim = await api(t).createClaim('concurrent ticks');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.gqlAs(editor, TICK, { i: { claimId: claim.id, key: 'check-numbers', done: true } }),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const events = (await claimEventsOf(t, claim.id, 2)).filter(
      (e) => e.kind === 'CHECKLIST_ITEM_CHANGED',
    );
    expect(events).toHaveLength(1);
  });

  it('fuzzes unticking the review against a verdict: a verdict never stands without its review', async () => {
    for (let round = 0; round < 6; round++) {
      const claim = await api(t).createClaim(`review race ${round}`);
      await t.gql(TICK, { i: { claimId: claim.id, key: 'second-review', done: true } });
      const results = await Promise.all([
        t.gqlAs(editor, TICK, { i: { claimId: claim.id, key: 'second-review', done: false } }),
        t.gqlAs(editor, CHANGE, {
          i: { claimId: claim.id, status: 'REFUTED', rationale: 'checked' },
        }),
      ]);
      expect(JSON.stringify(results)).not.toMatch(/INTERNAL_SERVER_ERROR/);
      const read = await t.gql(
        `query ($id: ID!) { claim(id: $id) { status checklist { key done } } }`,
        { id: claim.id },
      );
      const review = read.data?.claim.checklist.find((i: any) => i.key === 'second-review');
      // exactly one of the two wins: the verdict with its review, or the untick without a verdict
      expect([read.data?.claim.status, review.done]).toEqual(
        results[1].errors ? ['UNVERIFIED', false] : ['REFUTED', true],
      );
    }
  });
});
