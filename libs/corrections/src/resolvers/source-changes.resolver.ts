import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@claimtrace/auth';
import { RequestContext } from '@claimtrace/core';
import { ResolveSourceChangeInput, SourceChangesArgs } from '../dtos/source-change.inputs';
import { SourceChangeConnection, SourceChangeObject } from '../dtos/source-change.object';
import { CorrectionsService } from '../services/corrections.service';

@Resolver(() => SourceChangeObject)
export class SourceChangesResolver {
  constructor(private readonly service: CorrectionsService) {}

  @Query(() => SourceChangeConnection, {
    description: 'unresolved (by default) source changes across all claims, newest first',
  })
  sourceChanges(@Args() args: SourceChangesArgs) {
    return this.service.page(args);
  }

  @Roles('EDITOR')
  @Mutation(() => SourceChangeObject, {
    description:
      'confirm (the passage stands as it is), re-anchor (pick the new words in the newer version) or remove (the attribution, or the evidence); recorded as SOURCE_CHANGE_RESOLVED',
  })
  resolveSourceChange(
    @Args('input') input: ResolveSourceChangeInput,
    @Context() ctx: RequestContext,
  ) {
    return this.service.resolve(input, ctx.principal);
  }
}
