import { Args, Query, Resolver } from '@nestjs/graphql';
import { ClaimGraphArgs, GraphObject } from '../dtos/graph.object';
import { GraphService } from '../services/graph.service';

@Resolver(() => GraphObject)
export class GraphResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => GraphObject, {
    description:
      'the claims, actors and articles within `depth` hops (at most 3) of a claim or an actor, and every edge between them',
  })
  claimGraph(@Args() args: ClaimGraphArgs): Promise<GraphObject> {
    return this.service.claimGraph(args);
  }
}
