import { ClaimEventKind } from '@claimtrace/database';
import { toGlobalId } from '@claimtrace/core';
import { LogEvent } from '../log/log-event';
import { EventMatcher } from './event-filter';

let seq = 0n;
function event(
  kind: ClaimEventKind,
  claimId: string | null,
  actorIds: string[] = [],
  payload = {},
): LogEvent {
  seq += 1n;
  return {
    txId: seq,
    id: seq,
    cursor: `c${seq}`,
    kind,
    claimId,
    actorIds,
    at: new Date(),
    by: null,
    personId: null,
    payload,
  };
}

const ACTOR = '00000000-0000-4000-8000-00000000000a';
const CLAIM = '00000000-0000-4000-8000-0000000000c1';
const OTHER = '00000000-0000-4000-8000-0000000000c2';

describe('EventMatcher', () => {
  it('passes everything without a filter, and one claim with a claim filter', () => {
    expect(
      new EventMatcher({ claimId: null, actorId: null }).accept(
        event(ClaimEventKind.ACTOR_CREATED, null),
      ),
    ).toBe(true);
    const byClaim = new EventMatcher({ claimId: CLAIM, actorId: null });
    expect(byClaim.accept(event(ClaimEventKind.STATUS_CHANGED, CLAIM))).toBe(true);
    expect(byClaim.accept(event(ClaimEventKind.STATUS_CHANGED, OTHER))).toBe(false);
    expect(byClaim.accept(event(ClaimEventKind.ACTOR_CREATED, null, [ACTOR]))).toBe(false);
  });

  it('follows an actor: events naming it, and claims it takes a stance on from then on', () => {
    const matcher = new EventMatcher({ claimId: null, actorId: ACTOR });
    matcher.seed([OTHER]);
    expect(matcher.accept(event(ClaimEventKind.STATUS_CHANGED, OTHER))).toBe(true);
    expect(matcher.accept(event(ClaimEventKind.STATUS_CHANGED, CLAIM))).toBe(false);
    expect(matcher.accept(event(ClaimEventKind.ATTRIBUTION_ADDED, CLAIM, [ACTOR]))).toBe(true);
    expect(matcher.accept(event(ClaimEventKind.STATUS_CHANGED, CLAIM))).toBe(true);
    expect(matcher.accept(event(ClaimEventKind.ACTOR_UPDATED, null, [ACTOR]))).toBe(true);
    expect(matcher.accept(event(ClaimEventKind.ACTOR_UPDATED, null, ['someone-else']))).toBe(false);
  });

  it('asks for a reload when another actor is merged into it', () => {
    const matcher = new EventMatcher({ claimId: null, actorId: ACTOR });
    expect(matcher.accept(event(ClaimEventKind.ACTORS_MERGED, null, [ACTOR, 'merged-away']))).toBe(
      true,
    );
    expect(matcher.stale).toBe(true);
  });

  it('carries a stance over a merge into the kept claim', () => {
    const matcher = new EventMatcher({ claimId: null, actorId: ACTOR });
    matcher.seed([OTHER]);
    const merge = event(ClaimEventKind.CLAIMS_MERGED, CLAIM, [], {
      keepId: toGlobalId('Claim', CLAIM),
      mergeId: toGlobalId('Claim', OTHER),
    });
    expect(matcher.accept(merge)).toBe(true);
    expect(matcher.accept(event(ClaimEventKind.CLAIM_UPDATED, CLAIM))).toBe(true);
  });
});
