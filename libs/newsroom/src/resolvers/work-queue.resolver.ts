import { Args, Context, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PeopleLoaders, PersonObject, Roles } from '@claimtrace/auth';
import { ClaimConnection } from '@claimtrace/claims';
import { FieldArgs, NoArgs, PageArgs, RequestContext } from '@claimtrace/core';
import { NoteConnection } from '../dtos/note.dto';
import { WorkQueueObject } from '../dtos/work-queue.dto';
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
  assigned(queue: WorkQueueObject, @FieldArgs() page: PageArgs) {
    return this.queues.assigned(queue, page);
  }

  @ResolveField(() => ClaimConnection, {
    description: 'open claims assigned to them, past their due date',
  })
  overdue(queue: WorkQueueObject, @FieldArgs() page: PageArgs) {
    return this.queues.overdue(queue, page);
  }

  @ResolveField(() => NoteConnection, {
    description: 'current notes that mention them, newest first',
  })
  mentions(queue: WorkQueueObject, @FieldArgs() page: PageArgs, ctx: RequestContext) {
    return notesPage(this.notes, this.notesLoaders, ctx, 'mention', queue.personKey, page);
  }

  @ResolveField(() => ClaimConnection, {
    description:
      'open claims of others whose checklist is done but for the items a verdict needs (the second review)',
  })
  awaitingReview(queue: WorkQueueObject, @FieldArgs() page: PageArgs) {
    return this.queues.awaitingReview(queue, page);
  }
}
