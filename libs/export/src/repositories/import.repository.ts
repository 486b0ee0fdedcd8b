import { Injectable } from '@nestjs/common';
import { ArticleRow, Database } from '@claimtrace/database';
import { ImportArticle } from '../import/import-line';

export interface ArticleBatchRow {
  article: ImportArticle;
  /** the how-manieth line of the run with this URL and text (VersionOccurrences), from 1 */
  occurrence: number;
  publisherId: string | null;
  authorIds: string[];
}

/**
 * The bulk SQL of imports: a batch of articles in one transaction and a handful of statements
 * (unnest arrays, not one INSERT a row), with the same advisory locks, uniqueness and event as
 * `ingestArticle`.
 */
@Injectable()
export class ImportRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts the articles whose URL is new; answers, per row, the article id and whether it was
   * created, already there with the same text (`same`: the row's occurrence-th stored version with
   * that URL and text, so a revert in the file is not mistaken for the first version), or to ingest
   * one by one (`newVersion`: there with another text, or a revert not stored yet; ingest
   * re-anchors passages and says UNCHANGED when the newest version has the text).
   */
  async insertNew(
    rows: ArticleBatchRow[],
    by: string | null,
  ): Promise<{ id: string | null; outcome: 'created' | 'same' | 'newVersion' }[]> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN');
      const urls = rows.map((row) => row.article.url);
      await client.query(
        `SELECT pg_advisory_xact_lock(hashtext('article:' || u))
         FROM (SELECT DISTINCT u FROM unnest($1::text[]) u ORDER BY u) locked`,
        [urls],
      );
      const known = await client.query<{ i: number; same: string | null; known: boolean }>(
        `SELECT x.i::int AS i,
                (SELECT a.id::text FROM articles a WHERE a.url = x.url AND a.content_hash = x.hash
                 ORDER BY a.created_at, a.id OFFSET x.n - 1 LIMIT 1) AS same,
                EXISTS (SELECT 1 FROM articles a WHERE a.url = x.url) AS known
         FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS x(url, hash, n, i)`,
        [urls, rows.map((row) => row.article.contentHash), rows.map((row) => row.occurrence)],
      );
      const outcome: { id: string | null; outcome: 'created' | 'same' | 'newVersion' }[] = [];
      const fresh: number[] = [];
      const seen = new Set<string>();
      for (const row of known.rows) {
        const index = row.i - 1;
        const url = urls[index];
        if (row.same) outcome[index] = { id: row.same, outcome: 'same' };
        else if (row.known || seen.has(url)) outcome[index] = { id: null, outcome: 'newVersion' };
        else {
          fresh.push(index);
          outcome[index] = { id: null, outcome: 'created' };
        }
        seen.add(url);
      }
      if (fresh.length > 0) {
        const pick = <T>(f: (row: ArticleBatchRow) => T) => fresh.map((i) => f(rows[i]));
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO articles (url, title, text, content_hash, publisher_id, published_at, language)
           SELECT url, title, text, hash, publisher, published, language
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::timestamptz[], $7::text[])
             AS x(url, title, text, hash, publisher, published, language)
           RETURNING id::text AS id`,
          [
            pick((r) => r.article.url),
            pick((r) => r.article.title),
            pick((r) => r.article.text),
            pick((r) => r.article.contentHash),
            pick((r) => r.publisherId),
            pick((r) => r.article.publishedAt),
            pick((r) => r.article.language),
          ],
        );
        // INSERT … SELECT FROM unnest keeps the order of the arrays
        inserted.rows.forEach((row, k) => (outcome[fresh[k]].id = row.id));
        const authors = fresh.flatMap((i) =>
          rows[i].authorIds.map((actorId, position) => ({
            articleId: outcome[i].id!,
            actorId,
            position,
          })),
        );
        if (authors.length > 0) {
          await client.query(
            `INSERT INTO article_authors (article_id, actor_id, position)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) ON CONFLICT DO NOTHING`,
            [
              authors.map((a) => a.articleId),
              authors.map((a) => a.actorId),
              authors.map((a) => a.position),
            ],
          );
        }
        await client.query(
          `INSERT INTO claim_events (kind, actor_ids, by, payload)
           SELECT 'ARTICLE_INGESTED', actors, $3, json_build_object(
                    'articleId', rtrim(translate(encode(convert_to('Article:' || id, 'UTF8'), 'base64'), '+/', '-_'), '='),
                    'url', url, 'outcome', 'CREATED')::jsonb
           FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(id, url, i)
           CROSS JOIN LATERAL (SELECT coalesce(array_agg(actor_id ORDER BY ord), '{}') AS actors
                               FROM (SELECT publisher_id AS actor_id, 0 AS ord FROM articles WHERE articles.id = x.id
                                       AND publisher_id IS NOT NULL
                                     UNION ALL
                                     SELECT actor_id, position + 1 FROM article_authors WHERE article_id = x.id) ids) ids
           ORDER BY i`,
          [fresh.map((i) => outcome[i].id), pick((r) => r.article.url), by],
        );
      }
      await client.query('COMMIT');
      return outcome;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The id of the article with this URL and text (the newest, when a revert stored it twice). */
  async articleId(url: string, contentHash: string): Promise<string | null> {
    const [row] = await this.db.query<Pick<ArticleRow, 'id'>>(
      `SELECT id::text AS id FROM articles WHERE url = $1 AND content_hash = $2
       ORDER BY created_at DESC LIMIT 1`,
      [url, contentHash],
    );
    return row?.id ?? null;
  }
}
