import { Inject } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PeopleLoaders, PeopleService, PersonObject, UnauthenticatedError } from '@claimtrace/auth';
import { ClaimConnection, ClaimOrder, ClaimsService } from '@claimtrace/claims';
import { APP_CONFIG, AppConfig, RequestContext } from '@claimtrace/core';
import { ClaimStatus } from '@claimtrace/database';
import { NoteConnection } from '../dtos/note.dto';
import { QueuePageArgs, WorkQueueObject } from '../dtos/work-queue.dto';
import { NotesLoaders } from '../loaders/notes.loaders';
import { NotesService } from '../services/notes.service';
import { notesPage } from './notes.resolver';

/** The statuses a claim is still being worked on in (not a verdict, not retracted). */
const OPEN: ClaimStatus[] = [
  ClaimStatus.UNVERIFIED,
  ClaimStatus.CONTESTED,
  ClaimStatus.CORROBORATED,
];

@Resolver(() => WorkQueueObject)
export class WorkQueueResolver {
  constructor(
    private readonly claims: ClaimsService,
    private readonly notes: NotesService,
    private readonly notesLoaders: NotesLoaders,
    private readonly people: PeopleService,
    private readonly peopleLoaders: PeopleLoaders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => WorkQueueObject, {
    description: "the signed-in person's queue when personId is omitted",
  })
  async workQueue(
    @Context() ctx: RequestContext,
    @Args('personId', { type: () => ID, nullable: true }) personId?: string | null,
  ): Promise<WorkQueueObject> {
    if (personId) return { personKey: (await this.people.get(personId, 'personId')).key };
    if (!ctx.personId) {
      throw new UnauthenticatedError('Whose queue? Send a token, or pass personId.');
    }
    return { personKey: ctx.personId };
  }

  @ResolveField(() => PersonObject)
  person(@Parent() queue: WorkQueueObject, @Context() ctx: RequestContext) {
    return this.peopleLoaders.load(ctx, queue.personKey);
  }

  @ResolveField(() => ClaimConnection, {
    description: 'claims assigned to them, recently updated first',
  })
  assigned(@Parent() queue: WorkQueueObject, @Args() page: QueuePageArgs) {
    return this.claims.page(
      { ...page, filter: {}, orderBy: ClaimOrder.UPDATED_DESC },
      { assigneeKey: queue.personKey },
    );
  }

  @ResolveField(() => ClaimConnection, {
    description: 'open claims assigned to them, past their due date',
  })
  overdue(@Parent() queue: WorkQueueObject, @Args() page: QueuePageArgs) {
    return this.claims.page(
      {
        ...page,
        filter: { status: OPEN, dueBefore: new Date() },
        orderBy: ClaimOrder.UPDATED_DESC,
      },
      { assigneeKey: queue.personKey },
    );
  }

  @ResolveField(() => NoteConnection, {
    description: 'current notes that mention them, newest first',
  })
  mentions(
    @Parent() queue: WorkQueueObject,
    @Context() ctx: RequestContext,
    @Args() page: QueuePageArgs,
  ) {
    return notesPage(this.notes, this.notesLoaders, ctx, 'mention', queue.personKey, page);
  }

  @ResolveField(() => ClaimConnection, {
    description:
      'open claims of others whose checklist is done but for the items a verdict needs (the second review)',
  })
  awaitingReview(@Parent() queue: WorkQueueObject, @Args() page: QueuePageArgs) {
    const review = this.config.CHECKLIST.filter((item) => item.requiredFor.length > 0);
    const rest = this.config.CHECKLIST.filter((item) => item.requiredFor.length === 0);
    return this.claims.page(
      { ...page, filter: { status: OPEN }, orderBy: ClaimOrder.UPDATED_DESC },
      {
        notAssigneeId: queue.personKey,
        checklist: { done: rest.map((i) => i.key), missing: review.map((i) => i.key) },
      },
    );
  }
}
