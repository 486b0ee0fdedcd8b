import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RolesGuard } from './guards/roles.guard';
import { PrincipalsRepository } from './repositories/principals.repository';
import { TokenRevocations } from './services/token-revocations.service';
import { TokensService } from './services/tokens.service';

/** API tokens and roles: the token service, and the global guard on every root field. */
@Module({
  providers: [PrincipalsRepository, TokensService, TokenRevocations],
  exports: [TokensService, TokenRevocations],
})
export class AuthModule {}

/** The guard, registered once by the API (not by the CLI, which has no resolvers). */
@Module({
  imports: [AuthModule],
  providers: [{ provide: APP_GUARD, useClass: RolesGuard }],
})
export class AuthGuardModule {}
