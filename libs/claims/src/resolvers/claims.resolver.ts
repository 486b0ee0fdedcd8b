import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DateTimeScalar, MergeInput, RequestContext } from '@claimtrace/core';
import {
  ChangeClaimStatusInput,
  CreateClaimInput,
  LinkClaimsInput,
  UpdateClaimInput,
} from '../dtos/claim.inputs';
import { ClaimConnection, ClaimObject, ClaimRelationObject } from '../dtos/claim.object';
import { ClaimsArgs } from '../dtos/claims.args';
import { SimilarClaimObject, SimilarClaimsArgs } from '../dtos/similar-claim.object';
import { ClaimLinksService } from '../services/claim-links.service';
import { ClaimsService } from '../services/claims.service';
import { ClaimDeskService, doer } from '../services/claim-desk.service';
import { AssignClaimInput, SetChecklistItemInput } from '../dtos/claim-desk.dto';
import { Roles } from '@claimtrace/auth';

@Resolver(() => ClaimObject)
export class ClaimsResolver {
  constructor(
    private readonly service: ClaimsService,
    private readonly links: ClaimLinksService,
    private readonly desk: ClaimDeskService,
  ) {}

  @Query(() => ClaimObject, { nullable: true })
  claim(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', {
      type: () => DateTimeScalar,
      nullable: true,
      description: 'the claim as it stood at that time: status, version, attributions',
    })
    asOf?: Date | null,
  ): Promise<ClaimObject> {
    return asOf ? this.service.getAsOf(id, asOf) : this.service.get(id);
  }

  @Query(() => ClaimConnection)
  claims(@Args() args: ClaimsArgs) {
    return this.service.page(args);
  }

  @Query(() => [SimilarClaimObject], {
    description:
      'current claims like `text` (trigram and full-text similarity, unaccented), best first: what createClaim would refuse as a likely duplicate',
  })
  similarClaims(@Args() args: SimilarClaimsArgs): Promise<SimilarClaimObject[]> {
    return this.service.similar(args);
  }

  @Roles('EDITOR')
  @Mutation(() => ClaimObject)
  createClaim(@Args('input') input: CreateClaimInput, @Context() ctx: RequestContext) {
    return this.service.create(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ClaimObject)
  updateClaim(@Args('input') input: UpdateClaimInput, @Context() ctx: RequestContext) {
    return this.service.update(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ClaimObject)
  changeClaimStatus(@Args('input') input: ChangeClaimStatusInput, @Context() ctx: RequestContext) {
    return this.service.changeStatus(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ClaimRelationObject)
  linkClaims(@Args('input') input: LinkClaimsInput, @Context() ctx: RequestContext) {
    return this.links.link(input, ctx.principal);
  }

  @Roles('EDITOR')
  @Mutation(() => ClaimObject)
  assignClaim(@Args('input') input: AssignClaimInput, @Context() ctx: RequestContext) {
    return this.desk.assign(input, doer(ctx));
  }

  @Roles('EDITOR')
  @Mutation(() => ClaimObject)
  setChecklistItem(@Args('input') input: SetChecklistItemInput, @Context() ctx: RequestContext) {
    return this.desk.setChecklistItem(input, doer(ctx));
  }

  @Roles('ADMIN')
  @Mutation(() => ClaimObject)
  mergeClaims(@Args('input') input: MergeInput, @Context() ctx: RequestContext) {
    return this.links.merge(input, ctx.principal);
  }
}
