import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RATE_BUDGET } from '@claimtrace/core';
import { CostRateLimiter } from '../limits/rate-limiter';
import { OperationGuards } from './operation-guards';

/**
 * The one OperationGuards of the process, for HTTP and graphql-ws; it spends from the process's one
 * rate limiter (RateLimiterModule's `RATE_BUDGET`), which the HTTP exports spend from too.
 */
@Module({
  providers: [
    {
      provide: OperationGuards,
      useFactory: (config: AppConfig, limiter: CostRateLimiter) =>
        new OperationGuards(config, limiter),
      inject: [APP_CONFIG, RATE_BUDGET],
    },
  ],
  exports: [OperationGuards],
})
export class OperationGuardsModule {}
