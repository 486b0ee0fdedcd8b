import { DynamicModule, Module } from '@nestjs/common';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { httpLogOptions } from './bootstrap/http-log';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AttributionsModule } from '@claimtrace/attributions';
import { AuthGuardModule, AuthModule, TokensService } from '@claimtrace/auth';
import { ClaimsModule } from '@claimtrace/claims';
import { AppConfig, CoreModule } from '@claimtrace/core';
import { DatabaseModule, ServerHealth } from '@claimtrace/database';
import { DemoModule } from '@claimtrace/demo';
import { EventsModule, LiveEventsModule } from '@claimtrace/events';
import { ExportModule } from '@claimtrace/export';
import { GraphModule } from '@claimtrace/graph';
import { SearchModule } from '@claimtrace/search';
import { graphqlOptions } from './graphql/graphql-options';
import { LiveSockets, LiveSocketsModule } from './graphql/live-sockets';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** the embedded PostgreSQL's supervisor, when this process runs one */
  databaseServer?: ServerHealth;
  /** where the logs go (standard output by default; tests read them) */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot({
    config,
    databaseUrl,
    databaseServer,
    logDestination,
  }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: httpLogOptions(config, logDestination) }),
        CoreModule.forRoot(config),
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: config.DB_POOL_SIZE,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          server: databaseServer,
        }),
        EventsModule,
        AuthGuardModule,
        LiveEventsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, LiveSocketsModule],
          inject: [TokensService, LiveSockets],
          useFactory: (tokens: TokensService, sockets: LiveSockets) =>
            graphqlOptions(config, tokens, sockets),
        }),
        ActorsModule,
        ArticlesModule,
        ClaimsModule,
        AttributionsModule,
        DemoModule,
        SearchModule,
        GraphModule,
        ExportModule,
      ],
      controllers: [HealthController],
      providers: [ReadinessService],
    };
  }
}
