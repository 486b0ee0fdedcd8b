import { Module, OnModuleInit } from '@nestjs/common';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { ClaimsModule } from '@claimtrace/claims';
import { NodeRegistry } from '@claimtrace/core';
import { AttributionsLoaders } from './loaders/attributions.loaders';
import { AttributionHydrator } from './repositories/attribution-hydrator';
import { AttributionsRepository } from './repositories/attributions.repository';
import {
  ActorAttributionsResolver,
  AttributionFieldsResolver,
  ClaimAttributionsResolver,
} from './resolvers/attribution-fields.resolver';
import { AttributionsResolver } from './resolvers/attributions.resolver';
import { AttributionsService } from './services/attributions.service';

@Module({
  imports: [ActorsModule, ArticlesModule, ClaimsModule],
  providers: [
    AttributionsRepository,
    AttributionHydrator,
    AttributionsService,
    AttributionsLoaders,
    AttributionsResolver,
    AttributionFieldsResolver,
    ClaimAttributionsResolver,
    ActorAttributionsResolver,
  ],
  exports: [AttributionsService, AttributionsLoaders],
})
export class AttributionsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: AttributionsLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Attribution', (key, ctx) =>
      ctx.loaders.get(this.loaders.key).byKey.load(key),
    );
  }
}
