import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { ExportParams, ExportService, GRAPH_FORMATS } from '@claimtrace/export';
import { withServices } from './with-services';

interface ExportOptions {
  format: string;
  out: string;
  since?: string;
  status?: string;
  actor?: string;
  tag?: string;
  api?: string;
  token?: string;
}

/**
 * `claimtrace export`: the claim graph to a file, streamed (constant memory), straight from the
 * database or from a running API (`--api http://host:3000`). CSV makes two files beside `--out`:
 * `NAME.nodes.csv` and `NAME.edges.csv`.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description(
      'export the claim graph (GraphML, GEXF 1.3, graphology JSON, or CSV as NAME.nodes.csv + NAME.edges.csv)',
    )
    .addOption(
      new Option('--format <format>', 'file format')
        .choices([...GRAPH_FORMATS])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'where to write (for csv: the name the two files derive from)')
    .option('--since <date>', 'only claims first seen at or after this ISO 8601 date')
    .option('--status <statuses>', 'only claims in these statuses (comma-separated)')
    .option('--actor <id>', "only this actor's stances (an Actor id) and their claims")
    .option('--tag <tag>', 'only claims with this tag')
    .option('--api <url>', 'read from a running API instead of the database')
    .option(
      '--token <token>',
      'with --api: the bearer token to send (default: CLAIMTRACE_TOKEN), needed when the API sets READS_REQUIRE_TOKEN',
    )
    .action(async (options: ExportOptions) => {
      const params: ExportParams = {
        format: options.format,
        since: options.since,
        status: options.status,
        actorId: options.actor,
        tag: options.tag,
      };
      const files =
        options.format === 'csv'
          ? (['nodes', 'edges'] as const).map((table) => ({
              table,
              path: csvPath(options.out, table),
            }))
          : [{ table: undefined, path: options.out }];
      const started = Date.now();
      if (options.api) {
        for (const file of files)
          await fromApi(
            options.api,
            { ...params, table: file.table },
            file.path,
            options.token ?? process.env.CLAIMTRACE_TOKEN,
          );
      } else {
        await withServices(async (app) => {
          const service = app.get(ExportService);
          for (const file of files) {
            const request = service.parse({ ...params, table: file.table });
            await pipeline(Readable.from(service.graph(request)), createWriteStream(file.path));
          }
        });
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`Wrote ${files.map((f) => f.path).join(' and ')} in ${seconds} s.\n`);
    });
}

export function csvPath(out: string, table: 'nodes' | 'edges'): string {
  return `${out.replace(/\.csv$/i, '')}.${table}.csv`;
}

async function fromApi(
  api: string,
  params: ExportParams,
  path: string,
  token: string | undefined,
): Promise<void> {
  const url = new URL('/exports/graph', api);
  for (const [name, value] of Object.entries(params)) {
    if (value) url.searchParams.set(name, String(value));
  }
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok || !response.body) {
    const body = await response.text().catch(() => '');
    throw new Error(`the API answered ${response.status}: ${body.slice(0, 500)}`);
  }
  await pipeline(
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    createWriteStream(path),
  );
}
