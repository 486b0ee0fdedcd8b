import { Inject, Injectable } from '@nestjs/common';
import {
  AlreadyMerged,
  APP_CONFIG,
  AppConfig,
  decodeCursor,
  detectLanguage,
  encodeCursor,
  keyOf,
  NotFoundError,
  Page,
  pageSize,
  parseTextQuery,
  SIMILARITY,
  toGlobalId,
  toPage,
} from '@claimtrace/core';
import { ClaimEventKind, ClaimStatus, Database, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import {
  BlankText,
  ChecklistIncomplete,
  ClaimNotYetCreated,
  InvalidTransition,
  LikelyDuplicateClaim,
  StaleVersion,
} from '../claims.errors';
import { ClaimObject, ClaimRecord } from '../dtos/claim.object';
import { ChangeClaimStatusInput, CreateClaimInput, UpdateClaimInput } from '../dtos/claim.inputs';
import { ClaimOrder, ClaimsArgs } from '../dtos/claims.args';
import { SimilarClaimObject, SimilarClaimsArgs } from '../dtos/similar-claim.object';
import { ClaimPageQuery, ClaimSort, ClaimsRepository } from '../repositories/claims.repository';
import {
  canTransition,
  countedTicks,
  missingItems,
  statusAfterReword,
} from '../status/transitions';
import { ClaimDeskRepository } from '../repositories/claim-desk.repository';

/** Filters of the work queue (libs/newsroom) on top of ClaimFilter. */
export type QueueFilter = Pick<ClaimPageQuery, 'checklist' | 'notAssigneeId'> & {
  /** the assignee's database key (the queue's person) */
  assigneeKey?: string;
};

/** The rules of claims: neutral text, tags, optimistic versions and the status workflow. */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly desk: ClaimDeskRepository,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<ClaimObject> {
    const [row] = await this.claims.findByIds([keyOf(id, 'Claim')]);
    if (!row) throw new NotFoundError('Claim', id);
    return ClaimObject.from(row);
  }

  /**
   * The claim as it stood at `asOf`: its text, tags, status and version replayed from its own
   * events up to then (CLAIM_CREATED, CLAIM_UPDATED, STATUS_CHANGED); its attributions and stance
   * summary are those that existed then (the object carries `asOf`).
   */
  async getAsOf(id: string, asOf: Date): Promise<ClaimObject> {
    const key = keyOf(id, 'Claim');
    const [row] = await this.claims.findByIds([key]);
    if (!row) throw new NotFoundError('Claim', id);
    if (row.createdAt > asOf) throw new ClaimNotYetCreated(id, row.createdAt, asOf);
    const history = await this.claims.historyUntil(key, asOf);
    const claim = ClaimObject.from(replayClaim(row, history));
    claim.asOf = asOf;
    return claim;
  }

  /** A page of claims; `queue` adds the work queue's filters, which the API does not offer. */
  async page(args: ClaimsArgs, queue: QueueFilter = {}): Promise<Page<ClaimObject>> {
    const limit = pageSize(args.first, this.config.MAX_PAGE_SIZE);
    const filter = args.filter ?? {};
    const search = filter.search?.trim() ? parseTextQuery(filter.search) : null;
    const sort: ClaimSort =
      args.orderBy === ClaimOrder.UPDATED_DESC
        ? 'updated'
        : args.orderBy === ClaimOrder.RELEVANCE && search
          ? 'relevance'
          : 'first_seen';
    const after = args.after
      ? (decodeCursor(args.after, [sort === 'relevance' ? 'decimal' : 'time', 'uuid']) as [
          string,
          string,
        ])
      : null;
    const { rows, totalCount } = await this.claims.page({
      statuses: filter.status ?? null,
      actorId: filter.actorId ? keyOf(filter.actorId, 'Actor', 'filter.actorId') : null,
      stance: filter.stance ?? null,
      tag: filter.tag ?? null,
      search: search ? { websearch: search.websearch, prefix: search.prefix } : null,
      since: filter.since ?? null,
      until: filter.until ?? null,
      assigneeId:
        queue.assigneeKey ??
        (filter.assigneeId ? keyOf(filter.assigneeId, 'Person', 'filter.assigneeId') : null),
      unassigned: filter.unassigned === true,
      dueBefore: filter.dueBefore ?? null,
      checklist: queue.checklist ?? null,
      notAssigneeId: queue.notAssigneeId ?? null,
      language: filter.language ?? null,
      needsReview: filter.needsReview ?? null,
      sort,
      limit,
      after,
    });
    const sortKey = (row: ClaimRecord & { rank?: number }) =>
      sort === 'relevance'
        ? String(row.rank ?? 0)
        : (sort === 'updated' ? row.updatedAt : row.firstSeenAt).toISOString();
    return toPage(
      rows,
      limit,
      args.after,
      totalCount,
      (row) => encodeCursor([sortKey(row), row.id]),
      ClaimObject.from,
    );
  }

  /** Current claims like a text, best first, with their scores (see SIMILARITY). */
  async similar(args: SimilarClaimsArgs): Promise<SimilarClaimObject[]> {
    const max = this.config.MAX_PAGE_SIZE;
    const limit = args.first == null ? 5 : pageSize(args.first, max);
    const rows = await this.claims.similar({
      text: visible(args.text, 'text'),
      language: args.language ?? null,
      floor: SIMILARITY.claimFloor,
      limit,
    });
    return rows.map((row) => ({ claim: ClaimObject.from(row), score: row.score }));
  }

  /**
   * Creates a claim, unless a current claim is likely the same one (CONFLICT naming it; see
   * SIMILARITY.claimDuplicate) and the input does not allow the duplicate. The similarity is
   * read before the transaction (a slow statement inside it held back the event log's commit
   * order for every reader); inside it, claims of the same text (ignoring case and accents) are
   * serialised, so one sent twice at once is created once.
   */
  async create(input: CreateClaimInput, by: string | null): Promise<ClaimObject> {
    const text = visible(input.text, 'text');
    // set, or detected when the text says enough (a dozen words or more)
    const language = input.language ?? detectLanguage(text);
    if (!input.allowDuplicate) {
      const [best] = await this.claims.similar({
        text,
        language,
        floor: SIMILARITY.claimDuplicate,
        limit: 1,
      });
      if (best) throw duplicateOf(best, best.score);
    }
    return this.db.transaction(async (tx) => {
      if (!input.allowDuplicate) {
        // the same words sent twice at once ("X", "x."): the second waits for the first and finds it
        const same = await this.claims.sameTextBeforeCreate(tx, text, { sameWords: true });
        if (same) throw duplicateOf(same, 1);
      }
      return this.insert(tx, { ...input, text, language }, by);
    });
  }

  /**
   * The current claim with this text (ignoring case and accents), created as `create` would when
   * there is none; `created` says which. Race-free: concurrent callers with the same text (two
   * imports of one file) wait for each other and get one claim.
   */
  async findOrCreateByText(
    input: CreateClaimInput,
    by: string | null,
  ): Promise<{ claim: ClaimObject; created: boolean }> {
    const text = visible(input.text, 'text');
    return this.db.transaction(async (tx) => {
      const found = await this.claims.sameTextBeforeCreate(tx, text);
      if (found) return { claim: ClaimObject.from(found), created: false };
      return { claim: await this.insert(tx, { ...input, text }, by), created: true };
    });
  }

  private async insert(tx: Tx, input: CreateClaimInput, by: string | null): Promise<ClaimObject> {
    const row = await this.claims.create(tx, {
      text: input.text,
      tags: tidyTags(input.tags ?? []),
      language: input.language ?? null,
    });
    const claim = ClaimObject.from(row);
    await this.events.append(tx, {
      kind: ClaimEventKind.CLAIM_CREATED,
      claimId: row.id,
      by,
      payload: { claimId: claim.id, text: claim.text, tags: claim.tags, status: claim.status },
    });
    return claim;
  }

  /**
   * Changes a claim's text or tags. A new text on a claim whose status is a verdict on its wording
   * (REVIEWED_STATUSES) keeps that status only with a rationale; without one the claim goes back to
   * UNVERIFIED for review, as a status change in the same transaction.
   */
  async update(input: UpdateClaimInput, by: string | null): Promise<ClaimObject> {
    const key = keyOf(input.claimId, 'Claim', 'claimId');
    const changes: { text?: string; tags?: string[] } = {};
    if (input.text != null) changes.text = visible(input.text, 'text');
    if (input.tags != null) changes.tags = tidyTags(input.tags);
    const rationale = input.rationale?.trim() || null;
    return this.db.transaction(async (tx) => {
      const current = await this.lockCurrent(tx, key, input.claimId, input.expectedVersion);
      const reworded = changes.text !== undefined && changes.text !== current.text;
      const status = reworded
        ? statusAfterReword(current.status, rationale !== null)
        : current.status;
      const row = await this.claims.update(
        tx,
        key,
        status === current.status ? changes : { ...changes, status },
      );
      await this.events.append(tx, {
        kind: ClaimEventKind.CLAIM_UPDATED,
        claimId: key,
        by,
        payload: {
          claimId: input.claimId,
          version: row.version,
          before: { text: current.text, tags: current.tags ?? [] },
          after: { text: row.text, tags: row.tags ?? [] },
          ...(reworded && rationale ? { rationale } : {}),
        },
      });
      if (status !== current.status) {
        await this.recordStatusChange(tx, {
          claimId: input.claimId,
          key,
          from: current.status,
          to: status,
          rationale: `The text changed without a rationale while the claim was ${current.status}: back for review.`,
          version: row.version,
          by,
          evidenceIds: [],
        });
      }
      return ClaimObject.from(row);
    });
  }

  /**
   * Moves a claim along the workflow: a non-empty rationale, an allowed transition, the expected
   * version when given; the change, its evidence, the new version and the event commit together.
   */
  async changeStatus(input: ChangeClaimStatusInput, by: string | null): Promise<ClaimObject> {
    const key = keyOf(input.claimId, 'Claim', 'claimId');
    const rationale = visible(input.rationale, 'rationale');
    const evidenceIds = [...new Set(input.evidencePassageIds ?? [])];
    const evidence = evidenceIds.map((id) => keyOf(id, 'Passage', 'evidencePassageIds'));
    return this.db.transaction(async (tx) => {
      const current = await this.lockCurrent(tx, key, input.claimId, input.expectedVersion);
      if (!canTransition(current.status, input.status)) {
        throw new InvalidTransition(current.status, input.status);
      }
      const undone = await this.undoneItems(tx, current, input.status);
      if (undone.length > 0) throw new ChecklistIncomplete(input.status, undone);
      const found = await this.claims.existingPassages(tx, evidence);
      const missing = evidence.findIndex((passage) => !found.includes(passage));
      if (missing >= 0) throw new NotFoundError('Passage', evidenceIds[missing]);
      const row = await this.claims.update(tx, key, { status: input.status });
      await this.recordStatusChange(tx, {
        claimId: input.claimId,
        key,
        from: current.status,
        to: input.status,
        rationale,
        version: row.version,
        by,
        evidenceIds,
      });
      return ClaimObject.from(row);
    });
  }

  /** The status history row, its evidence and the STATUS_CHANGED event of a status change. */
  private async recordStatusChange(
    tx: Tx,
    change: {
      claimId: string;
      key: string;
      from: ClaimStatus;
      to: ClaimStatus;
      rationale: string;
      version: number;
      by: string | null;
      evidenceIds: string[];
    },
  ): Promise<void> {
    await this.claims.addStatusChange(tx, {
      claimId: change.key,
      fromStatus: change.from,
      toStatus: change.to,
      rationale: change.rationale,
      version: change.version,
      by: change.by,
      evidence: change.evidenceIds.map((id) => keyOf(id, 'Passage', 'evidencePassageIds')),
    });
    await this.events.append(tx, {
      kind: ClaimEventKind.STATUS_CHANGED,
      claimId: change.key,
      by: change.by,
      payload: {
        claimId: change.claimId,
        from: change.from,
        to: change.to,
        rationale: change.rationale,
        version: change.version,
        evidencePassageIds: change.evidenceIds,
      },
    });
  }

  /** Moves the claim's firstSeenAt back to `at` when that is earlier (evidence of an older claim). */
  noteSeenAt(tx: Tx, key: string, at: Date): Promise<void> {
    return this.claims.noteSeenAt(tx, key, at);
  }

  /** Locks the claim, checking it exists, is not merged away and is at the expected version. */
  /**
   * The checklist items `to` needs that the claim has not done yet, counting the ticks the
   * transition table counts (countedTicks): the gate of changeStatus and of publishing a review.
   */
  async undoneItems(
    tx: Tx,
    claim: ClaimRecord,
    to: ClaimStatus | readonly ClaimStatus[],
  ): Promise<AppConfig['CHECKLIST'][number][]> {
    const ticks = await this.desk.ticksIn(tx, claim.id);
    return missingItems(
      to,
      this.config.CHECKLIST,
      countedTicks(this.config.CHECKLIST, ticks, claim.assigneeId),
    );
  }

  async lockCurrent(
    tx: Tx,
    key: string,
    id: string,
    expectedVersion?: number | null,
  ): Promise<ClaimRecord> {
    const current = await this.claims.lock(tx, key);
    if (!current) throw new NotFoundError('Claim', id);
    if (current.mergedIntoId) {
      throw new AlreadyMerged('claim', id, toGlobalId('Claim', current.mergedIntoId));
    }
    if (expectedVersion != null && expectedVersion !== current.version) {
      throw new StaleVersion(expectedVersion, current.version);
    }
    return current;
  }
}

/** Folds a claim's events (in log order) into its fields as of the last of them. */
export function replayClaim(
  current: ClaimRecord,
  history: { kind: string; payload: Record<string, unknown>; at: Date }[],
): ClaimRecord {
  const state: ClaimRecord = {
    ...current,
    status: ClaimStatus.UNVERIFIED,
    version: 1,
    mergedIntoId: null,
    updatedAt: current.createdAt,
  };
  for (const { kind, payload, at } of history) {
    const version = typeof payload.version === 'number' ? payload.version : null;
    if (kind === ClaimEventKind.CLAIM_CREATED) {
      if (typeof payload.text === 'string') state.text = payload.text;
      if (Array.isArray(payload.tags)) state.tags = payload.tags as string[];
      if (typeof payload.status === 'string') state.status = payload.status as ClaimStatus;
    } else if (kind === ClaimEventKind.CLAIM_UPDATED) {
      const after = payload.after as { text?: unknown; tags?: unknown } | undefined;
      if (typeof after?.text === 'string') state.text = after.text;
      if (Array.isArray(after?.tags)) state.tags = after.tags as string[];
      if (version !== null) state.version = version;
    } else if (kind === ClaimEventKind.STATUS_CHANGED) {
      if (typeof payload.to === 'string') state.status = payload.to as ClaimStatus;
      if (version !== null) state.version = version;
    } else {
      continue;
    }
    state.updatedAt = at;
  }
  return state;
}

function duplicateOf(claim: ClaimRecord, score: number): LikelyDuplicateClaim {
  return new LikelyDuplicateClaim({ id: toGlobalId('Claim', claim.id), text: claim.text, score });
}

export function visible(value: string, argument: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BlankText(argument);
  return trimmed;
}

function tidyTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}
