import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { ArticlesService, SuggestionsService } from '@claimtrace/articles';
import { withServices } from './with-services';

interface IngestOptions {
  textFile?: string;
  title?: string;
  language?: string;
  publisher?: string;
}

/**
 * `claimtrace ingest URL`: fetches the page and stores its article, as `ingestArticle(url)` does
 * (FETCH_* settings apply); `--text-file` stores a text instead of fetching. Prints the article's
 * id, title, language and how many attributions the extractor suggests in it.
 */
export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'fetch the article at URL (or store the text of --text-file under URL) and list what it suggests',
    )
    .argument('<url>', 'the page to fetch (http or https), or the URL to store a text under')
    .option('--text-file <file>', 'store the text of this file (UTF-8) instead of fetching URL')
    .option('--title <title>', 'the title (default: the page’s, or the text’s first line)')
    .option('--language <tag>', 'the language, e.g. en or es (default: the page’s, or detected)')
    .option('--publisher <name>', 'the publisher’s name (default: the page’s)')
    .action(async (url: string, options: IngestOptions) => {
      const text = options.textFile ? readFileSync(options.textFile, 'utf8') : null;
      const report = await withServices(async (app) => {
        const { article, outcome } = await app.get(ArticlesService).ingest(
          {
            url,
            text,
            title: options.title ?? null,
            language: options.language ?? null,
            publisherName: options.publisher ?? null,
          },
          'cli',
        );
        const [suggestions] = await app.get(SuggestionsService).ofArticles([article.key]);
        return { article, outcome, suggested: suggestions.length };
      }, 'initialises');
      process.stdout.write(
        [
          `${report.outcome}: ${report.article.id}`,
          `  url       ${report.article.url}`,
          `  title     ${report.article.title}`,
          `  language  ${report.article.language ?? 'unknown'}`,
          `  suggested ${report.suggested} attribution(s)`,
          '',
        ].join('\n'),
      );
    });
}
