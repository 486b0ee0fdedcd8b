import { dirname, join } from 'node:path';
import { ConsoleLogger, INestApplicationContext, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@claimtrace/core';
import { dataDirOf, hasEmbeddedDatabase, prismaDir, resolveDatabase } from '@claimtrace/database';
import { DemoLoader } from '@claimtrace/demo';
import { CliModule } from '../cli.module';
import { checkDataFolder, DatabaseUse, emptyDatabaseNote } from '../database/data-folder-check';

/** Diagnostics go to stderr, whatever their level: stdout is the command's output (`--out -`). */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _stream?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Runs `work` with the services wired to the configured database (DATABASE_URL, else the embedded
 * one under CLAIMTRACE_DATA_DIR, migrated first), then shuts everything down. A command that only
 * `reads` refuses a data folder without a database rather than creating an empty one.
 */
export async function withServices<T>(
  work: (app: INestApplicationContext) => Promise<T>,
  use: DatabaseUse,
): Promise<T> {
  const config = loadConfig();
  if (!config.DATABASE_URL) checkEmbedded(config, use);
  const database = await resolveDatabase(config, log);
  try {
    const app = await NestFactory.createApplicationContext(
      CliModule.forRoot(config, database.url),
      { logger: new StderrLogger({ logLevels: ['error', 'warn'] }) },
    );
    try {
      if (database.embedded && use === 'reads' && (await app.get(DemoLoader).isEmpty())) {
        log(emptyDatabaseNote(dataDirOf(config)));
      }
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

function checkEmbedded(config: AppConfig, use: DatabaseUse): void {
  const dataDir = dataDirOf(config);
  const installed = installationDataDir();
  const verdict = checkDataFolder(
    {
      dataDir,
      hasDatabase: hasEmbeddedDatabase(dataDir),
      installed: installed && hasEmbeddedDatabase(installed) ? installed : null,
    },
    use,
  );
  if (!verdict.go) throw new Error(verdict.reason);
  if (verdict.notice) log(verdict.notice);
}

/** `.data` beside the installation's `prisma/` folder: where `npm start` keeps its database. */
function installationDataDir(): string | null {
  try {
    return join(dirname(prismaDir()), '.data');
  } catch {
    return null;
  }
}
