import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { MergeInput, RequestContext } from '@claimtrace/core';
import { ActorConnection, ActorObject } from '../dtos/actor.object';
import { ActorsArgs } from '../dtos/actors.args';
import { CreateActorInput } from '../dtos/create-actor.input';
import { SimilarActorObject, SimilarActorsArgs } from '../dtos/similar-actor.object';
import { UpdateActorInput } from '../dtos/update-actor.input';
import { ActorsService } from '../services/actors.service';
import { Roles } from '@claimtrace/auth';

@Resolver(() => ActorObject)
export class ActorsResolver {
  constructor(private readonly service: ActorsService) {}

  @Query(() => ActorObject, { nullable: true })
  actor(@Args('id', { type: () => ID }) id: string): Promise<ActorObject> {
    return this.service.get(id);
  }

  @Query(() => ActorConnection)
  actors(@Args() args: ActorsArgs) {
    return this.service.page(args);
  }

  @Query(() => [SimilarActorObject], {
    description:
      'current actors whose name or an alias is like `name`, best first: what createActor would refuse as a likely duplicate',
  })
  similarActors(@Args() args: SimilarActorsArgs): Promise<SimilarActorObject[]> {
    return this.service.similar(args);
  }

  @Roles('EDITOR')
  @Mutation(() => ActorObject)
  createActor(
    @Args('input') input: CreateActorInput,
    @Context() ctx: RequestContext,
  ): Promise<ActorObject> {
    return this.service.create(input, ctx.principal);
  }

  @Roles('ADMIN')
  @Mutation(() => ActorObject)
  mergeActors(@Args('input') input: MergeInput, @Context() ctx: RequestContext) {
    return this.service.merge(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ActorObject)
  updateActor(
    @Args('input') input: UpdateActorInput,
    @Context() ctx: RequestContext,
  ): Promise<ActorObject> {
    return this.service.update(input, ctx.principal);
  }
}
