import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@claimtrace/core';
import { join } from 'node:path';
import { ensureFirstAdminToken, TokensService } from '@claimtrace/auth';
import { dataDirOf, EmbeddedSupervisor, resolveDatabase } from '@claimtrace/database';
import { DemoLoader } from '@claimtrace/demo';
import { createApp } from './bootstrap/create-app';

async function main(): Promise<void> {
  const logger = new Logger('Claimtrace');
  const loaded = loadConfig();
  const database = await resolveDatabase(loaded, (line) => logger.log(line));
  // The embedded quick start is a laptop: introspection and the explorer on unless set otherwise.
  const config = {
    ...loaded,
    GRAPHQL_INTROSPECTION: loaded.GRAPHQL_INTROSPECTION ?? database.embedded !== null,
  };

  // Set when the embedded PostgreSQL dies and every restart fails: stop, and say so with the code.
  let giveUp: (message: string) => void = () => undefined;
  const supervisor = database.embedded?.owned
    ? new EmbeddedSupervisor(
        database.embedded,
        {
          retries: config.EMBEDDED_PG_RESTART_RETRIES,
          firstDelayMs: config.EMBEDDED_PG_RESTART_DELAY_MS,
          maxDelayMs: config.EMBEDDED_PG_RESTART_MAX_DELAY_MS,
        },
        {
          log: (line) => logger.log(line),
          warn: (line) => logger.warn(line),
          giveUp: (message) => giveUp(message),
        },
      )
    : null;
  const app = await createApp({
    config,
    databaseUrl: database.url,
    databaseServer: supervisor ?? undefined,
  }).catch(async (error) => {
    await supervisor?.stop();
    await database.embedded?.stop();
    throw error;
  });
  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: finishing in-flight requests, then stopping`);
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await supervisor?.stop();
      await app.close();
      await database.embedded?.stop();
    } finally {
      clearTimeout(force);
      process.exit(code);
    }
  };
  giveUp = (message) => {
    logger.fatal(
      `${message} The cluster and its WAL are intact on disk: start Claimtrace again, or set DATABASE_URL to use another PostgreSQL.`,
    );
    void stop('the embedded PostgreSQL is gone', 1);
  };
  process.once('SIGINT', () => void stop('SIGINT received'));
  process.once('SIGTERM', () => void stop('SIGTERM received'));

  await app.init();
  const demo = app.get(DemoLoader);
  if (database.embedded && config.DEMO_DATA && (await demo.isEmpty())) await demo.load();
  if (database.embedded) {
    await ensureFirstAdminToken(
      app.get(TokensService),
      join(dataDirOf(config), 'admin-token'),
      (line) => logger.log(line),
    );
  }

  await app.listen({ port: config.PORT, host: config.HOST }).catch(async (error) => {
    await app.close();
    await database.embedded?.stop();
    throw error;
  });
  const shown = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.log(`GraphQL at http://${shown}:${config.PORT}/graphql`);
  if (config.GRAPHQL_INTROSPECTION) {
    logger.log(`introspection and the GraphiQL explorer are on (GRAPHQL_INTROSPECTION)`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Claimtrace failed to start: ${(error as Error)?.stack ?? error}\n`);
  }
  process.exit(1);
});
