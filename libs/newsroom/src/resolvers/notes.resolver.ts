import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { AttributionObject, AttributionsLoaders } from '@claimtrace/attributions';
import { PeopleLoaders, PersonObject, Roles } from '@claimtrace/auth';
import { ClaimObject, ClaimsLoaders, doer } from '@claimtrace/claims';
import { FieldArgs, NoArgs, PageArgs, RequestContext, toPage } from '@claimtrace/core';
import {
  AddNoteInput,
  NoteConnection,
  NoteObject,
  RemoveNoteInput,
  UpdateNoteInput,
} from '../dtos/note.dto';
import { NotesLoaders } from '../loaders/notes.loaders';
import { NoteOwner } from '../repositories/notes.repository';
import { NotesService } from '../services/notes.service';

/**
 * A `notes(first, after)` page of one owner, batched across the request. Notes are the
 * newsroom's: anonymous readers (public reads) get an empty page, as Person.email answers null.
 */
export function notesPage(
  service: NotesService,
  loaders: NotesLoaders,
  ctx: RequestContext,
  owner: NoteOwner,
  key: string,
  args: { first?: number | null; after?: string | null },
) {
  const { limit, after } = service.pageRequest(args);
  if (!ctx.principal)
    return toPage<NoteObject, NoteObject>([], limit, args.after, 0, String, (n) => n);
  return loaders.page(ctx.loaders.get(loaders.key), owner, key, limit, after, args.after);
}

@Resolver(() => NoteObject)
export class NotesResolver {
  constructor(
    private readonly service: NotesService,
    private readonly claims: ClaimsLoaders,
    private readonly attributions: AttributionsLoaders,
    private readonly people: PeopleLoaders,
  ) {}

  @Roles('EDITOR')
  @Mutation(() => NoteObject)
  addNote(@Args('input') input: AddNoteInput, @Context() ctx: RequestContext) {
    return this.service.add(input, doer(ctx));
  }

  @Roles('EDITOR')
  @Mutation(() => NoteObject, { description: 'by its author; the event log keeps each version' })
  updateNote(@Args('input') input: UpdateNoteInput, @Context() ctx: RequestContext) {
    return this.service.update(input, doer(ctx));
  }

  @Roles('EDITOR')
  @Mutation(() => NoteObject, { description: 'by its author or an ADMIN, with a reason' })
  removeNote(@Args('input') input: RemoveNoteInput, @Context() ctx: RequestContext) {
    return this.service.remove(input, doer(ctx), ctx.role ?? null);
  }

  @ResolveField(() => ClaimObject)
  claim(note: NoteObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.loaders.get(this.claims.key).byKey.load(note.claimKey);
  }

  @ResolveField(() => AttributionObject, { nullable: true })
  attribution(note: NoteObject, _args: NoArgs, ctx: RequestContext) {
    return note.attributionKey
      ? ctx.loaders.get(this.attributions.key).byKey.load(note.attributionKey)
      : null;
  }

  @ResolveField(() => PersonObject)
  author(note: NoteObject, _args: NoArgs, ctx: RequestContext) {
    return this.people.load(ctx, note.authorKey);
  }

  @ResolveField(() => [PersonObject])
  async mentions(note: NoteObject, _args: NoArgs, ctx: RequestContext) {
    const people = await Promise.all(note.mentionKeys.map((key) => this.people.load(ctx, key)));
    return people.filter((person): person is PersonObject => person !== null);
  }
}

@Resolver(() => ClaimObject)
export class ClaimNotesResolver {
  constructor(
    private readonly service: NotesService,
    private readonly loaders: NotesLoaders,
  ) {}

  @ResolveField(() => NoteConnection, {
    description: 'current notes, newest first; none without a token (the newsroom reads them)',
  })
  notes(claim: ClaimObject, @FieldArgs() page: PageArgs, ctx: RequestContext) {
    return notesPage(this.service, this.loaders, ctx, 'claim_id', claim.key, page);
  }
}

@Resolver(() => AttributionObject)
export class AttributionNotesResolver {
  constructor(
    private readonly service: NotesService,
    private readonly loaders: NotesLoaders,
  ) {}

  @ResolveField(() => NoteConnection, {
    description: 'current notes, newest first; none without a token (the newsroom reads them)',
  })
  notes(attribution: AttributionObject, @FieldArgs() page: PageArgs, ctx: RequestContext) {
    return notesPage(this.service, this.loaders, ctx, 'attribution_id', attribution.key, page);
  }
}
