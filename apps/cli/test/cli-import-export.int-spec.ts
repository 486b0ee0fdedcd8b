import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { parse as parseCsv } from 'csv-parse/sync';
import { Client } from 'pg';
import { createTestDatabase } from '@claimtrace/testing';
import { emptyReport } from '@claimtrace/export';
import { buildCli } from '../src/main';
import { linesOf, runImport } from '../src/commands/import.command';

/** `claimtrace import` and `claimtrace export` against a real database (DATABASE_URL). */
describe('claimtrace import and export', () => {
  let dir: string;
  let db: Client;
  const saved = { ...process.env };

  beforeAll(async () => {
    const url = await createTestDatabase();
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = 'silent';
    db = new Client({ connectionString: url });
    await db.connect();
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-cli-'));
  });
  afterAll(async () => {
    await db.end();
    process.env = saved;
  });

  const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
  const quiet = { batchSize: 2, progress: false, by: 'test' };
  const log = () => undefined;

  const article = (n: number, extra: Record<string, unknown> = {}) => ({
    url: `https://example.org/news/${n}`,
    title: `Article ${n}`,
    text: `Body of article ${n}. Milei said the report was false.`,
    publisherName: 'Example News',
    authorNames: ['Ana Writer'],
    language: 'en',
    ...extra,
  });

  it('imports in batches, reports what it added, skipped and rejected, and is idempotent', async () => {
    const file = join(dir, 'articles.jsonl');
    const lines = [
      JSON.stringify(
        article(1, {
          claims: [
            {
              text: 'The report was false',
              tags: ['imported'],
              attributions: [
                {
                  actor: 'Javier Milei',
                  stance: 'DENIES',
                  quote: { exact: 'Milei said the report was false' },
                },
                { actor: 'Javier Milei', stance: 'DENIES', quote: { exact: 'not in the text' } },
              ],
            },
          ],
        }),
      ),
      JSON.stringify(article(2)),
      '{"url": "https://example.org/broken", "title": ',
      JSON.stringify({ title: 'No URL', text: 'x' }),
      JSON.stringify(article(1)), // the same URL and text again
      JSON.stringify(article(2, { text: 'A corrected body of article 2.' })), // a new version
      '',
      JSON.stringify(article(3)),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const report = await runImport(file, quiet, log);
    expect(report).toMatchObject({
      articlesCreated: 3,
      articleVersions: 1,
      articlesUnchanged: 1,
      claimsCreated: 1,
      attributionsCreated: 1,
    });
    expect(report.rejected.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(report.rejected.find((r) => r.line === 3)!.reason).toMatch(/not valid JSON/);
    expect(report.rejected.find((r) => r.line === 4)!.reason).toMatch(/url/);
    expect(report.rejected.find((r) => r.line === 1)!.reason).toMatch(/attributions\[1\]/);
    expect(await count('SELECT count(*) AS n FROM articles')).toBe(4);
    expect(
      await count(`SELECT count(*) AS n FROM claim_events WHERE kind = 'ARTICLE_INGESTED'`),
    ).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM article_authors`)).toBe(4);
    expect(existsSync(`${file}.import-state.json`)).toBe(false);

    const again = await runImport(file, quiet, log);
    expect(again).toMatchObject({
      articlesCreated: 0,
      articleVersions: 0,
      articlesUnchanged: 5,
      claimsCreated: 0,
      claimsExisting: 1,
      attributionsCreated: 0,
      attributionsExisting: 1,
    });
    expect(await count('SELECT count(*) AS n FROM articles')).toBe(4);
  }, 60_000);

  it('resumes after the last committed batch', async () => {
    const file = join(dir, 'resume.jsonl');
    writeFileSync(file, [10, 11, 12, 13].map((n) => JSON.stringify(article(n))).join('\n'));
    // as a crash after the first batch (lines 1-2) leaves it
    let afterTwo = 0;
    for await (const line of linesOf(file, 0, 0)) if (line.line === 2) afterTwo = line.end;
    const stat = statSync(file);
    writeFileSync(
      `${file}.import-state.json`,
      JSON.stringify({
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        offset: afterTwo,
        line: 2,
        report: { ...emptyReport(), articlesCreated: 2 },
      }),
    );
    const report = await runImport(file, quiet, log);
    expect(report.articlesCreated).toBe(4); // 2 before the "crash" + 2 now
    const urls = (
      await db.query(`SELECT url FROM articles WHERE url LIKE '%/news/1_' ORDER BY url`)
    ).rows.map((r) => r.url);
    expect(urls).toEqual(['https://example.org/news/12', 'https://example.org/news/13']);
  }, 60_000);

  it('creates each claim and stance once when two imports of one file run at the same time', async () => {
    const file = join(dir, 'twice.jsonl');
    const texts = ['The harbour deal was signed', 'The harbour deal collapsed'];
    const lines = Array.from({ length: 8 }, (_, n) =>
      JSON.stringify(
        article(100 + n, {
          text: `Report ${n}. The mayor said the harbour deal was signed.`,
          claims: texts.map((text) => ({
            text: n % 2 === 0 ? text : text.toUpperCase(),
            attributions: [
              {
                actor: 'Harbour Mayor',
                stance: 'ASSERTS',
                quote: { exact: 'the harbour deal was signed' },
              },
            ],
          })),
        }),
      ),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const reports = await Promise.all([
      runImport(file, { ...quiet, batchSize: 1 }, log),
      runImport(file, { ...quiet, batchSize: 1 }, log),
    ]);
    expect(reports.flatMap((report) => report.rejected)).toEqual([]);
    const claims = await db.query(
      `SELECT lower(text) AS text, count(*)::int AS n FROM claims
        WHERE lower(text) LIKE 'the harbour deal%' GROUP BY 1 ORDER BY 1`,
    );
    expect(claims.rows).toEqual([
      { text: 'the harbour deal collapsed', n: 1 },
      { text: 'the harbour deal was signed', n: 1 },
    ]);
    // one stance per claim and article, whichever import wrote it
    expect(
      await count(`SELECT count(*) AS n FROM attributions a JOIN claims c ON c.id = a.claim_id
                    WHERE lower(c.text) LIKE 'the harbour deal%'`),
    ).toBe(8 * texts.length);
    expect(reports.reduce((sum, report) => sum + report.claimsCreated, 0)).toBe(texts.length);
    expect(existsSync(`${file}.import-state.json`)).toBe(false);
  }, 60_000);

  it('exports GraphML and CSV files straight from the database', async () => {
    const graphml = join(dir, 'graph.graphml');
    await buildCli().parseAsync([
      'node',
      'claimtrace',
      'export',
      '--format',
      'graphml',
      '--out',
      graphml,
    ]);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => ['node', 'edge'].includes(n),
    }).parse(readFileSync(graphml, 'utf8'));
    // every claim and actor, and the latest version of each article (a version a newer one
    // replaced, on which no stance stands, is exported only with --includeSuperseded true)
    const nodes = await count(
      `SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM actors) + (SELECT count(*)
         FROM articles ar WHERE NOT EXISTS (SELECT 1 FROM articles nv WHERE nv.previous_version_id = ar.id)) AS n`,
    );
    expect(doc.graphml.graph.node).toHaveLength(nodes);

    const csv = join(dir, 'graph.csv');
    await buildCli().parseAsync([
      'node',
      'claimtrace',
      'export',
      '--format',
      'csv',
      '--out',
      csv,
      '--tag',
      'imported',
    ]);
    const claimRows = parseCsv(readFileSync(join(dir, 'graph.nodes.csv'), 'utf8'), {
      columns: true,
    }) as any[];
    expect(claimRows.filter((r) => r.type === 'CLAIM').map((r) => r.label)).toEqual([
      'The report was false',
    ]);
    const edges = parseCsv(readFileSync(join(dir, 'graph.edges.csv'), 'utf8'), {
      columns: true,
    }) as any[];
    expect(edges.filter((e) => e.type === 'STANCE').map((e) => e.stance)).toEqual(['DENIES']);
  }, 60_000);

  it('exports the published reviews as ClaimReview lines, and an article as annotations', async () => {
    const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64url');
    const { rows } = await db.query(
      `SELECT c.id AS claim, a.id AS actor, ar.id AS article
       FROM claims c, actors a, articles ar
       WHERE c.text = 'The report was false' AND a.name = 'Javier Milei'
         AND ar.url = 'https://example.org/news/1'`,
    );
    const [{ claim, actor, article }] = rows;
    await db.query(
      `INSERT INTO reviews (claim_id, rating, reviewer_id, url, published_at, in_language)
       VALUES ($1, 'False', $2, 'https://checks.example/1', '2026-03-01T00:00:00Z', 'en'),
              ($1, 'Draft', $2, NULL, NULL, 'en'),
              ($1, 'Spanish', $2, 'https://checks.example/2', '2026-03-02T00:00:00Z', 'es')`,
      [claim, actor],
    );
    const run = (...args: string[]) =>
      buildCli().parseAsync(['node', 'claimtrace', 'export', ...args]);
    const feed = join(dir, 'reviews.jsonl');
    await run('--format', 'claimreview', '--out', feed, '--language', 'en');
    const lines = readFileSync(feed, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        '@type': 'ClaimReview',
        url: 'https://checks.example/1',
        claimReviewed: 'The report was false',
        inLanguage: 'en',
        reviewRating: expect.objectContaining({ alternateName: 'False' }),
      }),
    ]);
    const one = join(dir, 'claim.jsonld');
    await run('--format', 'claimreview', '--claim', gid('Claim', claim), '--out', one);
    expect(JSON.parse(readFileSync(one, 'utf8'))['@graph']).toHaveLength(2);

    const annotations = join(dir, 'annotations.jsonld');
    await run(
      '--format',
      'annotations',
      '--article',
      gid('Article', article),
      '--out',
      annotations,
    );
    const collection = JSON.parse(readFileSync(annotations, 'utf8'));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect(collection.first.items[0].target.source).toBe('https://example.org/news/1');
  }, 60_000);

  it("takes claimGraph's selection under its argument names", async () => {
    const claim = (await db.query(`SELECT id FROM claims WHERE text = 'The report was false'`))
      .rows[0].id;
    const claimId = Buffer.from(`Claim:${claim}`).toString('base64url');
    const exportJson = async (...args: string[]) => {
      const out = join(dir, `selection-${args.join('-').replace(/[^\w-]/g, '_')}.json`);
      await buildCli().parseAsync([
        'node',
        'claimtrace',
        'export',
        '--format',
        'json',
        '--out',
        out,
        ...args,
      ]);
      return Graph.from(JSON.parse(readFileSync(out, 'utf8')));
    };
    const alone = await exportJson('--claimId', claimId, '--depth', '0');
    expect(alone.nodes()).toEqual([claimId]);
    expect(alone.getNodeAttribute(claimId, 'depth')).toBe(0);
    const around = await exportJson('--claimId', claimId, '--depth', '1');
    const stances = await count(
      `SELECT count(*) AS n FROM attributions WHERE claim_id = '${claim}' AND removed_at IS NULL`,
    );
    expect(around.filterEdges((_, a) => a.type === 'STANCE')).toHaveLength(stances);
    const before = await exportJson('--claimId', claimId, '--asOf', '2000-01-01');
    expect(before.order).toBe(0);
    await expect(exportJson('--claimId', claimId, '--depth', '9')).rejects.toThrow(/depth/);
  }, 60_000);
});
