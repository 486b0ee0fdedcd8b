import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@claimtrace/core';
import { resolveDatabase } from '@claimtrace/database';
import { DemoLoader } from '@claimtrace/demo';
import { createApp } from './bootstrap/create-app';

async function main(): Promise<void> {
  const logger = new Logger('Claimtrace');
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => logger.log(line));

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

  await app.listen({ port: config.PORT, host: config.HOST }).catch(async (error) => {
    await app.close();
    await database.embedded?.stop();
    throw error;
  });
  const shown = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.log(`GraphQL at http://${shown}:${config.PORT}/graphql`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Claimtrace failed to start: ${(error as Error)?.stack ?? error}\n`);
  }
  process.exit(1);
});
