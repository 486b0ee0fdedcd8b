import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import {
  ExportParams,
  ExportService,
  GRAPH_FORMATS,
  GraphFormat,
  jsonLdText,
  SELECTION_PARAMS,
  TABLE_FORMATS,
} from '@claimtrace/export';
import { withServices } from './with-services';

type Table = 'nodes' | 'edges';

/** Every format: the graph's, then the ClaimReview feed and an article's annotations. */
export const EXPORT_FORMATS = [...GRAPH_FORMATS, 'claimreview', 'annotations'] as const;

type ExportOptions = {
  format: string;
  out: string;
  table?: Table;
  language?: string;
  claim?: string;
  article?: string;
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
  includeSuperseded: [
    '<true|false>',
    'true: also the stances a correction orphaned that await review, and superseded article versions',
  ],
};

/** One file an export writes: where, and the export address it mirrors (with its parameters). */
export interface ExportFile {
  path: string;
  /** the API path that serves the same bytes (`--api`), e.g. `/exports/graph?format=gexf` */
  address: string;
}

/** What `claimtrace export` does, worked out from its options before anything runs. */
export type ExportPlan =
  | { kind: 'graph'; params: ExportParams; files: (ExportFile & { table?: Table })[] }
  | { kind: 'claimreviews'; language?: string; file: ExportFile }
  | { kind: 'claimreview'; claim: string; file: ExportFile }
  | { kind: 'annotations'; article: string; file: ExportFile };

/** `--out -`: the export goes to stdout, and nothing else does. */
export const STDOUT = '-';

/**
 * `claimtrace export`: the claim graph, the ClaimReview feed (or one claim's ClaimReview) or an
 * article's W3C annotations, to a file or to stdout (`--out -`), streamed, straight from the
 * database or from a running API (`--api http://host:3000`). CSV and Parquet make two files beside
 * `--out`: `NAME.nodes.EXT` and `NAME.edges.EXT` (or one, `--table`). The graph's selection options
 * are claimGraph's arguments, by the same names (`--claimId`, `--depth`, …).
 */
export function exportCommand(): Command {
  const command = new Command('export')
    .description(
      'export the claim graph (GraphML, GEXF 1.3, graphology JSON, or CSV or Parquet as NAME.nodes.EXT + NAME.edges.EXT), the published reviews as ClaimReview JSON Lines, or an article as W3C Web Annotations',
    )
    .addOption(
      new Option('--format <format>', 'file format')
        .choices([...EXPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .requiredOption(
      '--out <file>',
      'where to write, - for stdout (for csv and parquet: the name the two files derive from)',
    )
    .addOption(
      new Option(
        '--table <table>',
        'csv and parquet: only this table (needed with --out -)',
      ).choices(['nodes', 'edges']),
    )
    .option('--language <tag>', 'claimreview: only reviews in this language (BCP 47, e.g. es)')
    .option('--claim <id>', "claimreview: only this claim's ClaimReview (one JSON-LD document)")
    .option('--article <id>', 'annotations: the article (an Article id)')
    .option('--api <url>', 'read from a running API instead of the database')
    .option(
      '--token <token>',
      'with --api: the bearer token to send (default: CLAIMTRACE_TOKEN), needed when the API sets READS_REQUIRE_TOKEN',
    );
  for (const name of SELECTION_PARAMS) {
    const [value, help] = SELECTION_HELP[name];
    command.option(`--${name} ${value}`, `graph: ${help}`);
  }
  return command.action(async (options: ExportOptions) => {
    const plan = exportPlan(options);
    const started = Date.now();
    const files = plan.kind === 'graph' ? plan.files : [plan.file];
    if (options.api) {
      const token = options.token ?? process.env.CLAIMTRACE_TOKEN;
      for (const file of files) await fromApi(options.api, file, token);
    } else {
      await withServices((app) => fromDatabase(app.get(ExportService), plan), 'reads');
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const written = files.map((f) => (f.path === STDOUT ? 'stdout' : f.path)).join(' and ');
    process.stderr.write(`Wrote ${written} in ${seconds} s.\n`);
  });
}

/** The plan for these options; options that do not go together are an Error saying so. */
export function exportPlan(options: ExportOptions): ExportPlan {
  const isGraph = (GRAPH_FORMATS as readonly string[]).includes(options.format);
  const misplaced = (names: readonly (keyof ExportOptions)[], what: string) => {
    const given = names.find((name) => options[name] !== undefined);
    if (given) throw new Error(`--${given} is for ${what}`);
  };
  if (!TABLE_FORMATS.includes(options.format as GraphFormat)) {
    misplaced(['table'], '--format csv or parquet');
  }
  if (!isGraph) misplaced(SELECTION_PARAMS, `the graph formats (${GRAPH_FORMATS.join(', ')})`);
  if (options.format !== 'claimreview') misplaced(['language', 'claim'], '--format claimreview');
  if (options.format !== 'annotations') misplaced(['article'], '--format annotations');
  if (options.format === 'annotations') {
    if (!options.article) throw new Error('--format annotations needs --article <Article id>');
    return {
      kind: 'annotations',
      article: options.article,
      file: {
        path: options.out,
        address: `/articles/${encodeURIComponent(options.article)}/annotations.jsonld`,
      },
    };
  }
  if (options.format === 'claimreview') {
    if (options.claim && options.language) {
      throw new Error('--language filters the feed of all claims; leave it out with --claim');
    }
    if (options.claim) {
      return {
        kind: 'claimreview',
        claim: options.claim,
        file: {
          path: options.out,
          address: `/claims/${encodeURIComponent(options.claim)}/claimreview.jsonld`,
        },
      };
    }
    const query = options.language
      ? `?${new URLSearchParams({ inLanguage: options.language })}`
      : '';
    return {
      kind: 'claimreviews',
      language: options.language,
      file: { path: options.out, address: `/exports/claimreviews.jsonl${query}` },
    };
  }
  const params: ExportParams = { format: options.format };
  for (const name of SELECTION_PARAMS) if (options[name]) params[name] = options[name];
  return {
    kind: 'graph',
    params,
    files: outputsOf(options).map(({ table, path }) => ({
      table,
      path,
      address: `/exports/graph?${new URLSearchParams(
        Object.entries({ ...params, table }).filter(([, v]) => v) as [string, string][],
      )}`,
    })),
  };
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

async function fromDatabase(service: ExportService, plan: ExportPlan): Promise<void> {
  switch (plan.kind) {
    case 'graph':
      for (const file of plan.files) {
        const request = service.parse({ ...plan.params, table: file.table });
        await writeTo(file.path, Readable.from(service.graph(request)));
      }
      return;
    case 'claimreviews':
      await writeTo(
        plan.file.path,
        Readable.from(service.claimReviews(service.reviewFilter({ inLanguage: plan.language }))),
      );
      return;
    case 'claimreview':
      await writeTo(plan.file.path, jsonOf(await service.claimReview(plan.claim)));
      return;
    case 'annotations':
      await writeTo(plan.file.path, jsonOf(await service.annotations(plan.article)));
  }
}

/** A JSON-LD document as the API sends it (safe to paste into a web page). */
function jsonOf(document: unknown): Readable {
  return Readable.from([jsonLdText(document)]);
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

async function fromApi(api: string, file: ExportFile, token: string | undefined): Promise<void> {
  const url = new URL(file.address, api);
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok || !response.body) {
    const body = await response.text().catch(() => '');
    throw new Error(`the API answered ${response.status}: ${body.slice(0, 500)}`);
  }
  await writeTo(
    file.path,
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
  );
}
