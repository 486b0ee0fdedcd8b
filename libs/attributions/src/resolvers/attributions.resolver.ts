import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { RequestContext } from '@claimtrace/core';
import { AttributeClaimInput, RemoveAttributionInput } from '../dtos/attribution.inputs';
import { AttributionObject } from '../dtos/attribution.object';
import { AttributionsService } from '../services/attributions.service';
import { Roles } from '@claimtrace/auth';

@Resolver(() => AttributionObject)
export class AttributionsResolver {
  constructor(private readonly service: AttributionsService) {}

  @Roles('EDITOR')
  @Mutation(() => AttributionObject)
  attributeClaim(@Args('input') input: AttributeClaimInput, @Context() ctx: RequestContext) {
    return this.service.attribute(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => AttributionObject, {
    description: 'kept in the history and the event log with its reason; gone from current views',
  })
  removeAttribution(@Args('input') input: RemoveAttributionInput, @Context() ctx: RequestContext) {
    return this.service.remove(input, ctx.principal);
  }
}
