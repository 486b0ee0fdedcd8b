import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PageServer, startPageServer } from '@claimtrace/testing';
import { startTestApp, TestApp } from './test-app';

const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) {
  outcome
  article { id url title text language publishedAt fetchedAt contentHash
    publisher { name kind } authors { name kind } suggestedAttributions { sourceText } } } }`;

describe('ingestArticle from a link', () => {
  let pages: PageServer;
  let t: TestApp;
  beforeAll(async () => {
    pages = await startPageServer();
    t = await startTestApp({ FETCH_ALLOW_PRIVATE_ADDRESSES: 'true' });
  });
  afterAll(async () => {
    await t.close();
    await pages.close();
  });

  it('fetches, extracts and stores an article with its metadata, and the hash of the HTML', async () => {
    const { ingestArticle } = await t.ok(INGEST, {
      i: { url: pages.redirectTo('news-jsonld.html') },
    });
    const { article } = ingestArticle;
    expect(ingestArticle.outcome).toBe('CREATED');
    expect(article).toMatchObject({
      // the page's canonical URL is on another site than the local server: the fetched URL stays
      url: pages.url('news-jsonld.html'),
      title: 'Port of Rosario to close for three days, ministry says',
      language: 'en',
      publishedAt: '2026-12-07T12:30:00.000Z',
      publisher: { name: 'The Riverside Ledger', kind: 'MEDIA_OUTLET' },
      authors: [
        { name: 'Ana Pereyra', kind: 'PERSON' },
        { name: 'Tom Walsh', kind: 'PERSON' },
      ],
    });
    expect(Date.now() - Date.parse(article.fetchedAt)).toBeLessThan(60_000);
    expect(article.text).toContain('the transport ministry said on Sunday');
    expect(article.text).not.toMatch(/rivero_88|Advertisement|cookies/);
    expect(article.contentHash).toBe(createHash('sha256').update(article.text).digest('hex'));
    const [row] = await t.db.query<{ htmlHash: string }>(
      `SELECT html_hash AS "htmlHash" FROM articles WHERE url = $1`,
      [article.url],
    );
    const html = readFileSync(
      resolve(__dirname, '../../../libs/articles/src/reader/__fixtures__/news-jsonld.html'),
    );
    expect(row.htmlHash).toBe(createHash('sha256').update(html).digest('hex'));
    expect(article.suggestedAttributions.length).toBeGreaterThan(0);

    const again = await t.ok(INGEST, { i: { url: pages.url('news-jsonld.html') } });
    expect(again.ingestArticle.outcome).toBe('UNCHANGED');
  });

  it('previews a page without storing anything', async () => {
    const before = await t.count('articles');
    const { articlePreview } = await t.ok(
      `query ($i: IngestArticleInput!) { articlePreview(input: $i) {
        url title text publisherName authorNames publishedAt language fetchedAt } }`,
      { i: { url: pages.url('paywall-es.html') } },
    );
    expect(articlePreview).toMatchObject({
      title: 'El gobierno cerrará el puerto de Rosario durante tres días',
      publisherName: 'Diario del Litoral',
      authorNames: ['Lucía Fernández'],
      publishedAt: '2026-12-06T21:15:00.000Z',
      language: 'es',
    });
    expect(articlePreview.text).toContain('tareas de dragado');
    expect(await t.count('articles')).toBe(before);
  });

  it('suggests attributions whose passage covers source, cue and content, named without appositions', async () => {
    const { ingestArticle } = await t.ok(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { text
        suggestedAttributions { sourceText sourceName cueStart cueEnd contentStart contentEnd sourceStart sourceEnd passageStart passageEnd } } } }`,
      { i: { url: pages.url('news-jsonld.html') } },
    );
    const { text, suggestedAttributions } = ingestArticle.article;
    const officials = suggestedAttributions.find((s: any) => s.sourceText.startsWith('Officials'));
    expect(officials.sourceName).toBe('Officials');
    for (const s of suggestedAttributions) {
      const starts = [s.sourceStart ?? s.cueStart, s.cueStart, s.contentStart];
      const ends = [s.sourceEnd ?? s.cueEnd, s.cueEnd, s.contentEnd];
      expect([s.passageStart, s.passageEnd]).toEqual([Math.min(...starts), Math.max(...ends)]);
    }
    const passage = Array.from(text as string)
      .slice(officials.passageStart, officials.passageEnd)
      .join('');
    expect(passage).toMatch(/^Officials, who spoke on condition of anonymity, said the works/);
  });

  it('lets given fields override what the page says', async () => {
    const { ingestArticle } = await t.ok(INGEST, {
      i: {
        url: pages.url('paywall-es.html'),
        title: 'Cierre del puerto',
        authorNames: ['Redacción'],
        language: 'es-AR',
      },
    });
    expect(ingestArticle.article).toMatchObject({
      title: 'Cierre del puerto',
      language: 'es-AR',
      publisher: { name: 'Diario del Litoral' },
      authors: [{ name: 'Redacción' }],
    });
    expect(ingestArticle.article.text).toContain('permanecerá cerrado durante tres días');
    expect(ingestArticle.article.text).not.toContain('Suscribite');
  });

  it('answers a clear error naming why a page cannot be read, and writes nothing', async () => {
    const before = await t.count('articles');
    for (const [url, reason] of [
      [pages.url('no-article.html'), 'NO_ARTICLE'],
      [pages.url('missing.html'), 'HTTP_STATUS'],
      ['urn:isbn:0451450523', null],
    ] as const) {
      const result = await t.gql(INGEST, { i: { url } });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        ...(reason ? { reason } : {}),
      });
      expect(result.errors?.[0].message).toMatch(reason ? /Could not read the page/ : /http/);
    }
    expect(await t.count('articles')).toBe(before);
  });

  it('keeps paste-the-text: the first line is the title when none is given, the language detected', async () => {
    const text =
      'Rosario port to reopen early\n\nThe transport ministry said on Tuesday that the port of Rosario would reopen a day early because the dredging went faster than planned.';
    const { ingestArticle } = await t.ok(INGEST, { i: { url: 'https://paste.example/1', text } });
    expect(ingestArticle.article).toMatchObject({
      title: 'Rosario port to reopen early',
      text,
      language: 'en',
      fetchedAt: null,
    });
  });
});

describe('ingestArticle from a link, with private addresses refused (the default)', () => {
  let pages: PageServer;
  let t: TestApp;
  beforeAll(async () => {
    pages = await startPageServer();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    await pages.close();
  });

  it('refuses to fetch a loopback address', async () => {
    const result = await t.gql(INGEST, { i: { url: pages.url('news-jsonld.html') } });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BLOCKED_ADDRESS',
    });
    expect(result.errors?.[0].message).toContain('FETCH_ALLOW_PRIVATE_ADDRESSES=true');
  });
});
