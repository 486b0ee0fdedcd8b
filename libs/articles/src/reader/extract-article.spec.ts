import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkComplexity, extractArticle } from './extract-article';

const page = (name: string) => readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8');

describe('extractArticle', () => {
  it('reads an article with JSON-LD: text without navigation, ads or comments, and its metadata', () => {
    const article = extractArticle(
      page('news-jsonld.html'),
      'https://ledger.example/world/2026/12/07/rosario-port-closure?utm_source=x',
    );
    expect(article).toMatchObject({
      title: 'Port of Rosario to close for three days, ministry says',
      authors: ['Ana Pereyra', 'Tom Walsh'],
      publisher: 'The Riverside Ledger',
      language: 'en',
      canonicalUrl: 'https://ledger.example/world/2026/12/07/rosario-port-closure',
    });
    expect(article.publishedAt?.toISOString()).toBe('2026-12-07T12:30:00.000Z');
    expect(article.text).toContain(
      'The port of Rosario will close for three days from Monday while dredging work is carried out, the transport ministry said on Sunday',
    );
    expect(article.text).toContain('Officials, who spoke on condition of anonymity, said');
    for (const boilerplate of [
      'cookies',
      'Politics',
      'Advertisement',
      'rivero_88',
      'Grain prices climb',
      'All rights reserved',
    ]) {
      expect(article.text).not.toContain(boilerplate);
    }
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(5);
  });

  it('reads a paywalled Spanish page from Open Graph and meta tags and detects its language', () => {
    const article = extractArticle(
      page('paywall-es.html'),
      'https://litoral.example/politica/cierre-puerto-rosario',
    );
    expect(article).toMatchObject({
      title: 'El gobierno cerrará el puerto de Rosario durante tres días',
      authors: ['Lucía Fernández'],
      publisher: 'Diario del Litoral',
      language: 'es',
      canonicalUrl: 'https://www.litoral.example/politica/cierre-puerto-rosario',
    });
    expect(article.publishedAt?.toISOString()).toBe('2026-12-06T21:15:00.000Z');
    expect(article.text).toContain('permanecerá cerrado durante tres días');
    expect(article.text).not.toContain('Portada');
  });

  it('answers no text for a page without an article, and ignores a canonical URL on another site', () => {
    const html = page('no-article.html').replace(
      '<head>',
      '<head><link rel="canonical" href="https://elsewhere.example/story">',
    );
    const article = extractArticle(html, 'https://ledger.example/world');
    expect(article.text.length).toBeLessThan(100);
    expect(article.canonicalUrl).toBeNull();
  });

  it('survives broken JSON-LD', () => {
    const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script></head><body><p>x</p></body></html>`;
    expect(extractArticle(html, 'https://x.example/').title).toBeNull();
  });

  it('reads JSON-LD in an @graph, and survives a type nested deep; the first of several og tags counts', () => {
    const body = `<article>${'<p>The port of Rosario will close for three days from Monday while dredging work is carried out, the ministry said.</p>'.repeat(4)}</article>`;
    const graph = `<html><head><meta property="og:title" content="First"><meta property="og:title" content="Second">
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":["In the graph"],"author":[{"name":"Ana Pereyra"}]}]}</script>
      </head><body>${body}</body></html>`;
    expect(extractArticle(graph, 'https://x.example/')).toMatchObject({
      title: 'In the graph',
      authors: ['Ana Pereyra'],
    });
    const deepType = `<html><head><meta property="og:title" content="First"><meta property="og:title" content="Second">
      <script type="application/ld+json">{"@type":${'['.repeat(50_000)}"NewsArticle"${']'.repeat(50_000)},"headline":"Deep"}</script>
      </head><body>${body}</body></html>`;
    expect(extractArticle(deepType, 'https://x.example/').title).toBe('First');
  });

  it('finds the end of the markup in linear time however many tags are left open', () => {
    expect(() => checkComplexity(`<p>x</p>${'<a'.repeat(1_000_000)}`)).not.toThrow();
    expect(() => checkComplexity(`${'<div<'.repeat(1_000)}>`)).not.toThrow();
  });

  it.each([
    ['nested 100,000 deep', `<html><body>${'<div>'.repeat(100_000)}x</body></html>`, /nested/],
    [
      'with 1,000,000 elements',
      `<html><body>${'<span/>'.repeat(1_000_000)}</body></html>`,
      /elements/,
    ],
  ])('refuses a page %s before parsing it, in linear time', (_name, html, message) => {
    const started = process.hrtime.bigint();
    expect(() => extractArticle(html, 'https://x.example/')).toThrow(message);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });

  it('reads a page of unclosed paragraphs and line breaks however many', () => {
    const html = `<html lang="en"><body><article>${'<p>The port closed again on Monday, officials said.<br>'.repeat(2_000)}</article></body></html>`;
    expect(extractArticle(html, 'https://x.example/').text).toContain('The port closed again');
  });
});
