import { ResolveField, Resolver } from '@nestjs/graphql';
import { NoArgs, RequestContext } from '@claimtrace/core';
import { ActorObject } from '../dtos/actor.object';
import { ActorsLoaders } from '../loaders/actors.loaders';

@Resolver(() => ActorObject)
export class ActorFieldsResolver {
  constructor(private readonly loaders: ActorsLoaders) {}

  @ResolveField(() => ActorObject, { nullable: true })
  affiliation(actor: ActorObject, _args: NoArgs, ctx: RequestContext) {
    return actor.affiliationKey
      ? ctx.loaders.get(this.loaders.key).byKey.load(actor.affiliationKey)
      : null;
  }

  @ResolveField(() => ActorObject, {
    nullable: true,
    description: 'set when this actor was merged into another',
  })
  mergedInto(actor: ActorObject, _args: NoArgs, ctx: RequestContext) {
    return actor.mergedIntoKey
      ? ctx.loaders.get(this.loaders.key).byKey.load(actor.mergedIntoKey)
      : null;
  }
}
