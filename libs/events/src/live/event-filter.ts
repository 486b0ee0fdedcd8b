import { ClaimEventKind } from '@claimtrace/database';
import { parseGlobalId } from '@claimtrace/core';
import { LogEvent } from '../log/log-event';
import { isDraftReviewEvent } from '../log/public-payload';

/** Which events a reader wants; both set means both must hold. Keys are database ids. */
export interface EventFilter {
  readonly claimId: string | null;
  readonly actorId: string | null;
  /**
   * The reader holds a token: the actor filter finds the reviewer of a draft review by its events.
   * Without one (the default) a draft's reviewer stays the newsroom's, as its payload does.
   */
  readonly newsroom?: boolean;
}

export const ALL_EVENTS: EventFilter = Object.freeze({ claimId: null, actorId: null });

/**
 * Decides, event by event in log order, whether a live event matches a filter. The actor filter
 * covers the events that name the actor and the events of claims the actor holds a stance on; the
 * set of those claims starts from the database (`seed`) and follows the stream: an attribution by
 * the actor adds its claim, a claim merge carries the merged claim's membership over, an actor merge
 * asks for a reload (`stale`). Claims are never
 * dropped from the set while the subscription lives (a removed stance keeps its claim in the feed):
 * the set may include too much, never too little, so no event that should arrive is missed.
 */
export class EventMatcher {
  private readonly claims = new Set<string>();
  /** set when an event may have given the actor stances the set cannot see (an actor merge) */
  stale = false;

  constructor(readonly filter: EventFilter) {}

  get needsSeed(): boolean {
    return this.filter.actorId !== null;
  }

  seed(claimIds: Iterable<string>): void {
    for (const claimId of claimIds) this.claims.add(claimId);
  }

  /** Call once per event, in log order: updates the actor's claim set, then answers the match. */
  accept(event: LogEvent): boolean {
    const { claimId, actorId } = this.filter;
    if (claimId !== null && event.claimId !== claimId) return false;
    if (actorId === null) return true;
    const names =
      event.actorIds.includes(actorId) &&
      (this.filter.newsroom === true || !isDraftReviewEvent(event.kind, event.payload));
    // A merge moves another actor's attributions onto this one: reload the set from the database.
    if (names && event.kind === ClaimEventKind.ACTORS_MERGED) this.stale = true;
    if (event.claimId !== null) {
      if (names && event.kind === ClaimEventKind.ATTRIBUTION_ADDED) this.claims.add(event.claimId);
      if (event.kind === ClaimEventKind.CLAIMS_MERGED) {
        const merged = mergedClaimKey(event.payload);
        if (merged && this.claims.has(merged)) this.claims.add(event.claimId);
      }
    }
    return names || (event.claimId !== null && this.claims.has(event.claimId));
  }

  /** How many claims the actor filter tracks (for tests and stats). */
  get trackedClaims(): number {
    return this.claims.size;
  }
}

function mergedClaimKey(payload: Record<string, unknown>): string | null {
  const id = payload.mergeId;
  return typeof id === 'string' ? (parseGlobalId(id)?.key ?? null) : null;
}
