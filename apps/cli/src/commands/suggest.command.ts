import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { extractAttributions } from '@claimtrace/extraction';

export function suggestCommand(): Command {
  return new Command('suggest')
    .description('print the attributions the extractor finds in a text file, one JSON line each')
    .argument('<file>', 'a UTF-8 text file (an article)')
    .option('--language <tag>', 'the article\'s language ("en", "es"); detected when absent')
    .action((file: string, options: { language?: string }) => {
      const text = readFileSync(file, 'utf8');
      for (const suggestion of extractAttributions(text, { language: options.language })) {
        process.stdout.write(`${JSON.stringify(suggestion)}\n`);
      }
    });
}
