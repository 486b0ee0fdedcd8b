import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
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
    const nodes = await count(
      `SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM actors) + (SELECT count(*) FROM articles) AS n`,
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
});
