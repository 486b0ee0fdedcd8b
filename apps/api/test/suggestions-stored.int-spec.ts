import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SuggestionExtractor } from '@claimtrace/articles';
import { EXTRACTOR_VERSION } from '@claimtrace/extraction';
import { createApp } from '../src/bootstrap/create-app';
import { startTestApp, TestApp } from './test-app';

const PERFIL = readFileSync(
  resolve(__dirname, '../../../libs/demo/data/perfil-2026-milei-deportee-talks.txt'),
  'utf8',
);

const FIELDS = `index reportedViaIndex sourceText cue content stance
  sourceStart sourceEnd cueStart cueEnd contentStart contentEnd actor { name }`;

/** A query reading the article's suggestions under `aliases` aliases. */
function aliased(aliases: number): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) => `s${i}: suggestedAttributions { ${FIELDS} }`,
  );
  return `query ($id: ID!) { article(id: $id) { ${fields.join(' ')} } }`;
}

const READ = aliased(1);

/**
 * Suggested attributions are computed once per article and extractor version and stored: at
 * ingest, else by the first read. The extractor is counted through its provider (the seam the
 * service calls), the database is the real one.
 */
describe('stored suggested attributions', () => {
  let t: TestApp;
  let extractor: SuggestionExtractor;
  let extract: jest.SpyInstance;
  let articleId: string;
  let articleKey: string;
  let atIngest: unknown[];
  let extractionsAtIngest: number;

  const read = async (app: NestFastifyApplication, query = READ) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query, variables: { id: articleId } }),
    });
    return response.json();
  };
  const storedRows = () =>
    t.db.query<{ extractor_version: string }>(
      `SELECT extractor_version FROM article_suggestions WHERE article_id = $1 ORDER BY computed_at`,
      [articleKey],
    );
  /** the article as a row stored before suggestions were: none stored for it */
  const forgetSuggestions = () =>
    t.db.query(`DELETE FROM article_suggestions WHERE article_id = $1`, [articleKey]);

  beforeAll(async () => {
    // 30 aliases of the field weigh 150,000 (refused at the default QUERY_MAX_COST): the limit is
    // raised to show what the extractor does when a query may ask that much
    t = await startTestApp({ QUERY_MAX_COST: '1000000' });
    await t.ok(
      `mutation { createActor(input: { name: "Javier Milei", kind: PERSON, aliases: ["Milei"] }) { id } }`,
    );
    extractor = t.app.get(SuggestionExtractor);
    extract = jest.spyOn(extractor, 'extract');
    const data = await t.ok(
      `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id suggestedAttributions { ${FIELDS} } } } }`,
      { i: { url: 'urn:test:perfil', title: 'Perfil', text: PERFIL, language: 'en' } },
    );
    articleId = data.ingestArticle.article.id;
    atIngest = data.ingestArticle.article.suggestedAttributions;
    extractionsAtIngest = extract.mock.calls.length;
    extract.mockClear();
    [{ id: articleKey }] = await t.db.query<{ id: string }>(`SELECT id FROM articles`);
  });
  afterEach(() => extract.mockClear());
  afterAll(() => t.close());

  it('are computed once at ingest, stored under the extractor version, then only read', async () => {
    expect(atIngest.length).toBeGreaterThan(4);
    expect(extractionsAtIngest).toBe(1);
    expect(await storedRows()).toEqual([{ extractor_version: extractor.version }]);
    const again = await read(t.app);
    expect(again).toEqual({ data: { article: { s0: atIngest } } });
    expect(extract).not.toHaveBeenCalled();
  });

  it('run the extractor at most once for 30 aliases on an article stored without them', async () => {
    await forgetSuggestions();
    const answer = await read(t.app, aliased(30));
    expect(answer.errors).toBeUndefined();
    expect(Object.values(answer.data.article)).toEqual(Array(30).fill(atIngest));
    expect(extract).toHaveBeenCalledTimes(1);
    await read(t.app, aliased(30));
    expect(extract).toHaveBeenCalledTimes(1);
    expect(await storedRows()).toHaveLength(1);
  });

  it('are written once by 10 concurrent first readers, on one instance and on two', async () => {
    await forgetSuggestions();
    const answers = await Promise.all(Array.from({ length: 10 }, () => read(t.app)));
    expect(answers).toEqual(Array(10).fill({ data: { article: { s0: atIngest } } }));
    expect(extract).toHaveBeenCalledTimes(1);
    expect(await storedRows()).toHaveLength(1);

    // Two instances on one database: each may compute, only the first to store writes.
    const other = await createApp({ config: t.config, databaseUrl: t.databaseUrl });
    try {
      await other.init();
      await forgetSuggestions();
      const both = await Promise.all(
        Array.from({ length: 10 }, (_, i) => read(i % 2 ? other : t.app)),
      );
      expect(both).toEqual(Array(10).fill({ data: { article: { s0: atIngest } } }));
      expect(await storedRows()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('answer what the first writer stored when another reader stores first', async () => {
    await forgetSuggestions();
    // Another instance is storing them (its transaction not yet committed): every reader's
    // INSERT waits for it, does nothing, and reads again what that instance stored.
    const first = new Client({ connectionString: t.databaseUrl });
    await first.connect();
    const theirs = [
      {
        index: 0,
        reportedViaIndex: null,
        source: null,
        sourceName: null,
        cue: { start: 0, end: 3, text: 'The' },
        content: { start: 4, end: 7, text: 'stored by the first writer' },
        stance: 'REPORTS',
      },
    ];
    try {
      await first.query('BEGIN');
      await first.query(
        `INSERT INTO article_suggestions (article_id, extractor_version, suggestions)
         VALUES ($1, $2, $3::json)`,
        [articleKey, extractor.version, JSON.stringify(theirs)],
      );
      const answers = Promise.all(
        Array.from({ length: 10 }, () =>
          read(
            t.app,
            `query ($id: ID!) { article(id: $id) { suggestedAttributions { content } } }`,
          ),
        ),
      );
      await waitForBlockedInserts(t.databaseUrl, 1);
      await first.query('COMMIT');
      expect(await answers).toEqual(
        Array(10).fill({
          data: { article: { suggestedAttributions: [{ content: 'stored by the first writer' }] } },
        }),
      );
    } finally {
      await first.end();
    }
    expect(await storedRows()).toHaveLength(1);
    await forgetSuggestions();
    await read(t.app);
  });

  it('are recomputed once when the extractor version changes, and kept per version', async () => {
    const replaced = jest.replaceProperty(extractor, 'version', 'test-retrained');
    try {
      expect(await read(t.app)).toEqual({ data: { article: { s0: atIngest } } });
      expect(await read(t.app)).toEqual({ data: { article: { s0: atIngest } } });
      expect(extract).toHaveBeenCalledTimes(1);
      expect((await storedRows()).map((row) => row.extractor_version).sort()).toEqual(
        [EXTRACTOR_VERSION, 'test-retrained'].sort(),
      );
    } finally {
      replaced.restore();
    }
    await read(t.app);
    expect(extract).toHaveBeenCalledTimes(1);
  });

  it('match sources to actors per request: an actor created later is found', async () => {
    const before = await read(t.app);
    const times = (answer: any) =>
      answer.data.article.s0.filter((s: any) => s.actor?.name === 'The New York Times');
    expect(times(before)).toEqual([]);
    await t.ok(
      `mutation { createActor(input: { name: "The New York Times", kind: MEDIA_OUTLET, aliases: ["the Times"] }) { id } }`,
    );
    expect(times(await read(t.app)).length).toBeGreaterThan(0);
    expect(extract).not.toHaveBeenCalled();
  });
});

/** Waits until `count` sessions wait on a lock in an INSERT into article_suggestions. */
async function waitForBlockedInserts(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'
           AND query LIKE 'INSERT INTO article_suggestions%'`,
      );
      if (rows[0].n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
