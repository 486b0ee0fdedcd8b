import { z } from 'zod';
import { LOG_FORMATS } from '../logging/log-format';
import { isLocalUrl } from '../text/public-url';
import { checklistSetting, DEFAULT_CHECKLIST } from './checklist';

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

/**
 * The public address of the service: an absolute http(s) URL, perhaps with a path, without
 * credentials, query or fragment; normalised without its trailing slash.
 */
const baseUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        ['http:', 'https:'].includes(url.protocol) &&
        !url.username &&
        !url.password &&
        !/[?#]/.test(value)
      );
    } catch {
      return false;
    }
  }, 'must be an absolute http:// or https:// URL without credentials, query (?) or fragment (#), e.g. https://claims.example.org')
  .transform((value) => {
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  });

/** An absolute http(s) address that others can open: not this machine nor a private network. */
const publicUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol) && !isLocalUrl(value);
    } catch {
      return false;
    }
  }, 'must be an absolute http:// or https:// URL that others can open (not localhost nor a private network), e.g. https://factchecker.example');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every setting the service reads, validated once at boot (see the README's configuration table). */
export const configSchema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  CLAIMTRACE_DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: int(1, 65535).optional(),
  /** restarts of an embedded PostgreSQL that died, before the process exits; 0: exit at once */
  EMBEDDED_PG_RESTART_RETRIES: int(0, 100).default(5),
  /** wait before the first restart; each next one doubles, up to the MAX */
  EMBEDDED_PG_RESTART_DELAY_MS: int(0, 600_000).default(500),
  EMBEDDED_PG_RESTART_MAX_DELAY_MS: int(0, 3_600_000).default(8_000),
  /** where clients reach the service: the base of the absolute URLs in exports (never the Host header) */
  PUBLIC_BASE_URL: baseUrl.optional(),
  /** the organisation that publishes the reviews: the `author` of every ClaimReview (docs/guide.md) */
  REVIEW_ORGANIZATION_NAME: z.string().trim().min(1).max(200).optional(),
  REVIEW_ORGANIZATION_URL: publicUrl.optional(),
  DEMO_DATA: bool.default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` (readable lines) or `json` (one object a line); unset: pretty on a terminal, else JSON */
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
  DB_POOL_SIZE: int(1, 200).default(10),
  MAX_PAGE_SIZE: int(1, 1000).default(100),
  ARTICLE_MAX_CHARS: int(1, 50_000_000).default(1_000_000),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
  /** answers of repeated anonymous queries kept while the database is unchanged (MB); 0: off */
  RESPONSE_CACHE_MB: int(0, 4096).default(0),

  // Ingest by link (docs/configuration.md)
  /** let ingestArticle fetch private, loopback and link-local addresses (tests, intranets) */
  FETCH_ALLOW_PRIVATE_ADDRESSES: bool.default('false'),
  /** the whole fetch of a page, redirects included; and again, reading the article out of it */
  FETCH_TIMEOUT_MS: int(100, 300_000).default(15_000),
  /** the largest page (bytes of HTML) ingestArticle reads */
  FETCH_MAX_BYTES: int(1024, 100_000_000).default(5_000_000),
  FETCH_MAX_REDIRECTS: int(0, 20).default(5),

  /** how long an idle keep-alive HTTP connection stays open (Fastify's keepAliveTimeout) */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(100, 3_600_000).default(72_000),
  /** while an export streams, how far V8's old generation may grow past its live size; 0: V8's own */
  EXPORT_HEAP_GROWING_PERCENT: int(0, 1000).default(50),

  /** the checklist of every claim, and which statuses need which items done (docs/configuration.md) */
  CHECKLIST: checklistSetting.optional(),

  // Access control (README: Security)
  /** reads (queries, subscriptions) need a VIEWER token; writes always need EDITOR or ADMIN */
  READS_REQUIRE_TOKEN: bool.default('false'),
  /** introspection, field suggestions and the GraphiQL explorer; unset: on only for the embedded quick start */
  GRAPHQL_INTROSPECTION: bool.optional(),

  // Query limits (README: Security)
  QUERY_MAX_LENGTH: int(100, 10_000_000).default(10_000),
  QUERY_MAX_TOKENS: int(10, 1_000_000).default(2_000),
  QUERY_MAX_DEPTH: int(1, 100).default(6),
  QUERY_MAX_ALIASES: int(0, 10_000).default(30),
  QUERY_MAX_DIRECTIVES: int(0, 10_000).default(20),
  QUERY_MAX_COST: int(1, 100_000_000).default(100_000),
  /** cost a token (or an anonymous IP) may spend per minute, refilled continuously; 0 turns it off */
  RATE_LIMIT_COST_PER_MINUTE: int(0, 1_000_000_000).default(1_000_000),
  /** behind a reverse proxy: take the client IP (for anonymous rate limiting) from X-Forwarded-For */
  TRUST_PROXY: bool.default('false'),
  RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: int(0, 1_000_000_000).default(200_000),
  /** PostgreSQL statement_timeout of the API's connections */
  DB_STATEMENT_TIMEOUT_MS: int(0, 3_600_000).default(15_000),
  /** live updates: prefix of the Redis pub/sub channel (one deployment, one prefix) */
  REDIS_CHANNEL_PREFIX: z.string().min(1).max(200).default('claimtrace'),
  /** live updates: how often the log tailer polls, the safety net for lost notifications */
  EVENTS_POLL_MS: int(20, 60_000).default(500),
  /** live updates: events buffered per subscriber before it falls back to reading the log */
  EVENTS_SUBSCRIBER_BUFFER: int(10, 1_000_000).default(1000),
  /** graphql-ws: time a client has to send connection_init (closed with 4408 when late) */
  WS_CONNECTION_INIT_TIMEOUT_MS: int(100, 600_000).default(10_000),
  /** graphql-ws: the most subscriptions one socket may hold at once */
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: int(1, 10_000).default(50),
  /** graphql-ws: the largest message (bytes) a socket may send; unset: the HTTP body limit */
  WS_MAX_PAYLOAD_BYTES: int(1024, 1_000_000_000).optional(),
});

/** The settings, with the defaults that depend on other settings (PUBLIC_BASE_URL on PORT). */
export const appConfigSchema = configSchema
  .refine((config) => !config.REVIEW_ORGANIZATION_URL || config.REVIEW_ORGANIZATION_NAME, {
    path: ['REVIEW_ORGANIZATION_NAME'],
    message:
      'is needed with REVIEW_ORGANIZATION_URL: name the organisation that publishes the reviews',
  })
  .transform((config) => ({
    ...config,
    PUBLIC_BASE_URL: config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`,
    CHECKLIST: config.CHECKLIST ?? DEFAULT_CHECKLIST,
  }));

export type AppConfig = z.output<typeof appConfigSchema>;
