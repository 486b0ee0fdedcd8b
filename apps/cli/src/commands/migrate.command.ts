import { Command } from 'commander';
import { withServices } from './with-services';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('apply pending migrations of prisma/migrations (also done at every start)')
    .action(async () => {
      await withServices(async () => undefined, 'initialises');
      process.stdout.write('The database is up to date.\n');
    });
}
