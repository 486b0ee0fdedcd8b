import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { PageNotReadable } from '../articles.errors';
import { isPublicAddress } from '@claimtrace/core';
import { FetchLimits, fetchPage } from './page-fetcher';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server whose routes the tests set (bound to all loopback addresses). */
describe('fetchPage', () => {
  let server: Server;
  let port: number;
  const routes = new Map<string, Handler>();
  const base = (host = '127.0.0.1') => `http://${host}:${port}`;
  const limits = (overrides: Partial<FetchLimits> = {}): FetchLimits => ({
    timeoutMs: 2_000,
    maxBytes: 100_000,
    maxRedirects: 3,
    allows: () => true,
    ...overrides,
  });
  const reason = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof PageNotReadable) return { reason: error.reason, message: error.message };
      throw error;
    }
    throw new Error('expected a PageNotReadable');
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const handler = routes.get(req.url ?? '');
      if (handler) handler(req, res);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    port = (server.address() as AddressInfo).port;
    routes.set('/page', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
        .end(Buffer.from('<html><body><p>Cañón</p></body></html>', 'latin1')),
    );
    routes.set('/hop', (_req, res) => res.writeHead(302, { location: '/page' }).end());
    routes.set('/loop', (_req, res) => res.writeHead(301, { location: '/loop' }).end());
    routes.set('/to-other-loopback', (_req, res) =>
      res.writeHead(302, { location: `${base('127.0.0.2')}/page` }).end(),
    );
    routes.set('/to-file', (_req, res) =>
      res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    );
    routes.set('/pdf', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF'),
    );
    routes.set('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>' + 'x'.repeat(200_000) + '</p>');
    });
    routes.set('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      setTimeout(() => res.end('late</p>'), 5_000).unref();
    });
    routes.set('/gone', (_req, res) => res.writeHead(410).end());
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches a page through a redirect, decodes its charset and hashes its bytes', async () => {
    const page = await fetchPage(`${base()}/hop`, limits());
    expect(page.url).toBe(`${base()}/page`);
    expect(page.html).toContain('Cañón');
    expect(page.htmlHash).toMatch(/^[0-9a-f]{64}$/);
    expect(page.fetchedAt).toBeInstanceOf(Date);
  });

  it('refuses loopback addresses by default: an IP literal and a name that resolves to one', async () => {
    const production = limits({ allows: isPublicAddress });
    expect(await reason(fetchPage(`${base()}/page`, production))).toMatchObject({
      reason: 'BLOCKED_ADDRESS',
      message: expect.stringContaining('FETCH_ALLOW_PRIVATE_ADDRESSES'),
    });
    expect(await reason(fetchPage(`http://localhost:${port}/page`, production))).toMatchObject({
      reason: 'BLOCKED_ADDRESS',
      message: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1)/),
    });
  });

  it('checks every redirect hop: an allowed first hop may not lead to a refused address', async () => {
    const onlyFirst = limits({ allows: (address) => address === '127.0.0.1' });
    expect(await reason(fetchPage(`${base()}/to-other-loopback`, onlyFirst))).toMatchObject({
      reason: 'BLOCKED_ADDRESS',
      message: expect.stringContaining('127.0.0.2'),
    });
  });

  it.each([
    ['/loop', 'TOO_MANY_REDIRECTS', /more than 3/],
    ['/to-file', 'BAD_REDIRECT', /file:/],
    ['/pdf', 'NOT_HTML', /application\/pdf/],
    ['/big', 'TOO_LARGE', /100,000 bytes/],
    ['/gone', 'HTTP_STATUS', /410/],
    ['/slow', 'TIMEOUT', /FETCH_TIMEOUT_MS/],
  ])('%s: %s, saying why', async (path, expected, message) => {
    expect(await reason(fetchPage(`${base()}${path}`, limits({ timeoutMs: 1_000 })))).toMatchObject(
      {
        reason: expected,
        message: expect.stringMatching(message),
      },
    );
  });

  it('names a host that does not resolve, and a refused connection', async () => {
    expect(await reason(fetchPage('http://no-such-host.invalid/', limits()))).toMatchObject({
      reason: 'DNS_FAILED',
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await reason(fetchPage(`http://127.0.0.1:${closedPort}/`, limits()))).toMatchObject({
      reason: 'CONNECTION_FAILED',
    });
  });
});
