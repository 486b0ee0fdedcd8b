/**
 * What `Article.suggestedAttributions` costs now that suggestions are stored: the extractor's time,
 * once, on the worked example and on a 1 MB article (the first run in the process, as at ingest or
 * on a first read), and the time to answer the field from the stored suggestions.
 *
 *   DATABASE_URL=postgresql://… node dist/bench/extraction/stored-suggestions.js [CORPUS_DIR]
 *
 * Creates a database claimtrace_bench_<random> on that server (needs CREATEDB) and drops it after.
 * The 1 MB article is the corpus texts (default ../shared/data/polnear-dev) one after another.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SuggestionExtractor } from '@claimtrace/articles';
import { loadConfig } from '@claimtrace/core';
import { Database, migrate } from '@claimtrace/database';
import { adminQuery, withDatabase } from '@claimtrace/testing';
import { createApp } from '../../apps/api/src/bootstrap/create-app';

const repoRoot = path.resolve(__dirname, '../../..');
const corpusDir = process.argv[2] ?? path.resolve(repoRoot, '../shared/data/polnear-dev');
const PERFIL = fs.readFileSync(
  path.join(repoRoot, 'libs/demo/data/perfil-2026-milei-deportee-talks.txt'),
  'utf8',
);

function megabyteArticle(): string {
  const dir = path.join(corpusDir, 'text');
  const texts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  let text = '';
  for (let i = 0; text.length < 1_000_000; i++) text += `${texts[i % texts.length]}\n\n`;
  return text.slice(0, 1_000_000);
}

const SPANS = `index reportedViaIndex sourceText cue content stance sourceStart sourceEnd
  cueStart cueEnd contentStart contentEnd`;

/** Wall time and this process's CPU time (ms): on a busy machine the CPU time is the steadier. */
interface Took {
  wall: number;
  cpu: number;
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, Took]> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [
    result,
    { wall: Number(process.hrtime.bigint() - started) / 1e6, cpu: (used.user + used.system) / 1e3 },
  ];
}

const ms = (took: Took) => `${took.wall.toFixed(1)} ms (CPU ${took.cpu.toFixed(1)} ms)`;

async function main(): Promise<void> {
  const given = process.env.DATABASE_URL;
  if (!given)
    throw new Error('Set DATABASE_URL to a PostgreSQL server (the bench makes its own database).');
  const name = `claimtrace_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(given, `CREATE DATABASE "${name}"`);
  const databaseUrl = withDatabase(given, name);
  let app: NestFastifyApplication | undefined;
  try {
    await migrate(databaseUrl);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      RATE_LIMIT_COST_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '0',
      // 30 aliases of the field weigh 150,000: measured, not refused
      QUERY_MAX_COST: '1000000',
    });
    app = await createApp({ config, databaseUrl });
    await app.init();
    const extractor = app.get(SuggestionExtractor);
    const big = megabyteArticle();

    const [perfil, perfilMs] = await timed(() => extractor.extract(PERFIL));
    const [found, bigMs] = await timed(() => extractor.extract(big));
    console.log(
      `extractor, first run in the process: worked example (${PERFIL.length} characters, ${perfil.length} suggestions) ${ms(perfilMs)}`,
    );
    console.log(
      `extractor: 1 MB article (${big.length} characters, ${found.length} suggestions, ${(JSON.stringify(found).length / 1e6).toFixed(2)} MB as JSON) ${ms(bigMs)}`,
    );

    const { TokensService } = await import('@claimtrace/auth');
    const token = (await app.get(TokensService).create({ name: 'bench', role: 'EDITOR' })).token;
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await app!.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: JSON.stringify({ query, variables }),
      });
      return response.json();
    };
    for (const [label, text] of [
      ['worked example', PERFIL],
      ['1 MB article', big],
    ] as const) {
      const [ingested, ingestMs] = await timed(() =>
        gql(`mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`, {
          i: { url: `urn:bench:${label.replace(/ /g, '-')}`, title: label, text },
        }),
      );
      const id = ingested.data.ingestArticle.article.id;
      const read = (aliases: number, fields: string) =>
        gql(
          `query ($id: ID!) { article(id: $id) { ${Array.from(
            { length: aliases },
            (_, i) => `s${i}: suggestedAttributions { ${fields} }`,
          ).join(' ')} } }`,
          { id },
        );
      const stored = () =>
        app!
          .get(Database)
          .query(
            `SELECT suggestions FROM article_suggestions a JOIN articles r ON r.id = a.article_id WHERE r.title = $1`,
            [label],
          );
      await stored(); // warm-up
      await read(1, SPANS);
      const [, storedMs] = await timed(stored);
      const [, oneMs] = await timed(() => read(1, SPANS));
      await read(1, `${SPANS} actor { name }`);
      const [, actorMs] = await timed(() => read(1, `${SPANS} actor { name }`));
      const [, thirtyMs] = await timed(() => read(30, SPANS));
      console.log(
        `${label}: ingest (extraction included) ${ms(ingestMs)}; stored suggestions read (SQL and JSON.parse) ${ms(storedMs)}; the field over HTTP: ${ms(oneMs)}, with actor ${ms(actorMs)}, 30 aliases ${ms(thirtyMs)}`,
      );
    }
  } finally {
    await app?.close();
    await adminQuery(given, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
