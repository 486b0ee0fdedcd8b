import { api, ATTRIBUTE, keyOf } from './support/claims-api';
import { startTestApp, TestApp } from './test-app';

/**
 * `updateClaim` on the text of a claim past review (CORROBORATED, CONFIRMED, REFUTED): the verdict
 * stands only with a rationale; otherwise the claim goes back to UNVERIFIED, as a recorded status
 * change, in the same transaction as the new text.
 */
describe('rewording a reviewed claim', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  const HISTORY = `query ($id: ID!, $asOf: DateTime) { claim(id: $id, asOf: $asOf) {
    text status version statusHistory { from to rationale } } }`;
  const eventsOf = (claimId: string) =>
    t.db.query<{ kind: string; payload: any; at: Date }>(
      `SELECT kind, payload, at FROM claim_events WHERE claim_id = $1::uuid ORDER BY id`,
      [keyOf(claimId)],
    );

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
  });
  afterAll(() => t?.close());

  async function confirmed(text: string): Promise<string> {
    const { id } = await call.createClaim(text);
    await call.secondReview(id);
    await call.changeStatus({ claimId: id, status: 'CONFIRMED', rationale: 'two sources' });
    return id;
  }

  it('sends a reworded verdict back for review when no rationale keeps it', async () => {
    const id = await confirmed('The ministry met the contractor on Tuesday');
    const updated = await call.updateClaim({
      claimId: id,
      text: 'The ministry met the contractor on Thursday',
      expectedVersion: 2,
    });
    expect(updated).toMatchObject({ status: 'UNVERIFIED', version: 3 });
    const { claim } = await t.ok(HISTORY, { id });
    expect(claim.statusHistory.at(-1)).toEqual({
      from: 'CONFIRMED',
      to: 'UNVERIFIED',
      rationale:
        'The text changed without a rationale while the claim was CONFIRMED: back for review.',
    });
    const events = await eventsOf(id);
    expect(events.slice(-2).map((e) => e.kind)).toEqual(['CLAIM_UPDATED', 'STATUS_CHANGED']);
    const replayed = (await t.ok(HISTORY, { id, asOf: events.at(-1)!.at.toISOString() })).claim;
    expect(replayed).toMatchObject({ status: 'UNVERIFIED', version: 3 });
  });

  it('keeps the verdict with a rationale, and records it', async () => {
    const id = await confirmed('Argentina receives deportees');
    const updated = await call.updateClaim({
      claimId: id,
      text: 'Argentina receives deportees from the US',
      rationale: 'a precision: the verdict covers it',
    });
    expect(updated).toMatchObject({ status: 'CONFIRMED', version: 3 });
    const [last] = (await eventsOf(id)).slice(-1);
    expect(last).toMatchObject({
      kind: 'CLAIM_UPDATED',
      payload: { rationale: 'a precision: the verdict covers it' },
    });
  });

  it('leaves the status alone for tags, an unchanged text, and claims not under a verdict', async () => {
    const id = await confirmed('A claim that keeps its words');
    expect(await call.updateClaim({ claimId: id, tags: ['kept'] })).toMatchObject({
      status: 'CONFIRMED',
    });
    expect(
      await call.updateClaim({ claimId: id, text: '  A claim that keeps its words ' }),
    ).toMatchObject({ status: 'CONFIRMED' });
    const { id: contested } = await call.createClaim('Disputed words');
    await call.changeStatus({ claimId: contested, status: 'CONTESTED', rationale: 'disputed' });
    expect(await call.updateClaim({ claimId: contested, text: 'Disputed wording' })).toMatchObject({
      status: 'CONTESTED',
    });
  });

  it('treats a blank rationale as none', async () => {
    const id = await confirmed('Blank rationales do not count');
    const updated = await call.updateClaim({
      claimId: id,
      text: 'Blank rationales never count',
      rationale: '   ',
    });
    expect(updated.status).toBe('UNVERIFIED');
  });

  it('refuses an attribution made on a claim version the editor did not see', async () => {
    const id = await confirmed('Attributions check the version too');
    const actorId = await call.actor('Someone');
    const articleId = await call.article('Someone said that attributions check the version.');
    const input = {
      claimId: id,
      actorId,
      stance: 'ASSERTS',
      articleId,
      quote: { exact: 'attributions check the version' },
    };
    const before = await t.count('attributions');
    const stale = await call.mutate(ATTRIBUTE, { ...input, expectedVersion: 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await t.count('attributions')).toBe(before);
    await call.attribute({ ...input, expectedVersion: 2 });
    expect(await t.count('attributions')).toBe(before + 1);
  });
});
