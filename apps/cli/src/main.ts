import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@claimtrace/core';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { ingestCommand } from './commands/ingest.command';
import { migrateCommand } from './commands/migrate.command';
import { suggestCommand } from './commands/suggest.command';
import { personCommand } from './commands/person.command';
import { tokenCommand } from './commands/token.command';
import { watchCommand } from './commands/watch.command';

/** `claimtrace`: the command-line tool. Uses DATABASE_URL, else the embedded database. */
export function buildCli(): Command {
  return new Command('claimtrace')
    .description(
      'Claimtrace: who claimed what, who denied it, where it was written. Uses DATABASE_URL, or the embedded PostgreSQL under CLAIMTRACE_DATA_DIR.',
    )
    .addCommand(demoCommand())
    .addCommand(ingestCommand())
    .addCommand(migrateCommand())
    .addCommand(suggestCommand())
    .addCommand(personCommand())
    .addCommand(tokenCommand())
    .addCommand(watchCommand())
    .addCommand(exportCommand())
    .addCommand(importCommand());
}

if (require.main === module) {
  buildCli()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(
        error instanceof ConfigError
          ? `${error.message}\n`
          : `claimtrace: ${(error as Error).message}\n`,
      );
      process.exit(1);
    });
}
