import { Module, OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@claimtrace/core';
import { APP_GUARD } from '@nestjs/core';
import { RolesGuard } from './guards/roles.guard';
import { PeopleLoaders } from './loaders/people.loaders';
import { PeopleRepository } from './repositories/people.repository';
import { PrincipalsRepository } from './repositories/principals.repository';
import { PeopleResolver } from './resolvers/people.resolver';
import { PeopleService } from './services/people.service';
import { TokenRevocations } from './services/token-revocations.service';
import { TokensService } from './services/tokens.service';

/** People, their API tokens and roles: who a request is, and the global guard on every root field. */
@Module({
  providers: [
    PrincipalsRepository,
    TokensService,
    TokenRevocations,
    PeopleRepository,
    PeopleService,
    PeopleLoaders,
    PeopleResolver,
  ],
  exports: [TokensService, TokenRevocations, PeopleService, PeopleLoaders],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly people: PeopleLoaders,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Person', (key, ctx) => ctx.loaders.get(this.people.key).byKey.load(key));
  }
}

/** The guard, registered once by the API (not by the CLI, which has no resolvers). */
@Module({
  imports: [AuthModule],
  providers: [{ provide: APP_GUARD, useClass: RolesGuard }],
})
export class AuthGuardModule {}
