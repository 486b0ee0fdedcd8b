import { Args, Context, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { CreatePersonInput, PersonConnection, PersonObject } from '../dtos/person.object';
import { Roles } from '../guards/roles.decorator';
import { PeopleLoaders } from '../loaders/people.loaders';
import { PeopleService } from '../services/people.service';

@Resolver(() => PersonObject)
export class PeopleResolver {
  constructor(
    private readonly service: PeopleService,
    private readonly loaders: PeopleLoaders,
  ) {}

  @Query(() => PersonObject, {
    nullable: true,
    description: "the person the request's token belongs to",
  })
  me(@Context() ctx: RequestContext) {
    return this.loaders.load(ctx, ctx.personId ?? null);
  }

  @Roles('VIEWER')
  @Query(() => PersonConnection, { description: 'the team, by name; needs a token' })
  people(
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('search', {
      type: () => String,
      nullable: true,
      description: 'only people whose name or handle holds this (case and accents ignored)',
    })
    search?: string | null,
  ) {
    return this.service.page({ first, after, search });
  }

  @Roles('ADMIN')
  @Mutation(() => PersonObject)
  createPerson(@Args('input') input: CreatePersonInput) {
    return this.service.create(input);
  }

  /** Addresses are for the team: anonymous readers (public reads) see none. */
  @ResolveField(() => String, { nullable: true, description: 'shown to requests with a token' })
  email(person: PersonObject, _args: NoArgs, ctx: RequestContext) {
    return ctx.principal ? person.email : null;
  }
}
