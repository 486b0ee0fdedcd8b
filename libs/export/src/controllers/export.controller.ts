import { Readable } from 'node:stream';
import {
  Body,
  Controller,
  Get,
  Inject,
  Optional,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthenticatedPrincipal,
  TICKET_PARAM,
  TokensService,
  UnauthenticatedError,
} from '@claimtrace/auth';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  clientKeyOf,
  ErrorCode,
  findInputProblem,
  inputProblemMessage,
  RATE_BUDGET,
  RateBudget,
  RateLimitedError,
  ServiceUnavailableError,
} from '@claimtrace/core';
import { asDomainError } from '@claimtrace/database';
import { ExportKind } from '../services/export-charge';
import { jsonLdText } from '../writers/json-ld-text';
import {
  ExportParams,
  GRAPH_PARAMETERS,
  REVIEW_FEED_PARAMETERS,
  ReviewFeedParams,
} from '../services/export-params';
import { ExportService } from '../services/export.service';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * The HTTP exports (plain Fastify routes, not GraphQL): the graph as GraphML, GEXF, graphology
 * JSON, or two CSV or Parquet files; ClaimReview JSON-LD; W3C Web Annotations. Large ones stream: rows are
 * read from a database cursor only as fast as the client takes the bytes, and a client that goes
 * away cancels the query. Access is that of a GraphQL read: public unless READS_REQUIRE_TOKEN,
 * and a token that was sent but does not work is refused even where none is needed. A browser
 * cannot send a token with a plain link: `POST /exports/links` gives a token holder a link with a
 * short-lived signed ticket instead (libs/auth/src/tokens/download-link.ts). Every request spends
 * its charge (export-charge.ts) from the client's rate budget, the one its GraphQL operations spend
 * from; over budget it is a 429 with `Retry-After`.
 */
@Controller()
export class ExportController {
  constructor(
    private readonly service: ExportService,
    private readonly tokens: TokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(RATE_BUDGET) private readonly budget?: RateBudget,
  ) {}

  @Get('exports/graph')
  async graph(
    @Query() params: ExportParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.respond(request, reply, ExportKind.GRAPH, GRAPH_PARAMETERS, async () => {
      const parsed = this.service.parse(params);
      await stream(request, reply, (signal) => this.service.graph(parsed, signal), {
        'content-type': this.service.contentType(parsed),
        'content-disposition': `attachment; filename="${this.service.fileName(parsed)}"`,
      });
    });
  }

  @Get('exports/claimreviews.jsonl')
  async claimReviews(
    @Query() params: ReviewFeedParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.respond(request, reply, ExportKind.REVIEWS, REVIEW_FEED_PARAMETERS, async () => {
      const filter = this.service.reviewFilter(params);
      await stream(request, reply, (signal) => this.service.claimReviews(filter, signal), {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': 'attachment; filename="claimreviews.jsonl"',
      });
    });
  }

  @Get('claims/:id/claimreview.jsonld')
  async claimReview(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.respond(request, reply, ExportKind.ONE_OBJECT, [], async () => {
      const document = await this.service.claimReview(id);
      await sendJson(reply, 'application/ld+json; charset=utf-8', document);
    });
  }

  /**
   * A download link for one export that works without a header for a few minutes, for the
   * holder of a working token: `{"path": "/exports/graph?format=gexf"}` → `{url, expiresAt}`.
   */
  @Post('exports/links')
  async link(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await answeringErrors(reply, async () => {
      const principal = await this.tokens.fromAuthorization(request.headers.authorization);
      if (!principal) {
        throw new UnauthenticatedError(
          'Download links are for token holders: send `Authorization: Bearer <token>` (without READS_REQUIRE_TOKEN the export address works as it is).',
          { requiredRole: 'VIEWER' },
        );
      }
      await this.charge(request, principal, ExportKind.LINK);
      const { path, query } = exportPath(body);
      // the parameters are checked now: a bad one is this answer, not a failed download
      const route = path.split('?')[0];
      const graph = route === '/exports/graph';
      const takes = graph
        ? GRAPH_PARAMETERS
        : route === '/exports/claimreviews.jsonl'
          ? REVIEW_FEED_PARAMETERS
          : [];
      checkParameterNames(paramsOf(query), route, takes, false);
      if (graph) this.service.parse(paramsOf(query));
      else if (takes === REVIEW_FEED_PARAMETERS) this.service.reviewFilter(paramsOf(query));
      const link = await this.tokens.downloadLink(principal, path);
      await reply.code(201).send({ url: link.url, expiresAt: link.expiresAt.toISOString() });
    });
  }

  /**
   * Every route: its parameters first (`takes`: the query parameters it takes, besides a download
   * link's ticket), then the caller's access — a bad token, or none when READS_REQUIRE_TOKEN is
   * set, is a 401 (any role may read) — then its charge, then the work, with domain errors
   * answered as JSON.
   */
  private respond(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: ExportKind,
    takes: readonly string[],
    work: () => Promise<void>,
  ): Promise<void> {
    return answeringErrors(reply, async () => {
      checkParameters(request);
      checkParameterNames(
        request.query as Record<string, unknown>,
        request.routeOptions.url ?? request.url.split('?')[0],
        takes,
        true,
      );
      const principal = await this.tokens.fromRequest(request.url, request.headers.authorization);
      if (!principal && this.config.READS_REQUIRE_TOKEN) {
        throw new UnauthenticatedError(
          'Exports need a token with role VIEWER or higher here: send `Authorization: Bearer <token>`.',
          { requiredRole: 'VIEWER' },
        );
      }
      await this.charge(request, principal, kind);
      await work();
    });
  }

  /** Spends an export's charge from its client's budget (a link's: its token's). */
  private async charge(
    request: FastifyRequest,
    principal: AuthenticatedPrincipal | null,
    kind: ExportKind,
  ): Promise<void> {
    if (!this.budget) return;
    // a HEAD of a whole export answers the headers and streams nothing (see `stream`); one of a
    // single record's builds the record as a GET does, and costs as much
    const whole = kind === ExportKind.GRAPH || kind === ExportKind.REVIEWS;
    const cost = request.method === 'HEAD' && whole ? 1 : await this.service.charge(kind);
    const wait = this.budget.take(clientKeyOf(principal?.id, request.ip), cost);
    if (wait > 0) throw new RateLimitedError(wait);
  }

  @Get('articles/:id/annotations.jsonld')
  async annotations(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.respond(request, reply, ExportKind.ONE_OBJECT, [], async () => {
      const document = await this.service.annotations(id);
      await sendJson(reply, ANNOTATION_TYPE, document);
    });
  }
}

/** The longest query or path parameter an export takes (a URL in a filter, a ticket). */
const MAX_PARAMETER_LENGTH = 2048;

/**
 * Refuses, before anything runs, query and path parameters that no export takes: NUL or unpaired
 * surrogates (PostgreSQL cannot compare text holding NUL: it failed as an internal error), values
 * longer than MAX_PARAMETER_LENGTH.
 */
function checkParameters(request: FastifyRequest): void {
  const given = { ...(request.params as object), ...(request.query as object) };
  const problem = findInputProblem(given, 2);
  if (problem) throw new BadInputError(inputProblemMessage(problem, 2), { argument: problem.at });
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && item.length > MAX_PARAMETER_LENGTH) {
        throw new BadInputError(
          `\`${name}\` is ${item.length} characters long; no export parameter takes more than ${MAX_PARAMETER_LENGTH}.`,
          { argument: name },
        );
      }
    }
  }
}

/**
 * Refuses a query parameter the route does not take (a misspelt `stauts=` would otherwise export
 * everything), naming it and the ones it takes, and an empty value (`since=` is not "no since").
 */
function checkParameterNames(
  query: Record<string, unknown>,
  route: string,
  takes: readonly string[],
  ticket: boolean,
): void {
  const names = takes.map((name) => `\`${name}\``).join(', ');
  for (const [name, value] of Object.entries(query)) {
    if (!takes.includes(name) && !(ticket && name === TICKET_PARAM)) {
      const link = ticket ? ` (and \`${TICKET_PARAM}\`, from a download link)` : '';
      throw new BadInputError(
        `Unknown parameter \`${name.slice(0, 100)}\`: ${route} takes ${
          takes.length ? names : 'no query parameter'
        }${link}.`,
        { argument: name.slice(0, 100), accepted: [...takes] },
      );
    }
    if ((Array.isArray(value) ? value : [value]).includes('')) {
      throw new BadInputError(
        `\`${name}\` is empty: give it a value, or leave the parameter out.`,
        { argument: name },
      );
    }
  }
}

/** The export paths a download link may open; ids are base64url, nothing to resolve. */
const LINKABLE = [
  /^\/exports\/graph$/,
  /^\/exports\/claimreviews\.jsonl$/,
  /^\/claims\/[A-Za-z0-9_-]{1,200}\/claimreview\.jsonld$/,
  /^\/articles\/[A-Za-z0-9_-]{1,200}\/annotations\.jsonld$/,
];

/** The `path` and query of a link request, checked to be an export address of this server. */
function exportPath(body: unknown): { path: string; query: URLSearchParams } {
  const value = (body as { path?: unknown } | null | undefined)?.path;
  const mark = typeof value === 'string' ? value.indexOf('?') : -1;
  const path = typeof value === 'string' ? (mark === -1 ? value : value.slice(0, mark)) : '';
  if (
    typeof value !== 'string' ||
    value.length > 2000 ||
    value.includes('#') ||
    !LINKABLE.some((r) => r.test(path))
  ) {
    throw new BadInputError(
      'Send `{"path": "<export address>"}` as JSON, e.g. "/exports/graph?format=gexf": one of /exports/graph, /exports/claimreviews.jsonl, /claims/<id>/claimreview.jsonld, /articles/<id>/annotations.jsonld.',
      { argument: 'path' },
    );
  }
  return { path: value, query: new URLSearchParams(mark === -1 ? '' : value.slice(mark + 1)) };
}

/** Query parameters as Fastify hands them to a route: a repeated name becomes an array. */
function paramsOf(query: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    params[name] = values.length === 1 ? values[0] : values;
  }
  return params;
}

/**
 * Sends a generator's chunks with backpressure; a client that disconnects aborts the work. The
 * first chunk is produced before the headers go out, so a failure before it (a database that
 * cannot be reached) is answered as an error (503), not as a 200 cut short.
 */
async function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  produce: (signal: AbortSignal) => AsyncGenerator<string | Uint8Array>,
  headers: Record<string, string>,
): Promise<void> {
  if (request.method === 'HEAD') {
    // Fastify answers HEAD with the GET handler and drains the body: do not run the export.
    void reply.headers(headers).send();
    return;
  }
  const abort = new AbortController();
  request.raw.on('aborted', () => abort.abort());
  const chunks = produce(abort.signal);
  const first = await chunks.next();
  const body = Readable.from(withFirst(first, chunks), { objectMode: false, highWaterMark: 1 });
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) {
      abort.abort();
      body.destroy();
    }
  });
  body.on('error', () => abort.abort());
  void reply.headers(headers).send(body);
}

/** The chunks of a generator whose first result was taken already. */
async function* withFirst<T>(first: IteratorResult<T>, rest: AsyncGenerator<T>): AsyncGenerator<T> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

/**
 * Every export answer, its errors and the download links are `no-store`: they are live data (a
 * cached copy is stale at the next write), often opened with a token or a ticket, and a shared or
 * browser cache must not keep them for the next user of the machine or proxy.
 */
async function answeringErrors(reply: FastifyReply, work: () => Promise<void>): Promise<void> {
  reply.header('cache-control', 'no-store');
  try {
    await work();
  } catch (thrown) {
    const error = asDomainError(thrown);
    if (!error || reply.sent) throw thrown;
    const status = STATUS[error.code] ?? 400;
    const body = { statusCode: status, code: error.code, message: error.message };
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    if (error instanceof RateLimitedError || error instanceof ServiceUnavailableError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
    }
    if (error instanceof ServiceUnavailableError) Object.assign(body, error.extensions);
    await reply.code(status).send(body);
  }
}

const ANNOTATION_TYPE =
  'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8';

/** One JSON-LD document, written to be safe to paste into a web page (jsonLdText). */
async function sendJson(
  reply: FastifyReply,
  contentType: string,
  document: unknown,
): Promise<void> {
  await reply.header('content-type', contentType).send(jsonLdText(document));
}
