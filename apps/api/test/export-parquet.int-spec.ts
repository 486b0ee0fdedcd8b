import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DemoLoader } from '@claimtrace/demo';
import { PARQUET_EDGE_COLUMNS, PARQUET_NODE_COLUMNS } from '@claimtrace/export';
import { generateStory } from './support/generated-story';
import { readGraphology } from './support/graph-readers';
import { startTestApp, TestApp } from './test-app';

/**
 * `format=parquet`: nodes and edges as two typed Parquet files, read back by DuckDB (its npm
 * package, an independent reader written in C++) and compared with the graphology export of the
 * same selection, and with claimGraph.
 */
describe('Parquet exports', () => {
  let t: TestApp;
  let duck: DuckDBConnection;
  let dir: string;
  let story: Awaited<ReturnType<typeof generateStory>>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    story = await generateStory(t, 3, 30);
    duck = await (await DuckDBInstance.create(':memory:')).connect();
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-parquet-'));
  });
  afterAll(async () => {
    duck.closeSync();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  /** The Parquet file of a table, saved where DuckDB reads it; its path. */
  async function download(table: 'nodes' | 'edges', query = ''): Promise<string> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/exports/graph?format=parquet&table=${table}${query}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(response.headers['content-disposition']).toContain(`claimtrace-${table}.parquet`);
    const path = join(dir, `${table}-${Math.random().toString(36).slice(2)}.parquet`);
    writeFileSync(path, response.rawPayload);
    return path;
  }

  const rows = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJson();

  it('has typed columns: strings, lists, UTC timestamps, integers and doubles', async () => {
    const types = async (path: string) =>
      Object.fromEntries(
        (await rows(`DESCRIBE SELECT * FROM '${path}'`)).map((r) => [r.column_name, r.column_type]),
      );
    const nodes = await types(await download('nodes'));
    expect(Object.keys(nodes)).toEqual(PARQUET_NODE_COLUMNS.map((c) => c.name));
    expect(nodes).toMatchObject({
      id: 'VARCHAR',
      label: 'VARCHAR',
      depth: 'INTEGER',
      tags: 'VARCHAR[]',
      aliases: 'VARCHAR[]',
      statusHistory: 'VARCHAR[]',
      appearedAt: 'TIMESTAMP WITH TIME ZONE',
      endedAt: 'TIMESTAMP WITH TIME ZONE',
    });
    const edges = await types(await download('edges'));
    expect(Object.keys(edges)).toEqual(PARQUET_EDGE_COLUMNS.map((c) => c.name));
    expect(edges).toMatchObject({
      source: 'VARCHAR',
      confidence: 'DOUBLE',
      statedAt: 'TIMESTAMP WITH TIME ZONE',
      appearedAt: 'TIMESTAMP WITH TIME ZONE',
      exact: 'VARCHAR',
      url: 'VARCHAR',
    });
  });

  it('holds the same rows and values as the graphology export, selection by selection', async () => {
    for (const query of [
      '',
      `&claimId=${story.claims[0]}&depth=2`,
      '&tag=story-3&asOf=2999-01-01',
    ]) {
      const json = await t.app.inject({ method: 'GET', url: `/exports/graph?format=json${query}` });
      const expected = readGraphology(json.body);
      for (const [table, want] of [
        ['nodes', expected.nodes],
        ['edges', expected.edges],
      ] as const) {
        const path = await download(table, query);
        const columns = table === 'nodes' ? PARQUET_NODE_COLUMNS : PARQUET_EDGE_COLUMNS;
        // times as epoch milliseconds, the rest as DuckDB reads it
        const select = columns
          .map(({ name, spec }) => (spec?.time ? `epoch_ms("${name}") AS "${name}"` : `"${name}"`))
          .join(', ');
        const got = await rows(`SELECT ${select} FROM '${path}'`);
        expect([query, table, got.length]).toEqual([query, table, want.size]);
        for (const row of got) {
          const wanted = want.get(String(row.id));
          expect(wanted).toBeDefined();
          for (const { name, spec } of columns) {
            if (name === 'id') continue;
            const value = wanted![name] ?? null;
            const expectedValue =
              value === null ? null : spec?.time ? String(Date.parse(value)) : value;
            const actual = row[name] === null ? null : spec?.time ? String(row[name]) : row[name];
            expect([query, table, row.id, name, actual]).toEqual([
              query,
              table,
              row.id,
              name,
              expectedValue,
            ]);
          }
        }
      }
    }
  });

  it('refuses parquet without a table, as csv', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/exports/graph?format=parquet' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: /table=nodes/ });
  });
});
