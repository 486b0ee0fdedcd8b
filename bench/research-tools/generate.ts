import { Client } from 'pg';

/** A vocabulary of made-up words ("kalomi"), so frequencies are known: word i is ~1/i as common. */
export function vocabulary(size: number): string[] {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ne',
    'ru',
    'sa',
    'te',
    'vo',
    'zi',
    'pu',
    'de',
    'gra',
    'ban',
    'tor',
    'lis',
    'fe',
  ];
  const words: string[] = [];
  for (let i = 0; i < size; i += 1) {
    let n = i + syllables.length * syllables.length; // at least three syllables
    let word = '';
    while (n > 0) {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    }
    words.push(word);
  }
  return words;
}

export interface GeneratedSizes {
  /** stance edges (attributions), each with its own passage */
  edges: number;
  /** words a passage has */
  wordsPerPassage: number;
  vocabulary: number;
}

/**
 * The benchmark graph, made in SQL: `edges` passages (made-up text with a 1/rank word
 * distribution, half English half Spanish) in articles of 50, one attribution a passage, claims
 * of 5 stances each (their text one of the passages' sentences), 10,000 actors; a tenth of the claims are tagged `bench-tenth`.
 */
export async function generateGraph(url: string, sizes: GeneratedSizes, log: (s: string) => void) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const vocab = vocabulary(sizes.vocabulary);
    const started = Date.now();
    const step = async (label: string, sql: string, params: unknown[] = []) => {
      const t = Date.now();
      await client.query(sql, params);
      log(`  ${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    const articles = Math.ceil(sizes.edges / 50);
    const claims = Math.ceil(sizes.edges / 5);
    await step(
      'actors',
      `INSERT INTO actors (name, kind, aliases)
       SELECT 'Actor ' || g, (ARRAY['PERSON','ORGANIZATION','MEDIA_OUTLET','GOVERNMENT_BODY'])[1 + g % 4]::actor_kind, '{}'
       FROM generate_series(1, 10000) g`,
    );
    await step(
      'articles',
      `INSERT INTO articles (url, title, text, content_hash, publisher_id, language, published_at)
       SELECT 'https://bench.example/' || g, 'Bench article ' || g, 'generated', md5(g::text),
              (SELECT id FROM actors WHERE name = 'Actor ' || (1 + g % 500)),
              CASE WHEN g % 2 = 0 THEN 'en' ELSE 'es' END, now() - g * interval '1 minute'
       FROM generate_series(1, ${articles}) g`,
    );
    await client.query('SET synchronous_commit = off');
    await client.query('SET maintenance_work_mem = $$256MB$$');
    // 50,000 random sentences, each used by a twentieth of the passages (word frequencies keep
    // their 1/rank shape; generating a million sentences one by one takes far longer)
    await step(
      'sentences',
      `CREATE TEMP TABLE bench_sentences AS
       SELECT g AS n, (SELECT string_agg(($1::text[])[least($2::int, floor(exp(random() * ln($2::float8)))::int)], ' ')
                       FROM generate_series(1, $3::int + g * 0)) AS text
       FROM generate_series(0, 49999) g`,
      [vocab, sizes.vocabulary, sizes.wordsPerPassage],
    );
    // claims read like their passages (the same sentences), so claims(filter: {search}) has work
    await step(
      'claims',
      `INSERT INTO claims (text, tags, first_seen_at, language)
       SELECT 'Claim ' || g || ': ' || s.text,
              CASE WHEN g % 10 = 0 THEN ARRAY['bench-tenth'] ELSE '{}' END,
              now() - g * interval '1 second', 'en'
       FROM generate_series(1, ${claims}) g JOIN bench_sentences s ON s.n = (g * 7) % 50000`,
    );
    await step(
      'passages (text, tsvector)',
      `INSERT INTO passages (article_id, start, "end", exact, prefix, suffix, language)
       SELECT ar.id, (g % 50) * 1000, (g % 50) * 1000 + 200, s.text, '', '', ar.language
       FROM generate_series(0, ${sizes.edges - 1}) g
       JOIN articles ar ON ar.url = 'https://bench.example/' || (1 + g / 50)
       JOIN bench_sentences s ON s.n = g % 50000`,
    );
    await step(
      'attributions',
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM passages),
            c AS (SELECT id, row_number() OVER (ORDER BY first_seen_at DESC, id) - 1 AS n FROM claims),
            a AS (SELECT id, row_number() OVER (ORDER BY name, id) - 1 AS n FROM actors)
       INSERT INTO attributions (claim_id, actor_id, stance, passage_id, confidence)
       SELECT c.id, a.id, (ARRAY['ASSERTS','REPORTS','DENIES','CONFIRMS','QUESTIONS'])[1 + p.n % 5]::stance,
              p.id, 0.5
       FROM p JOIN c ON c.n = p.n / 5 JOIN a ON a.n = (p.n * 7919) % 10000`,
    );
    // VACUUM too: otherwise autovacuum visits the million new rows while the first section runs
    await step('vacuum, analyze', 'VACUUM (ANALYZE)');
    log(`  generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return vocab;
  } finally {
    await client.end();
  }
}
