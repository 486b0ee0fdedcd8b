import { createHash } from 'node:crypto';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { PageNotReadable } from '../articles.errors';
import { ARTICLE_URL_MAX } from '../url';

export interface FetchLimits {
  /** the whole fetch, redirects included */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** which resolved addresses may be connected to: isPublicAddress, or all of them when
   * FETCH_ALLOW_PRIVATE_ADDRESSES=true */
  allows: (address: string) => boolean;
}

export interface FetchedPage {
  /** the URL the page was read from, after redirects */
  url: string;
  html: string;
  /** SHA-256 (hex) of the bytes fetched */
  htmlHash: string;
  fetchedAt: Date;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const USER_AGENT = 'Claimtrace/0.1 (article ingest; +https://github.com/claimtrace)';

/** A resolved address the policy refuses: raised inside the connection's DNS lookup. */
class BlockedAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}`);
  }
}

/**
 * Fetches an HTML page for ingest, within limits: http(s) only, at most `maxRedirects` redirects
 * (to URLs of at most ARTICLE_URL_MAX characters, their user name and password dropped),
 * `maxBytes` of body, `timeoutMs` in all, an HTML content type, uncompressed (a gzip bomb is not
 * inflated). Every hop's host is refused when it is, or resolves to, an address `allows` refuses
 * (private, loopback, link-local); the check runs inside the connection's own DNS lookup, so the
 * socket connects to the very address that was checked (a name that resolves differently a second
 * later cannot slip past it).
 * Failures are PageNotReadable errors naming the reason.
 */
export async function fetchPage(url: string, limits: FetchLimits): Promise<FetchedPage> {
  const agent = new Agent({
    connect: { lookup: guardedLookup(limits.allows) },
    headersTimeout: limits.timeoutMs,
    bodyTimeout: limits.timeoutMs,
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let current = parseUrl(url, url);
  try {
    for (let hop = 0; ; hop += 1) {
      checkHost(current, limits.allows, url);
      const response = await request(current, {
        dispatcher: agent,
        method: 'GET',
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml',
          'accept-encoding': 'identity',
        },
        signal: controller.signal,
      }).catch((error: unknown) => {
        throw failure(error, url, controller.signal.aborted);
      });
      if (REDIRECTS.has(response.statusCode)) {
        await response.body.dump().catch(() => undefined);
        if (hop >= limits.maxRedirects) {
          throw new PageNotReadable(
            'TOO_MANY_REDIRECTS',
            `it redirected more than ${limits.maxRedirects} times (FETCH_MAX_REDIRECTS).`,
            url,
          );
        }
        const location = header(response.headers.location);
        if (!location) {
          throw new PageNotReadable('BAD_REDIRECT', 'it redirected without a Location.', url);
        }
        current = parseUrl(location, url, current);
        continue;
      }
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump().catch(() => undefined);
        throw new PageNotReadable(
          'HTTP_STATUS',
          `the server answered HTTP ${response.statusCode}${response.statusCode === 401 || response.statusCode === 403 ? ' (the page needs a login or refuses robots)' : ''}.`,
          url,
        );
      }
      const type = header(response.headers['content-type']) ?? '';
      const mediaType = type.split(';')[0].trim().toLowerCase();
      if (!HTML_TYPES.has(mediaType)) {
        await response.body.dump().catch(() => undefined);
        throw new PageNotReadable(
          'NOT_HTML',
          `it is ${mediaType || 'of no declared type'}, not an HTML page.`,
          url,
        );
      }
      // not inflated: a few KB of gzip may inflate to gigabytes
      const encoding = (header(response.headers['content-encoding']) ?? 'identity').trim();
      if (encoding.toLowerCase() !== 'identity' && encoding !== '') {
        await response.body.dump().catch(() => undefined);
        throw new PageNotReadable(
          'NOT_HTML',
          `it came compressed (${encoding.slice(0, 40)}) though it was asked for uncompressed.`,
          url,
        );
      }
      const declared = Number(header(response.headers['content-length']) ?? NaN);
      if (declared > limits.maxBytes) {
        await response.body.dump().catch(() => undefined);
        throw tooLarge(limits.maxBytes, url);
      }
      const bytes = await readAtMost(response.body, limits.maxBytes, url, controller);
      return {
        url: current.toString(),
        html: decode(bytes, type),
        htmlHash: createHash('sha256').update(bytes).digest('hex'),
        fetchedAt: new Date(),
      };
    }
  } finally {
    clearTimeout(timer);
    await agent.destroy().catch(() => undefined);
  }
}

/** A DNS lookup for the connection that refuses blocked addresses (see fetchPage). */
function guardedLookup(allows: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    const family =
      options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
    dnsLookup(hostname, { all: true, family }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => !allows(entry.address));
      if (refused) return callback(new BlockedAddress(hostname, refused.address), []);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** An IP literal is connected to without a lookup: it is checked here instead. */
function checkHost(url: URL, allows: (address: string) => boolean, asked: string): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allows(host)) {
    throw blocked(host, host, asked);
  }
}

function blocked(host: string, address: string, asked: string): PageNotReadable {
  return new PageNotReadable(
    'BLOCKED_ADDRESS',
    `${host === address ? address : `${host} resolves to ${address}`}, a private, loopback or link-local address, which the server does not fetch (FETCH_ALLOW_PRIVATE_ADDRESSES=true allows it).`,
    asked,
  );
}

function parseUrl(value: string, asked: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new PageNotReadable('BAD_REDIRECT', `"${value.slice(0, 200)}" is not a URL.`, asked);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PageNotReadable(
      base ? 'BAD_REDIRECT' : 'CONNECTION_FAILED',
      `${base ? 'it redirected to' : 'it is'} a ${url.protocol} URL; only http and https pages are fetched.`,
      asked,
    );
  }
  if (base && url.href.length > ARTICLE_URL_MAX) {
    throw new PageNotReadable(
      'BAD_REDIRECT',
      `it redirected to a URL longer than ${ARTICLE_URL_MAX} characters, more than an article's URL may have.`,
      asked,
    );
  }
  url.hash = '';
  // a redirect's user name and password are not sent on, nor stored with the article
  url.username = '';
  url.password = '';
  return url;
}

async function readAtMost(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  max: number,
  asked: string,
  controller: AbortController,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > max) {
        body.destroy();
        throw tooLarge(max, asked);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof PageNotReadable) throw error;
    throw failure(error, asked, controller.signal.aborted);
  }
  return Buffer.concat(chunks);
}

function tooLarge(max: number, asked: string): PageNotReadable {
  return new PageNotReadable(
    'TOO_LARGE',
    `the page is larger than ${max.toLocaleString('en')} bytes (FETCH_MAX_BYTES).`,
    asked,
  );
}

/** The charset of the Content-Type, else of a <meta> in the first 2 KB, else UTF-8. */
function decode(bytes: Buffer, contentType: string): string {
  const declared =
    /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The PageNotReadable for an error of undici, the DNS or the connection. */
function failure(error: unknown, asked: string, timedOut: boolean): PageNotReadable {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof PageNotReadable) return cause;
    if (cause instanceof BlockedAddress) return blocked(cause.host, cause.address, asked);
  }
  const code = (error as { code?: string }).code ?? '';
  const name = (error as { name?: string }).name ?? '';
  if (timedOut || name === 'AbortError' || /TIMEOUT/.test(code)) {
    return new PageNotReadable('TIMEOUT', 'it did not answer in time (FETCH_TIMEOUT_MS).', asked);
  }
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? code;
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') {
    return new PageNotReadable('DNS_FAILED', 'its host name does not resolve.', asked);
  }
  return new PageNotReadable(
    'CONNECTION_FAILED',
    `the connection failed (${cause || (error instanceof Error ? error.message : 'unknown error')}).`,
    asked,
  );
}
