import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@claimtrace/core';
import { join } from 'node:path';
import { ensureFirstAdminToken, TokensService } from '@claimtrace/auth';
import { dataDirOf, resolveDatabase } from '@claimtrace/database';
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

  const app = await createApp({ config, databaseUrl: database.url }).catch(async (error) => {
    await database.embedded?.stop();
    throw error;
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests, then stopping`);
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await app.close();
      await database.embedded?.stop();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

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
