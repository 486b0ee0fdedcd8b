import { Inject, Injectable } from '@nestjs/common';
import { PeopleService, UnauthenticatedError } from '@claimtrace/auth';
import { APP_CONFIG, AppConfig, keyOf, RequestContext, toGlobalId } from '@claimtrace/core';
import { ClaimEventKind, Database, Priority } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import {
  OwnReview,
  PublishedReviewHoldsItem,
  RequiredItemHeld,
  UnknownChecklistItem,
} from '../claims.errors';
import {
  AssignClaimInput,
  ChecklistItemObject,
  SetChecklistItemInput,
} from '../dtos/claim-desk.dto';
import { ClaimObject } from '../dtos/claim.object';
import { ChecklistTickRecord, ClaimDeskRepository } from '../repositories/claim-desk.repository';
import { ReviewsRepository } from '../repositories/reviews.repository';
import { VERDICTS } from '../status/transitions';
import { ClaimsService } from './claims.service';

/** Who makes a change: the principal's name (`by`) and the person behind it. */
export interface Doer {
  by: string | null;
  personId: string | null;
}

/** Who makes the request in `ctx`. */
export function doer(ctx: RequestContext): Doer {
  return { by: ctx.principal, personId: ctx.personId ?? null };
}

/** The desk around a claim: who works on it, by when, how urgently, and its checklist. */
@Injectable()
export class ClaimDeskService {
  constructor(
    private readonly db: Database,
    private readonly desk: ClaimDeskRepository,
    private readonly reviews: ReviewsRepository,
    private readonly claims: ClaimsService,
    private readonly people: PeopleService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Changes the fields given (assigneeId null unassigns, dueAt null clears); one ASSIGNED event,
   * none when nothing changes.
   */
  async assign(input: AssignClaimInput, who: Doer): Promise<ClaimObject> {
    const key = keyOf(input.claimId, 'Claim', 'claimId');
    const assignee =
      input.assigneeId == null
        ? input.assigneeId
        : await this.people.get(input.assigneeId, 'assigneeId');
    return this.db.transaction(async (tx) => {
      const current = await this.claims.lockCurrent(tx, key, input.claimId);
      const after = {
        assigneeId: assignee === undefined ? current.assigneeId : (assignee?.key ?? null),
        dueAt: input.dueAt === undefined ? current.dueAt : input.dueAt,
        priority: input.priority ?? current.priority ?? Priority.NORMAL,
      };
      const shown = (a: typeof after) => ({
        assigneeId: a.assigneeId ? toGlobalId('Person', a.assigneeId) : null,
        dueAt: a.dueAt?.toISOString() ?? null,
        priority: a.priority,
      });
      // an assignment that changes nothing records nothing (and leaves updatedAt alone)
      if (JSON.stringify(shown(current)) === JSON.stringify(shown(after))) {
        return ClaimObject.from(current);
      }
      const row = await this.desk.assign(tx, key, after);
      await this.events.append(tx, {
        kind: ClaimEventKind.ASSIGNED,
        claimId: key,
        by: who.by,
        personId: who.personId,
        payload: {
          claimId: input.claimId,
          assignee: assignee === undefined ? undefined : (assignee?.name ?? null),
          before: shown(current),
          after: shown(after),
        },
      });
      return ClaimObject.from(row);
    });
  }

  /** Ticks or unticks an item as `who`; a change that changes nothing records nothing. */
  async setChecklistItem(input: SetChecklistItemInput, who: Doer): Promise<ClaimObject> {
    const key = keyOf(input.claimId, 'Claim', 'claimId');
    const item = this.config.CHECKLIST.find((candidate) => candidate.key === input.key);
    if (!item)
      throw new UnknownChecklistItem(
        input.key,
        this.config.CHECKLIST.map((i) => i.key),
      );
    if (!who.personId)
      throw new UnauthenticatedError('Ticking a checklist item needs a token of a person.');
    const personId = who.personId;
    return this.db.transaction(async (tx) => {
      const current = await this.claims.lockCurrent(tx, key, input.claimId);
      if (input.done && item.requiredFor.length > 0 && current.assigneeId === personId) {
        throw new OwnReview(item.label);
      }
      if (!input.done && item.requiredFor.includes(current.status)) {
        throw new RequiredItemHeld(current.status, item);
      }
      const verdictNeeds = item.requiredFor.some((status) => VERDICTS.includes(status));
      if (!input.done && verdictNeeds && (await this.reviews.hasPublished(tx, key))) {
        throw new PublishedReviewHoldsItem(item);
      }
      const changed = input.done
        ? await this.desk.tick(tx, key, item.key, personId)
        : await this.desk.untick(tx, key, item.key);
      if (changed) {
        await this.events.append(tx, {
          kind: ClaimEventKind.CHECKLIST_ITEM_CHANGED,
          claimId: key,
          by: who.by,
          personId,
          payload: { claimId: input.claimId, key: item.key, label: item.label, done: input.done },
        });
      }
      return ClaimObject.from(current);
    });
  }

  /** The deployment's checklist with what is done of it (a claim's ticks, in any order). */
  checklist(ticks: readonly ChecklistTickRecord[]): ChecklistItemObject[] {
    return this.config.CHECKLIST.map((item) => {
      const tick = ticks.find((t) => t.key === item.key);
      return {
        key: item.key,
        label: item.label,
        done: Boolean(tick),
        doneByKey: tick?.doneById ?? null,
        doneAt: tick?.doneAt ?? null,
      };
    });
  }
}
