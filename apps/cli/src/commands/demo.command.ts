import { Command } from 'commander';
import { DemoLoader } from '@claimtrace/demo';
import { withServices } from './with-services';

export function demoCommand(): Command {
  return new Command('demo')
    .description('load the worked example (the Perfil article on the deportee talks); idempotent')
    .action(async () => {
      const report = await withServices((app) => app.get(DemoLoader).load(), 'initialises');
      process.stdout.write(
        report.loaded
          ? `Loaded the demo: ${report.actors} actors, ${report.claims} claims, ${report.attributions} attributions.\n`
          : 'The demo data is already there; nothing to do.\n',
      );
    });
}
