import {
  DynamicModule,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoRoot } from 'pino';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AttributionsModule } from '@claimtrace/attributions';
import { AuthGuardModule, AuthModule, TokensService } from '@claimtrace/auth';
import { ClaimsModule } from '@claimtrace/claims';
import { CorrectionsModule } from '@claimtrace/corrections';
import { APP_CONFIG, AppConfig, CoreModule } from '@claimtrace/core';
import { Database, DatabaseModule, ServerHealth } from '@claimtrace/database';
import { DemoModule } from '@claimtrace/demo';
import { EventsModule, LiveEventsModule } from '@claimtrace/events';
import { ExportModule } from '@claimtrace/export';
import { GraphModule } from '@claimtrace/graph';
import { NewsroomModule } from '@claimtrace/newsroom';
import { SearchModule } from '@claimtrace/search';
import { createRootLogger } from './bootstrap/logging/root-logger';
import { requestLog } from './bootstrap/logging/request-log';
import { graphqlOptions } from './graphql/graphql-options';
import { RateLimiterModule } from './graphql/limits/rate-limiter.module';
import { GraphqlWsServer } from './graphql/graphql-ws.server';
import { OperationGuardsModule } from './graphql/guards/guards.module';
import { OperationGuards } from './graphql/guards/operation-guards';
import { LiveSocketsModule } from './graphql/live-sockets';
import { SocketSessionsModule } from './graphql/socket-sessions';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** the process's logger (main.ts logs through it before the app exists); else one from config */
  logger?: PinoRoot;
  /** the embedded PostgreSQL's supervisor, when this process runs one */
  databaseServer?: ServerHealth;
}

const REQUEST_LOG = Symbol('REQUEST_LOG');

@Module({})
export class AppModule implements NestModule {
  constructor(@Inject(REQUEST_LOG) private readonly log: ReturnType<typeof requestLog>) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.log).forRoutes({ path: '*', method: RequestMethod.ALL });
  }

  static forRoot({ config, databaseUrl, logger, databaseServer }: AppOptions): DynamicModule {
    const root = logger ?? createRootLogger(config);
    return {
      module: AppModule,
      imports: [
        // Nest's logger writes through the process's logger; the request log is bound below
        // (configure), without nestjs-pino's per-request AsyncLocalStorage (request-log.ts).
        LoggerModule.forRoot({ pinoHttp: { logger: root }, forRoutes: [] }),
        CoreModule.forRoot(config),
        DatabaseModule.forRoot({
          url: databaseUrl,
          poolSize: config.DB_POOL_SIZE,
          statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
          server: databaseServer,
        }),
        EventsModule,
        AuthGuardModule,
        RateLimiterModule,
        LiveEventsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, OperationGuardsModule],
          inject: [TokensService, OperationGuards, APP_CONFIG, Database],
          useFactory: (
            tokens: TokensService,
            guards: OperationGuards,
            appConfig: AppConfig,
            db: Database,
          ) => graphqlOptions(tokens, guards, appConfig, db),
        }),
        AuthModule,
        OperationGuardsModule,
        LiveSocketsModule,
        SocketSessionsModule,
        ActorsModule,
        ArticlesModule,
        ClaimsModule,
        AttributionsModule,
        CorrectionsModule,
        DemoModule,
        SearchModule,
        GraphModule,
        NewsroomModule,
        ExportModule,
      ],
      controllers: [HealthController],
      providers: [
        ReadinessService,
        GraphqlWsServer,
        { provide: REQUEST_LOG, useValue: requestLog(root) },
      ],
    };
  }
}
