import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import {
  ExportParams,
  ExportService,
  GRAPH_FORMATS,
  GraphFormat,
  SELECTION_PARAMS,
  TABLE_FORMATS,
} from '@claimtrace/export';
import { withServices } from './with-services';

type Table = 'nodes' | 'edges';

type ExportOptions = {
  format: string;
  out: string;
  table?: Table;
  api?: string;
  token?: string;
} & Partial<Record<(typeof SELECTION_PARAMS)[number], string>>;

/** The selection options, under claimGraph's argument names (docs/research.md lists them). */
const SELECTION_HELP: Record<(typeof SELECTION_PARAMS)[number], [string, string]> = {
  claimId: ['<id>', "a claim's neighbourhood (a Claim id)"],
  actorId: ['<id>', "an actor's neighbourhood (an Actor id)"],
  depth: ['<hops>', 'hops from --claimId or --actorId, 0 to 3 (1 by default)'],
  tag: ['<tag>', 'only claims with this tag'],
  status: ['<statuses>', 'only claims in these statuses (comma-separated)'],
  since: ['<date>', 'only claims first seen at or after this ISO 8601 date'],
  until: ['<date>', 'only claims first seen before this ISO 8601 date'],
  search: ['<words>', 'only claims matching these words (full-text)'],
  asOf: ['<date>', 'the graph as it stood at this ISO 8601 time'],
};

/** `--out -`: the export goes to stdout, and nothing else does. */
export const STDOUT = '-';

/**
 * `claimtrace export`: the claim graph to a file or to stdout (`--out -`), streamed (constant
 * memory), straight from the database or from a running API (`--api http://host:3000`). CSV makes
 * two files beside `--out`: `NAME.nodes.csv` and `NAME.edges.csv` (or one, `--table`). The
 * selection options are claimGraph's arguments, by the same names (`--claimId`, `--depth`, …).
 */
export function exportCommand(): Command {
  const command = new Command('export')
    .description(
      'export the claim graph (GraphML, GEXF 1.3, graphology JSON, or CSV or Parquet as NAME.nodes.EXT + NAME.edges.EXT)',
    )
    .addOption(
      new Option('--format <format>', 'file format')
        .choices([...GRAPH_FORMATS])
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--out <file>',
      'where to write, - for stdout (for csv and parquet: the name the two files derive from)',
    )
    .addOption(
      new Option('--table <table>', 'csv, parquet: only this table (needed with --out -)').choices([
        'nodes',
        'edges',
      ]),
    )
    .option('--api <url>', 'read from a running API instead of the database')
    .option(
      '--token <token>',
      'with --api: the bearer token to send (default: CLAIMTRACE_TOKEN), needed when the API sets READS_REQUIRE_TOKEN',
    );
  for (const name of SELECTION_PARAMS) {
    const [value, help] = SELECTION_HELP[name];
    command.option(`--${name} ${value}`, help);
  }
  return command.action(async (options: ExportOptions) => {
    const params: ExportParams = { format: options.format };
    for (const name of SELECTION_PARAMS) if (options[name]) params[name] = options[name];
    const files = outputsOf(options);
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
          await writeTo(file.path, Readable.from(service.graph(request)));
        }
      }, 'reads');
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const written = files.map((f) => (f.path === STDOUT ? 'stdout' : f.path)).join(' and ');
    process.stderr.write(`Wrote ${written} in ${seconds} s.\n`);
  });
}

/** The files an export writes: one, or for csv and parquet one per table (only one fits on stdout). */
export function outputsOf(options: Pick<ExportOptions, 'format' | 'out' | 'table'>): {
  table: Table | undefined;
  path: string;
}[] {
  const format = options.format;
  if (!TABLE_FORMATS.includes(format as GraphFormat)) {
    if (options.table) throw new Error('--table is for --format csv or parquet');
    return [{ table: undefined, path: options.out }];
  }
  const tables: Table[] = options.table ? [options.table] : ['nodes', 'edges'];
  if (options.out === STDOUT && tables.length > 1) {
    throw new Error(
      `${format} is two tables: with --out - pick one with --table nodes or --table edges, or give --out a file name`,
    );
  }
  return tables.map((table) => ({
    table,
    path: options.out === STDOUT ? STDOUT : tablePath(options.out, table, format),
  }));
}

/** `graph.csv` → `graph.nodes.csv`, `graph` → `graph.edges.parquet`. */
export function tablePath(out: string, table: Table, format: string): string {
  return `${out.endsWith(`.${format}`) ? out.slice(0, -format.length - 1) : out}.${table}.${format}`;
}

/** Streams into the file, or into stdout (left open, and quiet when the reader has gone: `| head`). */
async function writeTo(path: string, source: Readable): Promise<void> {
  if (path !== STDOUT) {
    await pipeline(source, createWriteStream(path));
    return;
  }
  await pipeline(source, process.stdout as Writable, { end: false }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  });
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
  await writeTo(path, Readable.fromWeb(response.body as import('node:stream/web').ReadableStream));
}
