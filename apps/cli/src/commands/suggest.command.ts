import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { extractAttributions } from '@claimtrace/extraction';

export function suggestCommand(): Command {
  return new Command('suggest')
    .description('print the attributions the extractor finds in a text file, one JSON line each')
    .argument('<file>', 'a UTF-8 text file (an article)')
    .action((file: string) => {
      for (const suggestion of extractAttributions(readFileSync(file, 'utf8'))) {
        process.stdout.write(`${JSON.stringify(suggestion)}\n`);
      }
    });
}
