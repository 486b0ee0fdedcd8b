import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers, type Logger as PinoRoot } from 'pino';
import { ActorsModule } from '@claimtrace/actors';
import { ArticlesModule } from '@claimtrace/articles';
import { AttributionsModule } from '@claimtrace/attributions';
import { AuthGuardModule, AuthModule, redactTicket, TokensService } from '@claimtrace/auth';
import { ClaimsModule } from '@claimtrace/claims';
import { CorrectionsModule } from '@claimtrace/corrections';
import { AppConfig, CoreModule } from '@claimtrace/core';
import { DatabaseModule, ServerHealth } from '@claimtrace/database';
import { DemoModule } from '@claimtrace/demo';
import { EventsModule, LiveEventsModule } from '@claimtrace/events';
import { ExportModule } from '@claimtrace/export';
import { GraphModule } from '@claimtrace/graph';
import { NewsroomModule } from '@claimtrace/newsroom';
import { SearchModule } from '@claimtrace/search';
import { isClientDisconnect } from './bootstrap/client-disconnect';
import { createRootLogger } from './bootstrap/logging/root-logger';
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

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logger, databaseServer }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: logger ?? createRootLogger(config),
            // Fastify assigns the id (from X-Request-Id or a new UUID); the logs reuse it.
            genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
            serializers: {
              // a client that went away is no server failure: its code, not a stack trace
              err: (error: Error) =>
                isClientDisconnect(error)
                  ? { type: 'ClientDisconnect', code: (error as NodeJS.ErrnoException).code }
                  : stdSerializers.err(error),
              req: (req: { url?: string }) => {
                if (req.url) req.url = redactTicket(req.url);
                return req;
              },
            },
          },
        }),
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
          inject: [TokensService, OperationGuards],
          useFactory: (tokens: TokensService, guards: OperationGuards) =>
            graphqlOptions(tokens, guards),
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
      providers: [ReadinessService, GraphqlWsServer],
    };
  }
}
