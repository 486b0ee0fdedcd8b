import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@claimtrace/core';
import { resolveDatabase } from '@claimtrace/database';
import { CliModule } from '../cli.module';

/**
 * Runs `work` with the services wired to the configured database (DATABASE_URL, else the embedded
 * one under CLAIMTRACE_DATA_DIR, migrated first), then shuts everything down.
 */
export async function withServices<T>(
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const database = await resolveDatabase(config, log);
  try {
    const app = await NestFactory.createApplicationContext(
      CliModule.forRoot(config, database.url),
      { logger: ['error', 'warn'] },
    );
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}
