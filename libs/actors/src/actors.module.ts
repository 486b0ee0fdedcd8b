import { Module, OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@claimtrace/core';
import { ActorsLoaders } from './loaders/actors.loaders';
import { ActorsRepository } from './repositories/actors.repository';
import { ActorFieldsResolver } from './resolvers/actor-fields.resolver';
import { ActorsResolver } from './resolvers/actors.resolver';
import { ActorsService } from './services/actors.service';

@Module({
  providers: [ActorsRepository, ActorsService, ActorsLoaders, ActorsResolver, ActorFieldsResolver],
  exports: [ActorsService, ActorsLoaders, ActorsRepository],
})
export class ActorsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: ActorsLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Actor', (key, ctx) => ctx.loaders.get(this.loaders.key).byKey.load(key));
  }
}
