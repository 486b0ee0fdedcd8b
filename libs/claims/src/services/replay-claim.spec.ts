import { ClaimStatus, Priority } from '@claimtrace/database';
import { ClaimRecord } from '../dtos/claim.object';
import { replayClaim } from './claims.service';

const current: ClaimRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  text: 'now',
  status: ClaimStatus.REFUTED,
  version: 5,
  tags: ['now'],
  language: 'en',
  firstSeenAt: new Date('2026-01-01T00:00:00Z'),
  mergedIntoId: null,
  assigneeId: null,
  dueAt: null,
  priority: Priority.NORMAL,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-05T00:00:00Z'),
};
const at = (day: number) => new Date(`2026-01-0${day}T00:00:00Z`);

describe('replayClaim', () => {
  it('folds creation, updates and status changes into the claim as of the last one', () => {
    const state = replayClaim(current, [
      {
        kind: 'CLAIM_CREATED',
        at: at(1),
        payload: { text: 'first', tags: [], status: 'UNVERIFIED' },
      },
      { kind: 'STATUS_CHANGED', at: at(2), payload: { to: 'CONTESTED', version: 2 } },
      { kind: 'ATTRIBUTION_ADDED', at: at(3), payload: {} },
      {
        kind: 'CLAIM_UPDATED',
        at: at(4),
        payload: { version: 3, after: { text: 'second', tags: ['t'] } },
      },
    ]);
    expect(state).toMatchObject({ text: 'second', tags: ['t'], status: 'CONTESTED', version: 3 });
    expect(state.updatedAt).toEqual(at(4));
  });

  it('is the freshly created claim when nothing happened yet', () => {
    const state = replayClaim(current, [
      {
        kind: 'CLAIM_CREATED',
        at: at(1),
        payload: { text: 'first', tags: ['a'], status: 'UNVERIFIED' },
      },
    ]);
    expect(state).toMatchObject({ text: 'first', tags: ['a'], status: 'UNVERIFIED', version: 1 });
    expect(state.mergedIntoId).toBeNull();
  });
});
