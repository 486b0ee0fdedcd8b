import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@claimtrace/core';
import { OperationGuards } from './operation-guards';

/** The one OperationGuards of the process (and so its one rate limiter), for HTTP and graphql-ws. */
@Module({
  providers: [
    {
      provide: OperationGuards,
      useFactory: (config: AppConfig) => new OperationGuards(config),
      inject: [APP_CONFIG],
    },
  ],
  exports: [OperationGuards],
})
export class OperationGuardsModule {}
