import { Inject, Injectable } from '@nestjs/common';
import { PeopleService, UnauthenticatedError } from '@claimtrace/auth';
import { ClaimObject, ClaimOrder, ClaimsService } from '@claimtrace/claims';
import { APP_CONFIG, AppConfig, Page, PageArgs } from '@claimtrace/core';
import { ClaimStatus } from '@claimtrace/database';
import { WorkQueueObject } from '../dtos/work-queue.dto';

/** The statuses a claim is still being worked on in (not a verdict, not retracted). */
const OPEN: ClaimStatus[] = [
  ClaimStatus.UNVERIFIED,
  ClaimStatus.CONTESTED,
  ClaimStatus.CORROBORATED,
];

/** What makes up one person's work queue (its mentions are notes: NotesService). */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly claims: ClaimsService,
    private readonly people: PeopleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The queue of `personId`, else of the request's own person. */
  async of(personId: string | null | undefined, own: string | null): Promise<WorkQueueObject> {
    if (personId) return { personKey: (await this.people.get(personId, 'personId')).key };
    if (!own) throw new UnauthenticatedError('Whose queue? Send a token, or pass personId.');
    return { personKey: own };
  }

  /** Claims assigned to the person, recently updated first. */
  assigned(queue: WorkQueueObject, page: PageArgs): Promise<Page<ClaimObject>> {
    return this.claims.page(
      { ...page, filter: {}, orderBy: ClaimOrder.UPDATED_DESC },
      { assigneeKey: queue.personKey },
    );
  }

  /** Open claims assigned to the person whose due date has passed. */
  overdue(queue: WorkQueueObject, page: PageArgs, now = new Date()): Promise<Page<ClaimObject>> {
    return this.claims.page(
      { ...page, filter: { status: OPEN, dueBefore: now }, orderBy: ClaimOrder.UPDATED_DESC },
      { assigneeKey: queue.personKey },
    );
  }

  /**
   * Open claims of others (not assigned to the person) whose checklist is done but for the items
   * a status requires (CHECKLIST's requiredFor: the second review): someone's work awaits a second
   * pair of eyes.
   */
  awaitingReview(queue: WorkQueueObject, page: PageArgs): Promise<Page<ClaimObject>> {
    const keys = (review: boolean) =>
      this.config.CHECKLIST.filter((item) => item.requiredFor.length > 0 === review).map(
        (item) => item.key,
      );
    return this.claims.page(
      { ...page, filter: { status: OPEN }, orderBy: ClaimOrder.UPDATED_DESC },
      { notAssigneeId: queue.personKey, checklist: { done: keys(false), missing: keys(true) } },
    );
  }
}
