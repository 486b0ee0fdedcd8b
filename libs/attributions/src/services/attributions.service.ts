import { Inject, Injectable } from '@nestjs/common';
import { ActorsService } from '@claimtrace/actors';
import { ArticlesService } from '@claimtrace/articles';
import { ClaimsService } from '@claimtrace/claims';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  decodeCursor,
  keyOf,
  NotFoundError,
  Page,
  pageSize,
  toGlobalId,
} from '@claimtrace/core';
import { ClaimEventKind, Database, Stance, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import {
  AttributionAlreadyRemoved,
  AttributionStillRelayed,
  DuplicateAttribution,
  RelayInOtherArticle,
  RelayOnOtherClaim,
  RelayRemoved,
} from '../attributions.errors';
import { AttributionObject, AttributionRecord } from '../dtos/attribution.object';
import {
  AttributeClaimInput,
  AttributionsArgs,
  RemoveAttributionInput,
} from '../dtos/attribution.inputs';
import { AttributionHydrator } from '../repositories/attribution-hydrator';
import { AttributionOwner, AttributionsRepository } from '../repositories/attributions.repository';

export interface AttributionPageRequest {
  owner: AttributionOwner;
  limit: number;
  after: [string, string] | null;
  stance: Stance | null;
  /** ISO time: the attributions that existed then (a claim read with `asOf`); null for now */
  asOf?: string | null;
}

/** An attribution just removed, as the listeners of `onRemoved` receive it. */
export interface RemovedAttribution {
  key: string;
  by: string | null;
  reason: string;
  at: Date;
}

/** Runs inside the removal's transaction: what fails there rolls the removal back. */
export type RemovalListener = (tx: Tx, removed: RemovedAttribution) => Promise<void>;

/** The rules of attributions: anchored evidence, same-claim same-article relays, soft removal. */
@Injectable()
export class AttributionsService {
  private readonly removalListeners: RemovalListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly attributions: AttributionsRepository,
    private readonly articles: ArticlesService,
    private readonly actors: ActorsService,
    private readonly claims: ClaimsService,
    private readonly events: EventLogService,
    private readonly hydrator: AttributionHydrator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Registers what must happen, in the removal's transaction, when an attribution is removed (the
   * corrections feature resolves the reviews it awaited): features that build on attributions
   * hook in here instead of attributions depending on them.
   */
  onRemoved(listener: RemovalListener): void {
    this.removalListeners.push(listener);
  }

  /**
   * The claim (database key) of a current attribution, locked in `tx` so that it stays until the
   * caller commits (a note on it, say); NOT_FOUND when there is none or it was removed.
   */
  async claimOfCurrent(tx: Tx, id: string, argument: string): Promise<string> {
    const row = await this.attributions.lock(tx, keyOf(id, 'Attribution', argument));
    if (!row || row.removedAt) throw new NotFoundError('Attribution', id);
    return row.claimId;
  }

  /** Checks a page request of a nested `attributions(first, after, stance)` field. */
  pageRequest(owner: AttributionOwner, args: AttributionsArgs): AttributionPageRequest {
    return {
      owner,
      limit: pageSize(args.first, this.config.MAX_PAGE_SIZE),
      after: args.after ? (decodeCursor(args.after, ['time', 'uuid']) as [string, string]) : null,
      stance: args.stance ?? null,
    };
  }

  /**
   * Records that an actor took a stance on a claim, evidenced by a passage picked by quote or
   * position: the passage (reused when identical) and the attribution commit together.
   */
  async attribute(input: AttributeClaimInput, by: string | null): Promise<AttributionObject> {
    return this.load((await this.record(input, by, false))!);
  }

  /**
   * As `attribute`, unless the same stance by the same actor on the claim is already evidenced by
   * the same passage: then nothing is written and the answer is null. Race-free: the claim's row
   * is locked before the check (a bulk import run twice at once adds each stance once).
   */
  async attributeOnce(input: AttributeClaimInput, by: string | null): Promise<string | null> {
    return this.record(input, by, true);
  }

  /** Writes an attribution (unless `once` finds it there); answers its id, or null. */
  private async record(
    input: AttributeClaimInput,
    by: string | null,
    once: boolean,
  ): Promise<string | null> {
    const claimKey = keyOf(input.claimId, 'Claim', 'claimId');
    const actorKey = keyOf(input.actorId, 'Actor', 'actorId');
    const articleKey = keyOf(input.articleId, 'Article', 'articleId');
    const viaKey = input.reportedViaId
      ? keyOf(input.reportedViaId, 'Attribution', 'reportedViaId')
      : null;
    return this.db.transaction(async (tx) => {
      await this.claims.lockCurrent(tx, claimKey, input.claimId, input.expectedVersion);
      await this.actors.requireKey(tx, actorKey, input.actorId);
      const passage = await this.articles.anchorPassage(tx, articleKey, input.articleId, {
        quote: input.quote,
        position: input.position,
      });
      if (viaKey) {
        const via = await this.attributions.lock(tx, viaKey);
        if (!via) throw new NotFoundError('Attribution', input.reportedViaId!);
        if (via.removedAt) throw new RelayRemoved();
        if (via.claimId !== claimKey) throw new RelayOnOtherClaim();
        if (via.articleId !== articleKey) throw new RelayInOtherArticle();
      }
      const row = await this.attributions.create(tx, {
        claimId: claimKey,
        actorId: actorKey,
        stance: input.stance,
        passageId: passage.id,
        statedAt: input.statedAt ?? null,
        reportedViaId: viaKey,
        confidence: input.confidence ?? null,
        createdBy: by,
      });
      if ('existingId' in row) {
        // the unique index found it there: `once` writes nothing, `attribute` names the one there
        if (once) return null;
        throw new DuplicateAttribution(toGlobalId('Attribution', row.existingId));
      }
      const seen = input.statedAt ?? (await this.attributions.articlePublishedAt(tx, articleKey));
      if (seen) await this.claims.noteSeenAt(tx, claimKey, seen);
      await this.events.append(tx, {
        kind: ClaimEventKind.ATTRIBUTION_ADDED,
        claimId: claimKey,
        actorIds: [actorKey],
        by,
        payload: {
          attributionId: toGlobalId('Attribution', row.id),
          claimId: input.claimId,
          actorId: input.actorId,
          stance: input.stance,
          passageId: toGlobalId('Passage', passage.id),
          exact: passage.exact,
          reportedViaId: input.reportedViaId ?? null,
        },
      });
      return row.id;
    });
  }

  /** An attribution with its actor, passage and relay chain (after its transaction committed). */
  private async load(key: string): Promise<AttributionObject> {
    const [attribution] = await this.hydrator.hydrate(await this.attributions.findByIds([key]));
    return attribution;
  }

  /** Takes a mistaken attribution out of current views; history and the event log keep it. */
  async remove(input: RemoveAttributionInput, by: string | null): Promise<AttributionObject> {
    const key = keyOf(input.attributionId, 'Attribution', 'attributionId');
    const reason = input.reason.trim();
    if (!reason) throw new BadInputError('reason must contain at least one visible character.');
    await this.db.transaction(async (tx) => {
      const row = await this.removeIn(tx, key, input.attributionId, by, reason);
      await this.events.append(tx, {
        kind: ClaimEventKind.ATTRIBUTION_REMOVED,
        claimId: row.claimId,
        actorIds: [row.actorId],
        by,
        payload: { attributionId: input.attributionId, stance: row.stance, reason },
      });
    });
    return this.load(key);
  }

  /**
   * Removes an attribution inside the caller's transaction, by the rules of `remove` (not removed
   * yet, no current relay through it); the caller records its own event.
   */
  async removeIn(
    tx: Tx,
    key: string,
    id: string,
    by: string | null,
    reason: string,
  ): Promise<AttributionRecord> {
    const current = await this.attributions.lock(tx, key);
    if (!current) throw new NotFoundError('Attribution', id);
    if (current.removedAt) throw new AttributionAlreadyRemoved();
    const relays = await this.attributions.activeRelaysOf(tx, key);
    if (relays > 0) throw new AttributionStillRelayed(relays);
    const removed = await this.attributions.remove(tx, key, by, reason);
    for (const listener of this.removalListeners) {
      await listener(tx, { key, by, reason, at: removed.removedAt! });
    }
    return removed;
  }
}

export type AttributionPage = Page<AttributionObject>;
