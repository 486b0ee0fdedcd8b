import { Module } from '@nestjs/common';
import { GraphRepository } from './repositories/graph.repository';
import { GraphResolver } from './resolvers/graph.resolver';
import { GraphService } from './services/graph.service';

/** `claimGraph(claimId | actorId, depth)`: the neighbourhood of a claim or an actor. */
@Module({
  providers: [GraphRepository, GraphService, GraphResolver],
  exports: [GraphService],
})
export class GraphModule {}
