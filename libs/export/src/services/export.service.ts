import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  holdHeapGrowth,
  keyOf,
  NotFoundError,
  toGlobalId,
} from '@claimtrace/core';
import { ExportCursor } from '../repositories/export-cursor';
import { ExportRepository } from '../repositories/export.repository';
import { GraphSelection } from '@claimtrace/graph';
import { checkParamNames, ExportParams, once, selectionOf } from './export-params';
import { toAnnotationCollection, toWebAnnotation } from '../writers/annotation';
import { toClaimReview } from '../writers/claimreview';
import {
  EDGE_CSV_COLUMNS,
  csvRecord,
  edgeCsvRecord,
  NODE_CSV_COLUMNS,
  nodeCsvRecord,
} from '../writers/csv.writer';
import { gexfWriter } from '../writers/gexf.writer';
import { GraphWriter, toExportEdge, toExportNode } from '../writers/graph-model';
import { graphmlWriter } from '../writers/graphml.writer';
import { graphologyWriter } from '../writers/graphology.writer';
import { PARQUET_CONTENT_TYPE, parquetTable } from '../writers/parquet.writer';
import { chunked, Part } from './chunked';
import { EXPORT_TABLES, exportCharge, ExportKind } from './export-charge';

export const GRAPH_FORMATS = ['graphml', 'gexf', 'json', 'csv', 'parquet'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
export type ExportTable = 'nodes' | 'edges';
/** The formats that come as two tables, nodes and edges, one file each. */
export const TABLE_FORMATS: readonly GraphFormat[] = ['csv', 'parquet'];

export interface ExportRequest {
  format: GraphFormat;
  /** for csv and parquet: which of the two files */
  table: ExportTable | null;
  selection: GraphSelection;
}

/** Streams the graph and the ClaimReview and annotation documents, in constant memory. */
@Injectable()
export class ExportService {
  constructor(
    private readonly repository: ExportRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the parameters of a graph export; a mistake is a BAD_USER_INPUT naming it. */
  parse(params: ExportParams): ExportRequest {
    checkParamNames(params);
    const given = { format: once(params, 'format'), table: once(params, 'table') };
    const format = (given.format ?? '').toLowerCase();
    if (!(GRAPH_FORMATS as readonly string[]).includes(format)) {
      throw new BadInputError(
        `\`format\` must be one of ${GRAPH_FORMATS.join(', ')} (got "${given.format ?? ''}").`,
        { argument: 'format' },
      );
    }
    let table: ExportTable | null = null;
    if (TABLE_FORMATS.includes(format as GraphFormat)) {
      if (given.table !== 'nodes' && given.table !== 'edges') {
        throw new BadInputError(
          `${format === 'csv' ? 'CSV' : 'Parquet'} comes as two files: ask for \`table=nodes\` and \`table=edges\` (same selection, two URLs).`,
          { argument: 'table' },
        );
      }
      table = given.table;
    }
    return { format: format as GraphFormat, table, selection: selectionOf(params) };
  }

  /** What an export of this kind is charged from its client's rate budget (export-charge.ts). */
  async charge(kind: ExportKind): Promise<number> {
    const tables = EXPORT_TABLES[kind];
    return exportCharge(kind, tables ? await this.repository.estimatedRows(tables) : 0);
  }

  contentType(request: ExportRequest): string {
    if (request.format === 'csv') return 'text/csv; charset=utf-8; header=present';
    if (request.format === 'parquet') return PARQUET_CONTENT_TYPE;
    return writerFor(request.format).contentType;
  }

  fileName(request: ExportRequest): string {
    return request.table
      ? `claimtrace-${request.table}.${request.format}`
      : `claimtrace.${writerFor(request.format).extension}`;
  }

  /**
   * The export, chunk by chunk (text, or Parquet's bytes), read from the database only as fast as
   * it is consumed.
   */
  graph(request: ExportRequest, signal?: AbortSignal): AsyncGenerator<string | Uint8Array> {
    if (request.format === 'parquet') {
      return this.withCursor(signal, (cursor) => this.parquetParts(cursor, request));
    }
    return chunked(this.withCursor(signal, (cursor) => this.graphParts(cursor, request)));
  }

  private parquetParts(cursor: ExportCursor, request: ExportRequest): AsyncGenerator<Uint8Array> {
    const { selection } = request;
    if (request.table === 'nodes') {
      return parquetTable(
        'nodes',
        mapBatches(this.repository.nodes(cursor, selection), toExportNode),
      );
    }
    return parquetTable(
      'edges',
      mapBatches(this.repository.edges(cursor, selection), toExportEdge),
    );
  }

  private async *graphParts(cursor: ExportCursor, request: ExportRequest): AsyncGenerator<Part> {
    const { selection } = request;
    if (request.format === 'csv') {
      if (request.table === 'nodes') {
        yield csvRecord(NODE_CSV_COLUMNS);
        for await (const batch of this.repository.nodes(cursor, selection)) {
          yield batch.map((node) => nodeCsvRecord(toExportNode(node)));
        }
      } else {
        yield csvRecord(EDGE_CSV_COLUMNS);
        for await (const batch of this.repository.edges(cursor, selection)) {
          yield batch.map((edge) => edgeCsvRecord(toExportEdge(edge)));
        }
      }
      return;
    }
    const writer = writerFor(request.format);
    yield writer.start();
    for await (const batch of this.repository.nodes(cursor, selection)) {
      yield batch.map((node) => writer.node(toExportNode(node)));
    }
    yield writer.edgesStart();
    for await (const batch of this.repository.edges(cursor, selection)) {
      yield batch.map((edge) => writer.edge(toExportEdge(edge)));
    }
    yield writer.end();
  }

  /** Every review of every current claim as one ClaimReview a line (JSON Lines). */
  claimReviews(signal?: AbortSignal): AsyncGenerator<string> {
    return chunked(
      this.withCursor(
        signal,
        async function* (this: ExportService, cursor: ExportCursor) {
          for await (const record of this.repository.reviewedClaims(cursor, null)) {
            yield `${JSON.stringify(toClaimReview(record, this.claimUrl(record.claimId)))}\n`;
          }
        }.bind(this),
      ),
    );
  }

  /** The ClaimReview of one claim (an @graph of them when it has several reviews). */
  async claimReview(claimId: string): Promise<Record<string, unknown>> {
    const key = keyOf(claimId, 'Claim', 'id');
    if (!(await this.repository.claimExists(key))) throw new NotFoundError('Claim', claimId);
    const reviews: Record<string, unknown>[] = [];
    const cursor = await this.repository.open();
    try {
      for await (const record of this.repository.reviewedClaims(cursor, key)) {
        reviews.push(toClaimReview(record, this.claimUrl(record.claimId)));
      }
    } finally {
      await cursor.close();
    }
    if (reviews.length === 0) {
      throw new NotFoundError('ClaimReview', claimId);
    }
    if (reviews.length === 1) return reviews[0];
    return {
      '@context': 'https://schema.org',
      '@graph': reviews.map(({ ['@context']: _context, ...rest }) => rest),
    };
  }

  /** The passages of an article as a W3C Web Annotation collection. */
  async annotations(articleId: string): Promise<Record<string, unknown>> {
    const baseUrl = this.config.PUBLIC_BASE_URL;
    const key = keyOf(articleId, 'Article', 'id');
    const article = await this.repository.article(key);
    if (!article) throw new NotFoundError('Article', articleId);
    const items: Record<string, unknown>[] = [];
    const cursor = await this.repository.open();
    try {
      for await (const record of this.repository.annotatedPassages(cursor, key)) {
        items.push(
          toWebAnnotation(record, article.url, {
            passage: `${baseUrl}/passages/${toGlobalId('Passage', record.passageId)}`,
            claim: (claimKey) => this.claimUrl(claimKey),
          }),
        );
      }
    } finally {
      await cursor.close();
    }
    return toAnnotationCollection(
      `${baseUrl}/articles/${articleId}/annotations.jsonld`,
      article.title,
      items,
    );
  }

  /**
   * A claim's address on PUBLIC_BASE_URL, the `@id` base of its ClaimReview. Absolute URLs come
   * from the configuration only: a request's Host or X-Forwarded-Host header is the client's to
   * choose, and would put an attacker's host into documents others publish.
   */
  private claimUrl(claimKey: string): string {
    return `${this.config.PUBLIC_BASE_URL}/claims/${toGlobalId('Claim', claimKey)}`;
  }

  /** Runs `parts` on a fresh cursor; closes it at the end, cancels it on abort or error. */
  private async *withCursor<P>(
    signal: AbortSignal | undefined,
    parts: (cursor: ExportCursor) => AsyncGenerator<P>,
  ): AsyncGenerator<P> {
    const cursor = await this.repository.open(signal);
    let release = () => undefined as void;
    let completed = false;
    try {
      release = holdHeapGrowth(this.config.EXPORT_HEAP_GROWING_PERCENT);
      yield* parts(cursor);
      completed = true;
    } finally {
      release();
      if (completed) await cursor.close();
      else await cursor.cancel();
    }
  }
}

async function* mapBatches<R, T>(
  batches: AsyncIterable<R[]>,
  map: (row: R) => T,
): AsyncGenerator<T[]> {
  for await (const batch of batches) yield batch.map(map);
}

function writerFor(format: GraphFormat): GraphWriter {
  switch (format) {
    case 'graphml':
      return graphmlWriter();
    case 'gexf':
      return gexfWriter();
    default:
      return graphologyWriter();
  }
}
