import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ArticlesService, NewArticleVersion } from '@claimtrace/articles';
import { AttributionsService } from '@claimtrace/attributions';
import { ClaimsService } from '@claimtrace/claims';
import {
  APP_CONFIG,
  AppConfig,
  decodeCursor,
  encodeCursor,
  keyOf,
  NotFoundError,
  Page,
  pageSize,
  toGlobalId,
  toPage,
} from '@claimtrace/core';
import { ClaimEventKind, Database, SourceChangeAction, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import { SelectorNotForAction, SourceChangeAlreadyResolved } from '../corrections.errors';
import { ResolveSourceChangeInput, SourceChangesArgs } from '../dtos/source-change.inputs';
import { SourceChangeObject, SourceChangeRecord } from '../dtos/source-change.object';
import {
  LockedSourceChange,
  SourceChangesQuery,
  SourceChangesRepository,
} from '../repositories/source-changes.repository';
import { countsByClaim, needsReview } from '../review-rules';

/** What an editor's removal records when they give no reason. */
const WITHDRAWN = 'withdrawn in a correction of its article';

/**
 * Corrections reach the claims: a new version of an article moves the attributions and evidence
 * on its re-anchored passages (in the ingest's transaction), tells each claim's watchers, and
 * queues what needs an editor's review; editors confirm, re-anchor or remove.
 */
@Injectable()
export class CorrectionsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly changes: SourceChangesRepository,
    private readonly attributions: AttributionsService,
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.articles.onNewVersion((tx, version) => this.propagate(tx, version));
    // a removed attribution has nothing left to review: its removal resolves what awaited it
    this.attributions.onRemoved((tx, removed) =>
      this.changes.resolveRemoved(tx, removed.key, removed),
    );
  }

  /**
   * Moves what stood on the previous version's passages and records a source change for each;
   * then one SOURCE_CORRECTED event per touched claim, with the counts moved / changed / orphaned.
   */
  async propagate(tx: Tx, version: NewArticleVersion): Promise<void> {
    const recorded = await this.changes.recordCorrection(tx, {
      previousKey: version.previousKey,
      articleKey: version.articleKey,
      at: version.at,
      passages: version.passages,
      needsReview: version.passages.map((p) => needsReview(p.status, p.score, p.figuresChanged)),
    });
    for (const [claimKey, counts] of countsByClaim(recorded)) {
      const actorIds = recorded
        .filter((change) => change.claimId === claimKey && change.actorId)
        .map((change) => change.actorId!);
      await this.events.append(tx, {
        kind: ClaimEventKind.SOURCE_CORRECTED,
        claimId: claimKey,
        actorIds: [...new Set(actorIds)],
        by: version.by,
        payload: {
          claimId: toGlobalId('Claim', claimKey),
          articleId: toGlobalId('Article', version.articleKey),
          previousVersionId: toGlobalId('Article', version.previousKey),
          url: version.url,
          ...counts,
        },
      });
    }
  }

  /** Checks a page request of `sourceChanges(resolved, first, after)`. */
  query(args: SourceChangesArgs, defaultResolved: boolean | null): SourceChangesQuery {
    return {
      resolved: args.resolved ?? defaultResolved,
      limit: pageSize(args.first, this.config.MAX_PAGE_SIZE),
      after: args.after ? (decodeCursor(args.after, ['time', 'uuid']) as [string, string]) : null,
    };
  }

  /** The review queue: source changes across all claims, newest first (unresolved by default). */
  async page(args: SourceChangesArgs): Promise<Page<SourceChangeObject>> {
    const query = this.query(args, false);
    const { rows, totals } = await this.changes.pages(null, query);
    return toSourceChangePage(rows, query, totals.get('') ?? 0);
  }

  /** An editor's decision on one source change, recorded with an event in one transaction. */
  async resolve(input: ResolveSourceChangeInput, by: string | null): Promise<SourceChangeObject> {
    const key = keyOf(input.sourceChangeId, 'SourceChange', 'sourceChangeId');
    const reason = input.reason?.trim() || null;
    const picksWords = Boolean(input.quote) || Boolean(input.position);
    if (picksWords && input.action !== SourceChangeAction.REANCHOR) {
      throw new SelectorNotForAction(input.action);
    }
    await this.db.transaction(async (tx) => {
      const change = await this.changes.lock(tx, key);
      if (!change) throw new NotFoundError('SourceChange', input.sourceChangeId);
      await this.claims.lockCurrent(tx, change.claimId, toGlobalId('Claim', change.claimId));
      if (!change.needsReview || change.resolution) {
        throw new SourceChangeAlreadyResolved(input.sourceChangeId, change.resolution);
      }
      const at = new Date();
      const movedTo = await this.apply(tx, change, input, by, reason ?? WITHDRAWN);
      await this.changes.resolve(tx, key, { action: input.action, by, reason, at, movedTo });
      await this.events.append(tx, {
        kind: ClaimEventKind.SOURCE_CHANGE_RESOLVED,
        claimId: change.claimId,
        actorIds: change.actorId ? [change.actorId] : [],
        by,
        payload: {
          sourceChangeId: input.sourceChangeId,
          claimId: toGlobalId('Claim', change.claimId),
          action: input.action,
          attributionId: change.attributionId
            ? toGlobalId('Attribution', change.attributionId)
            : null,
          passageId: movedTo ? toGlobalId('Passage', movedTo) : null,
          reason,
        },
      });
    });
    const [row] = await this.changes.findByIds([key]);
    return SourceChangeObject.from(row);
  }

  /** Carries out the action; answers the passage the attribution or evidence moved to, if any. */
  private async apply(
    tx: Tx,
    change: LockedSourceChange,
    input: ResolveSourceChangeInput,
    by: string | null,
    reason: string,
  ): Promise<string | undefined> {
    if (input.action === SourceChangeAction.REANCHOR) {
      // in the newest version: a later correction may have superseded the one this change made
      const passage = await this.articles.anchorPassage(
        tx,
        change.toArticleId,
        toGlobalId('Article', change.toArticleId),
        { quote: input.quote, position: input.position },
        true,
      );
      if (change.attributionId)
        await this.changes.moveAttribution(tx, change.attributionId, passage.id);
      else
        await this.changes.moveEvidence(
          tx,
          change.statusChangeId!,
          change.fromPassageId,
          passage.id,
        );
      return passage.id;
    }
    if (input.action === SourceChangeAction.REMOVE) {
      if (change.attributionId) {
        const id = toGlobalId('Attribution', change.attributionId);
        await this.attributions.removeIn(tx, change.attributionId, id, by, reason);
      } else {
        await this.changes.moveEvidence(tx, change.statusChangeId!, change.fromPassageId, null);
      }
    }
    return undefined;
  }
}

/** A page of source changes with their cursors. */
export function toSourceChangePage(
  rows: SourceChangeRecord[],
  query: SourceChangesQuery,
  totalCount: number,
): Page<SourceChangeObject> {
  return toPage(
    rows,
    query.limit,
    query.after ? 'after' : null,
    totalCount,
    (row) => encodeCursor([row.at.toISOString(), row.id]),
    SourceChangeObject.from,
  );
}
