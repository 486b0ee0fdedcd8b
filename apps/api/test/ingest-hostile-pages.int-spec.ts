import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { listen, wsClient } from './live-client';
import { GqlResult, startTestApp, TestApp } from './test-app';

const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) {
  outcome article { id url title text } } }`;

/** An article body long enough to be read as one (thirty words and more). */
const ARTICLE = `<article><h1>Dredging closes the port</h1>${'<p>The port of Rosario will close for three days from Monday while dredging work is carried out, the transport ministry said on Sunday in a statement.</p>'.repeat(4)}</article>`;

/** A page whose <head> holds `head` and whose body is the article. */
const page = (head: string, body = ARTICLE) =>
  `<!doctype html><html lang="en"><head><title>Dredging closes the port</title>${head}</head><body>${body}</body></html>`;

/** Pages a hostile or broken site may serve, each at /<name>. */
const PAGES: Record<string, string> = {
  // JSON-LD no reader should choke on: a huge array, and a headline nested very deep
  'ld-huge-array': page(
    `<script type="application/ld+json">[{"@type":"NewsArticle","headline":"From the array"}${',0'.repeat(300_000)}]</script>`,
  ),
  'ld-deep-headline': page(
    `<script type="application/ld+json">{"@type":"NewsArticle","headline":${'['.repeat(100_000)}"Deep"${']'.repeat(100_000)}}</script>`,
  ),
  // a page cut short in a run of tags that never close (no `>` follows): a scan of the markup
  // that looks for each one's end from each `<` takes hours over 1 MB of them
  'unclosed-tags': `<!doctype html><html lang="en"><body>${ARTICLE}${'<a'.repeat(500_000)}`,
  // within the element and nesting limits, yet the reader's work grows far faster than the page
  'nested-deep': page(
    '',
    `${'<div>'.repeat(450)}${'<p>word</p>'.repeat(10)}${'</div>'.repeat(450)}`.repeat(60),
  ),
};

/** Redirects, each at /<name>, to a URL made from the server's base URL. */
const REDIRECTS: Record<string, (base: string) => string> = {
  'to-long-url': (base) => `${base}/plain?${'a'.repeat(3_000)}`,
  'to-credentials': (base) => base.replace('//', '//editor:secret@') + '/plain',
};
PAGES.plain = page('');
// hex of random bytes does not compress: too long for the index of article URLs
PAGES['canonical-long'] = page(
  `<link rel="canonical" href="/story?${randomBytes(4_000).toString('hex')}">`,
);
PAGES['canonical-credentials'] = page(
  `<link rel="canonical" href="http://editor:secret@127.0.0.1/story-c">`,
);
PAGES['copy-one'] = page(`<link rel="canonical" href="/the-story">`);
PAGES['copy-two'] = page(`<link rel="canonical" href="/the-story?utm_source=feed">`);

/** Pages served as bytes with headers of their own, each at /<name>. */
const RAW: Record<string, { headers: Record<string, string>; body: Buffer }> = {
  // a Spanish page in ISO-8859-1 that says so in a <meta> only
  'latin1-meta': {
    headers: { 'content-type': 'text/html' },
    body: Buffer.from(
      `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>Cañón</title></head><body><article>${'<p>El ministerio de Transporte informó el domingo que el puerto de Rosario permanecerá cerrado durante tres días por obras de dragado en el cañón del río.</p>'.repeat(3)}</article></body></html>`,
      'latin1',
    ),
  },
  'xhtml-upper': {
    headers: { 'content-type': 'APPLICATION/XHTML+XML; Charset=UTF-8' },
    body: Buffer.from(page('')),
  },
  'plain-text': { headers: { 'content-type': 'text/plain' }, body: Buffer.from(page('')) },
  'no-type': { headers: {}, body: Buffer.from(page('')) },
  // compressed though nothing asked for it: not inflated (a gzip bomb stays a few KB)
  gzipped: {
    headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' },
    body: gzipSync(Buffer.alloc(20_000_000, ' ')),
  },
};

describe('ingestArticle from a hostile page', () => {
  let server: Server;
  let base: string;
  let t: TestApp;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? '/').slice(1);
      const location = REDIRECTS[path];
      if (location) return void res.writeHead(302, { location: location(base) }).end();
      const raw = RAW[path];
      if (raw) return void res.writeHead(200, raw.headers).end(raw.body);
      const html = PAGES[path.split('?')[0]];
      if (html === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await startTestApp({ FETCH_ALLOW_PRIVATE_ADDRESSES: 'true', FETCH_TIMEOUT_MS: '3000' });
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('reads the article of a page whose JSON-LD is a huge array or nested very deep', async () => {
    for (const [name, title] of [
      ['ld-huge-array', 'From the array'],
      ['ld-deep-headline', 'Dredging closes the port'],
    ]) {
      const { ingestArticle } = await t.ok(INGEST, { i: { url: `${base}/${name}` } });
      expect(ingestArticle.article.title).toBe(title);
      expect(ingestArticle.article.text).toContain('the transport ministry said on Sunday');
    }
  });

  it('reads a page full of tags that never close', async () => {
    const { ingestArticle } = await t.ok(INGEST, { i: { url: `${base}/unclosed-tags` } });
    expect(ingestArticle.article.text).toContain('the transport ministry said on Sunday');
  });

  it('stores no URL longer than an input may give, and no user name or password', async () => {
    const long = await t.ok(INGEST, { i: { url: `${base}/canonical-long` } });
    // the canonical URL is too long to be an article's: the page's own URL stays
    expect(long.ingestArticle.article.url).toBe(`${base}/canonical-long`);
    const redirected = await t.gql(INGEST, { i: { url: `${base}/to-long-url` } });
    expect(redirected.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_REDIRECT',
    });
    expect(redirected.errors?.[0].message).toMatch(/longer than 2048/);

    const given = await t.gql(INGEST, {
      i: { url: base.replace('//', '//editor:secret@') + '/plain' },
    });
    expect(given.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'url' });
    expect(given.errors?.[0].message).toMatch(/user name or password/);
    for (const name of ['to-credentials', 'canonical-credentials']) {
      const { ingestArticle } = await t.ok(INGEST, { i: { url: `${base}/${name}` } });
      expect(ingestArticle.article.url).not.toMatch(/editor|secret/);
    }
  });

  it('finds the article already ingested under the canonical URL a page names', async () => {
    const one = await t.ok(INGEST, { i: { url: `${base}/copy-one` } });
    expect(one.ingestArticle.article.url).toBe(`${base}/the-story`);
    const two = await t.ok(INGEST, { i: { url: `${base}/copy-two` } });
    expect(two.ingestArticle.outcome).toBe('CREATED');
    expect(two.ingestArticle.article.url).toBe(`${base}/the-story?utm_source=feed`);
    const again = await t.ok(INGEST, { i: { url: `${base}/copy-one?ref=home` } });
    expect(again.ingestArticle).toMatchObject({
      outcome: 'UNCHANGED',
      article: { id: one.ingestArticle.article.id },
    });
  });

  it('gives up on a page that takes too long to read, and answers other requests meanwhile', async () => {
    const before = await t.count('articles');
    const order: string[] = [];
    const ingest = t.gql(INGEST, { i: { url: `${base}/nested-deep` } }).then((result) => {
      order.push('ingest');
      return result;
    });
    // let the fetch finish and the reading start
    await new Promise((done) => setTimeout(done, 500));
    await t.ok('{ __typename }').then(() => order.push('other'));
    const result = await ingest;
    expect(order).toEqual(['other', 'ingest']);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_COMPLEX',
    });
    expect(result.errors?.[0].message).toMatch(/took longer than 3 s to read/);
    expect(await t.count('articles')).toBe(before);
  }, 30_000);

  it('decodes a charset given in a <meta> only, and says which content types it does not read', async () => {
    const latin1 = await t.ok(INGEST, { i: { url: `${base}/latin1-meta` } });
    expect(latin1.ingestArticle.article.title).toBe('Cañón');
    expect(latin1.ingestArticle.article.text).toContain('informó el domingo');
    const xhtml = await t.ok(INGEST, { i: { url: `${base}/xhtml-upper` } });
    expect(xhtml.ingestArticle.article.text).toContain('the transport ministry said');
    for (const [name, reason, message] of [
      ['plain-text', 'NOT_HTML', /text\/plain/],
      ['no-type', 'NOT_HTML', /no declared type/],
      ['gzipped', 'NOT_HTML', /gzip/],
    ] as const) {
      const result = await t.gql(INGEST, { i: { url: `${base}/${name}` } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(result.errors?.[0].message).toMatch(message);
    }
  });

  it('holds the same over graphql-ws: credentials refused, a page too long to read given up', async () => {
    const client = wsClient(await listen(t.app), {
      connectionParams: { authorization: `Bearer ${t.adminToken}` },
    });
    const overWs = (url: string) =>
      new Promise<GqlResult>((resolve) => {
        let answer: GqlResult = {};
        client.subscribe(
          { query: INGEST, variables: { i: { url } } },
          {
            next: (value) => (answer = value as GqlResult),
            error: (errors) => resolve({ errors: errors as GqlResult['errors'] }),
            complete: () => resolve(answer),
          },
        );
      });
    try {
      const credentials = await overWs(base.replace('//', '//editor:secret@') + '/plain');
      expect(credentials.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'url',
      });
      const slow = await overWs(`${base}/nested-deep`);
      expect(slow.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_COMPLEX',
      });
      const read = await overWs(`${base}/ld-huge-array`);
      expect(read.data?.ingestArticle.article.title).toBe('From the array');
    } finally {
      await client.dispose();
    }
  }, 30_000);
});
