import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PeopleLoaders, PersonObject, Roles } from '@claimtrace/auth';
import { ClaimConnection } from '@claimtrace/claims';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { NoteConnection } from '../dtos/note.dto';
import { QueuePageArgs, WorkQueueObject } from '../dtos/work-queue.dto';
import { NotesLoaders } from '../loaders/notes.loaders';
import { NotesService } from '../services/notes.service';
import { WorkQueueService } from '../services/work-queue.service';
import { notesPage } from './notes.resolver';

@Resolver(() => WorkQueueObject)
export class WorkQueueResolver {
  constructor(
    private readonly queues: WorkQueueService,
    private readonly notes: NotesService,
    private readonly notesLoaders: NotesLoaders,
    private readonly peopleLoaders: PeopleLoaders,
  ) {}

  @Roles('VIEWER')
  @Query(() => WorkQueueObject, {
    description: "the signed-in person's queue when personId is omitted; needs a token",
  })
  async workQueue(
    @Context() ctx: RequestContext,
    @Args('personId', { type: () => ID, nullable: true }) personId?: string | null,
  ): Promise<WorkQueueObject> {
    return this.queues.of(personId, ctx.personId ?? null);
  }

  @ResolveField(() => PersonObject)
  person(queue: WorkQueueObject, _args: NoArgs, ctx: RequestContext) {
    return this.peopleLoaders.load(ctx, queue.personKey);
  }

  @ResolveField(() => ClaimConnection, {
    description: 'claims assigned to them, recently updated first',
  })
  assigned(@Parent() queue: WorkQueueObject, @Args() page: QueuePageArgs) {
    return this.queues.assigned(queue, page);
  }

  @ResolveField(() => ClaimConnection, {
    description: 'open claims assigned to them, past their due date',
  })
  overdue(@Parent() queue: WorkQueueObject, @Args() page: QueuePageArgs) {
    return this.queues.overdue(queue, page);
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
    return this.queues.awaitingReview(queue, page);
  }
}
