import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RATE_BUDGET } from '@claimtrace/core';
import { createRateLimiter } from '../guards/operation-guards';

/**
 * The process's one rate limiter (`RATE_BUDGET`): GraphQL operations spend their cost from it and
 * the HTTP exports their charge, so a client has one budget whichever way it reads.
 */
@Global()
@Module({
  providers: [
    {
      provide: RATE_BUDGET,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRateLimiter(config),
    },
  ],
  exports: [RATE_BUDGET],
})
export class RateLimiterModule {}
