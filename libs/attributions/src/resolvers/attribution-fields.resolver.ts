import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActorObject } from '@claimtrace/actors';
import { ClaimObject, ClaimsLoaders } from '@claimtrace/claims';
import { FieldArgs, NoArgs, RequestContext } from '@claimtrace/core';
import { AttributionsArgs } from '../dtos/attribution.inputs';
import {
  AttributionConnection,
  AttributionObject,
  StanceSummaryObject,
} from '../dtos/attribution.object';
import { AttributionsLoaders } from '../loaders/attributions.loaders';
import { AttributionsService } from '../services/attributions.service';

@Resolver(() => AttributionObject)
export class AttributionFieldsResolver {
  constructor(private readonly claims: ClaimsLoaders) {}

  @ResolveField(() => ClaimObject)
  claim(attribution: AttributionObject, _args: NoArgs, ctx: RequestContext) {
    // set where the attribution was read as part of its claim's page
    if (attribution.claim) return attribution.claim;
    return ctx.loaders.get(this.claims.key).byKey.load(attribution.claimKey);
  }
}

@Resolver(() => ClaimObject)
export class ClaimAttributionsResolver {
  constructor(
    private readonly service: AttributionsService,
    private readonly loaders: AttributionsLoaders,
  ) {}

  @ResolveField(() => AttributionConnection)
  attributions(claim: ClaimObject, @FieldArgs() args: AttributionsArgs, ctx: RequestContext) {
    const request = this.service.pageRequest('claim_id', args);
    if (claim.asOf) request.asOf = claim.asOf.toISOString();
    const page = ctx.loaders.get(this.loaders.key).page.load({ key: claim.key, request });
    const asOf = claim.asOf;
    if (asOf) {
      // read then: their review flags and passage histories answer as of that time too
      return page.then((read) => {
        for (const edge of read.edges) edge.node.asOf = asOf;
        return read;
      });
    }
    // the attributions' `claim` is this one: a property, not a load per attribution
    return page.then((read) => {
      for (const edge of read.edges) {
        for (const hop of edge.node.chain) hop.claim = claim;
      }
      return read;
    });
  }

  @ResolveField(() => StanceSummaryObject)
  stanceSummary(claim: ClaimObject, _args: NoArgs, ctx: RequestContext) {
    const loaders = ctx.loaders.get(this.loaders.key);
    return claim.asOf
      ? loaders.stanceSummaryAsOf.load({ key: claim.key, asOf: claim.asOf.toISOString() })
      : loaders.stanceSummary.load(claim.key);
  }
}

@Resolver(() => ActorObject)
export class ActorAttributionsResolver {
  constructor(
    private readonly service: AttributionsService,
    private readonly loaders: AttributionsLoaders,
  ) {}

  @ResolveField(() => AttributionConnection)
  attributions(actor: ActorObject, @FieldArgs() args: AttributionsArgs, ctx: RequestContext) {
    const request = this.service.pageRequest('actor_id', args);
    return ctx.loaders.get(this.loaders.key).page.load({ key: actor.key, request });
  }
}
