import { Injectable } from '@nestjs/common';
import { AlreadyMerged, keyOf, NotFoundError, SelfMerge, toGlobalId } from '@claimtrace/core';
import { ClaimEventKind, Database } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import { DuplicateLink, SelfLink } from '../claims.errors';
import { LinkClaimsInput } from '../dtos/claim.inputs';
import { ClaimObject, ClaimRelationObject } from '../dtos/claim.object';
import { ClaimsRepository } from '../repositories/claims.repository';
import { ClaimsService } from './claims.service';
import { MergeInput } from '@claimtrace/core';

/** Links between claims, and merging one claim into another. */
@Injectable()
export class ClaimLinksService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly claimsService: ClaimsService,
    private readonly events: EventLogService,
  ) {}

  async link(input: LinkClaimsInput, by: string | null): Promise<ClaimRelationObject> {
    const from = keyOf(input.fromId, 'Claim', 'fromId');
    const to = keyOf(input.toId, 'Claim', 'toId');
    if (from === to) throw new SelfLink();
    return this.db.transaction(async (tx) => {
      await this.claimsService.lockCurrent(tx, from, input.fromId);
      await this.claimsService.lockCurrent(tx, to, input.toId);
      const added = await this.claims.link(tx, {
        fromClaimId: from,
        toClaimId: to,
        relation: input.relation,
        createdBy: by,
      });
      if (!added) throw new DuplicateLink(input.relation);
      await this.events.append(tx, {
        kind: ClaimEventKind.CLAIMS_LINKED,
        claimId: from,
        by,
        payload: { fromId: input.fromId, toId: input.toId, relation: input.relation },
      });
      return ClaimRelationObject.from({
        fromClaimId: from,
        toClaimId: to,
        relation: input.relation,
      });
    });
  }

  /** Merges a claim into another: nothing is lost, and the merged one keeps resolving. */
  async merge(input: MergeInput, by: string | null): Promise<ClaimObject> {
    const keep = keyOf(input.keepId, 'Claim', 'keepId');
    const merge = keyOf(input.mergeId, 'Claim', 'mergeId');
    if (keep === merge) throw new SelfMerge('claim');
    return this.db.transaction(async (tx) => {
      // Lock in a fixed order so two opposite merges cannot deadlock.
      const [first, second] = keep < merge ? [keep, merge] : [merge, keep];
      const locked = new Map([
        [first, await this.claims.lock(tx, first)],
        [second, await this.claims.lock(tx, second)],
      ]);
      const kept = locked.get(keep);
      const merged = locked.get(merge);
      if (!kept) throw new NotFoundError('Claim', input.keepId);
      if (!merged) throw new NotFoundError('Claim', input.mergeId);
      if (kept.mergedIntoId) {
        throw new AlreadyMerged('claim', input.keepId, toGlobalId('Claim', kept.mergedIntoId));
      }
      if (merged.mergedIntoId) {
        throw new AlreadyMerged('claim', input.mergeId, toGlobalId('Claim', merged.mergedIntoId));
      }
      const moved = await this.claims.moveOnto(tx, keep, merge);
      await this.claims.update(tx, merge, { mergedIntoId: keep });
      const tags = [...new Set([...(kept.tags ?? []), ...(merged.tags ?? [])])];
      const row = await this.claims.update(tx, keep, { tags });
      await this.claims.noteSeenAt(tx, keep, merged.firstSeenAt);
      await this.events.append(tx, {
        kind: ClaimEventKind.CLAIMS_MERGED,
        claimId: keep,
        by,
        payload: { keepId: input.keepId, mergeId: input.mergeId, moved },
      });
      return ClaimObject.from({
        ...row,
        firstSeenAt: merged.firstSeenAt < row.firstSeenAt ? merged.firstSeenAt : row.firstSeenAt,
      });
    });
  }
}
