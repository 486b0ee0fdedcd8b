import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { PinoLogger, Logger as PinoNestLogger } from 'nestjs-pino';
import { ConfigError, forgetRunningApi, loadConfig, recordRunningApi } from '@claimtrace/core';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ensureFirstAdminToken, TokensService } from '@claimtrace/auth';
import { dataDirOf, EmbeddedSupervisor, resolveDatabase } from '@claimtrace/database';
import { DemoLoader } from '@claimtrace/demo';
import { createApp } from './bootstrap/create-app';
import { QuietBootstrapLogger } from './bootstrap/logging/quiet-bootstrap.logger';
import { createRootLogger } from './bootstrap/logging/root-logger';
import {
  ApiAddresses,
  apiAddresses,
  localBaseUrl,
  startupBanner,
} from './bootstrap/startup-banner';

async function main(): Promise<void> {
  const loaded = loadConfig();
  // one logger from the first line on, so that every line has the same format (LOG_FORMAT)
  const root = createRootLogger(loaded);
  const pinoParams = { pinoHttp: { logger: root } };
  Logger.overrideLogger(
    new QuietBootstrapLogger(new PinoNestLogger(new PinoLogger(pinoParams), pinoParams)),
  );
  const logger = new Logger('Claimtrace');
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
    logger: root,
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
  const { port } = app.getHttpServer().address() as AddressInfo;
  const addresses = apiAddresses(localBaseUrl(config.HOST, port));
  const dataDir = dataDirOf(config);
  const banner = startupBanner({
    addresses,
    embedded: database.embedded && { port: database.embedded.port, dataDir },
    databaseUrl: config.DATABASE_URL,
    introspection: config.GRAPHQL_INTROSPECTION,
  });
  root.info({ context: 'Claimtrace', startup: banner.fields }, banner.message);
  announce(dataDir, addresses, logger);
}

/**
 * Records this API's addresses in the data folder for the CLI (`claimtrace watch`), removed when
 * the process exits. Not being able to write it does not stop the API.
 */
function announce(dataDir: string, addresses: ApiAddresses, logger: Logger): void {
  try {
    const file = recordRunningApi(dataDir, {
      pid: process.pid,
      ...addresses,
      startedAt: new Date().toISOString(),
    });
    process.once('exit', () => forgetRunningApi(dataDir));
    logger.debug(`recorded the API's addresses in ${file} for the CLI`);
  } catch (error) {
    logger.warn(
      `could not record the API's addresses in ${dataDir} (${(error as Error).message}): \`claimtrace watch\` needs --url`,
    );
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
