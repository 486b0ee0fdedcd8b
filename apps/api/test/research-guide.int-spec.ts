import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { DemoLoader } from '@claimtrace/demo';
import { readGraphology } from './support/graph-readers';
import { startTestApp, TestApp } from './test-app';

/**
 * docs/research.md's examples, run on exports of the demo data: each block marked
 * `<!-- checked: NAME -->` is run as written, where its tool is installable here (research.md,
 * "What the test suite checks", says which and why).
 */
const GUIDE = join(__dirname, '../../../docs/research.md');

function checkedBlocks(): Map<string, string> {
  const blocks = new Map<string, string>();
  const text = readFileSync(GUIDE, 'utf8');
  for (const match of text.matchAll(/<!-- checked: ([\w-]+) -->\s*```\w*\n([\s\S]*?)```/g)) {
    blocks.set(match[1], match[2]);
  }
  return blocks;
}

const hasPython = (module: string) =>
  spawnSync('python3', ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0;
const networkx = hasPython('networkx');
if (!networkx) {
  process.stderr.write(
    'research-guide: python3 with networkx is not installed here: the networkx blocks are skipped.\n',
  );
}

describe("the researchers' guide", () => {
  let t: TestApp;
  let dir: string;
  const blocks = checkedBlocks();
  let graph: ReturnType<typeof readGraphology>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    const [claim] = await t.db.query<{ id: string }>(
      `SELECT id FROM claims WHERE text LIKE 'Argentina is in advanced talks%'`,
    );
    const selection = `claimId=${Buffer.from(`Claim:${claim.id}`).toString('base64url')}&depth=2`;
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-guide-'));
    // the files of the guide's download step, under its names
    const files: [string, string][] = [
      ['claims.graphml', 'format=graphml'],
      ['claims.gexf', 'format=gexf'],
      ['claims.json', 'format=json'],
      ['claims.nodes.csv', 'format=csv&table=nodes'],
      ['claims.edges.csv', 'format=csv&table=edges'],
      ['claims.nodes.parquet', 'format=parquet&table=nodes'],
      ['claims.edges.parquet', 'format=parquet&table=edges'],
    ];
    for (const [name, query] of files) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/exports/graph?${query}&${selection}`,
      });
      expect(response.statusCode).toBe(200);
      writeFileSync(join(dir, name), response.rawPayload);
    }
    graph = readGraphology(readFileSync(join(dir, 'claims.json'), 'utf8'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('marks the blocks it checks', () => {
    expect([...blocks.keys()]).toEqual(['networkx', 'networkx-json', 'pandas', 'duckdb']);
  });

  const stances = () => [...graph.edges.values()].filter((e) => e.type === 'STANCE');

  (networkx ? it : it.skip)('networkx reads the GraphML and replays a date', () => {
    const run = spawnSync('python3', ['-c', blocks.get('networkx')!], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const at = '2025-03-01T00:00:00.000Z';
    const standing = [...graph.edges.values()].filter(
      (e) => (e.appearedAt ?? '') <= at && (e.endedAt ?? '9999') > at,
    );
    expect(run.stdout.trim()).toBe(
      `${graph.nodes.size} ${graph.edges.size} ${stances().length} ${standing.length}`,
    );
  });

  (networkx ? it : it.skip)('networkx reads the graphology JSON', () => {
    const run = spawnSync('python3', ['-c', blocks.get('networkx-json')!], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`${graph.nodes.size} ${graph.edges.size}`);
  });

  it('DuckDB runs the guide’s queries on the Parquet files', async () => {
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    try {
      await duck.run(`SET file_search_path = '${dir}'`);
      const statements = blocks
        .get('duckdb')!
        .split(/;\s*\n/)
        .map((sql) => sql.trim())
        .filter((sql) => sql.replace(/--.*$/gm, '').trim());
      expect(statements).toHaveLength(2);
      const who = (await duck.runAndReadAll(statements[0])).getRowObjectsJson();
      expect(who).toHaveLength(stances().length);
      const labels = new Map([...graph.nodes].map(([id, n]) => [id, n.label]));
      expect(new Set(who.map((r) => r.actor))).toEqual(
        new Set(stances().map((e) => labels.get(e.source))),
      );
      const times = who.map((r) => String(r.appearedAt));
      expect(times).toEqual([...times].sort());
      expect(who.some((r) => r.via !== null)).toBe(true);
      const perDay = (await duck.runAndReadAll(statements[1])).getRowObjectsJson();
      expect(perDay.reduce((sum, r) => sum + Number(r.stances), 0)).toBe(stances().length);
    } finally {
      duck.closeSync();
    }
  });

  it('the CSV files have every column the pandas block reads, and its dates parse', () => {
    const read = (name: string) =>
      parseCsv(readFileSync(join(dir, name), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
    const nodes = read('claims.nodes.csv');
    const edges = read('claims.edges.csv');
    const block = blocks.get('pandas')!;
    const quoted = [...block.matchAll(/"([A-Za-z]\w*)"/g)]
      .map((m) => m[1])
      .filter((w) => w !== 'STANCE');
    expect(quoted.length).toBeGreaterThan(8);
    for (const column of quoted) {
      expect([column, column in nodes[0] || column in edges[0]]).toEqual([column, true]);
    }
    for (const column of ['appearedAt', 'endedAt', 'statedAt', 'firstSeenAt', 'publishedAt']) {
      for (const row of [...nodes, ...edges]) {
        if (row[column])
          expect([column, Number.isNaN(Date.parse(row[column]))]).toEqual([column, false]);
      }
    }
    expect(edges.filter((e) => e.type === 'STANCE')).toHaveLength(stances().length);
  });
});
