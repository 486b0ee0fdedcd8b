import { Injectable } from '@nestjs/common';
import {
  ArticleAuthorRow,
  ArticleRow,
  Database,
  PassageRow,
  ReanchoredPassageRow,
  Tx,
} from '@claimtrace/database';
import { ACTOR_COLUMNS, ActorRecord } from '@claimtrace/actors';
import { selectColumns } from '@claimtrace/core';
import { ArticleRecord } from '../dtos/article.object';
import { PassageObject, PassageRecord, ReanchoredRecord } from '../dtos/passage.object';
import {
  ARTICLE_RECORD_COLUMNS,
  PASSAGE_RECORD_COLUMNS,
  passageReader,
  passageWithArticleColumns,
} from './passage-columns';

const readPassage = passageReader();

/** An article (alias `articles`) that no newer version replaced. */
export const NOT_SUPERSEDED = `NOT EXISTS (SELECT 1 FROM articles n WHERE n.previous_version_id = articles.id)`;

const ARTICLE_COLUMNS = `${selectColumns(ARTICLE_RECORD_COLUMNS, 'articles')}, articles.created_at AS "createdAt"`;
const PASSAGE_COLUMNS = selectColumns(PASSAGE_RECORD_COLUMNS, 'passages');
const PASSAGE_JOINED = `${passageWithArticleColumns('p', 'a')} FROM passages p JOIN articles a ON a.id = p.article_id`;

export type NewArticle = Pick<
  ArticleRow,
  | 'url'
  | 'title'
  | 'text'
  | 'contentHash'
  | 'publisherId'
  | 'publishedAt'
  | 'language'
  | 'previousVersionId'
  | 'fetchedAt'
  | 'htmlHash'
>;

export type NewPassage = Pick<
  PassageRow,
  'articleId' | 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'language'
>;

/** All SQL about articles and their passages. */
@Injectable()
export class ArticlesRepository {
  constructor(private readonly db: Database) {}

  findByIds(ids: readonly string[]): Promise<ArticleRecord[]> {
    return this.db.query<ArticleRecord>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  textsByIds(ids: readonly string[]): Promise<Pick<ArticleRow, 'id' | 'text'>[]> {
    return this.db.query(`SELECT id, text FROM articles WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Articles newest first, continuing after a (createdAt, id) key; only the latest version of
   * each URL unless `includeSuperseded`.
   */
  async page(
    limit: number,
    after: [string, string] | null,
    includeSuperseded: boolean,
  ): Promise<{ rows: ArticleRecord[]; totalCount: number }> {
    const params: unknown[] = [limit + 1];
    const latest = includeSuperseded ? [] : [NOT_SUPERSEDED];
    const where = [...latest];
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(created_at, id) < ($2::timestamptz, $3::uuid)`);
    }
    const clause = (parts: string[]) => (parts.length ? `WHERE ${parts.join(' AND ')}` : '');
    const [rows, [{ count }]] = await Promise.all([
      this.db.query<ArticleRecord>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles ${clause(where)} ORDER BY created_at DESC, id DESC LIMIT $1`,
        params,
      ),
      this.db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM articles ${clause(latest)}`,
      ),
    ]);
    return { rows, totalCount: count };
  }

  /** Every version of each of these URLs, oldest first (the chain of previous_version_id). */
  versionsOf(urls: readonly string[]): Promise<ArticleRecord[]> {
    return this.db.query<ArticleRecord>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE url = ANY($1::text[]) ORDER BY url, created_at, id`,
      [urls],
    );
  }

  /** Serialises ingests of one URL until the transaction ends. */
  async lockUrl(tx: Tx, url: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('article:' || ${url}))`;
  }

  /** The newest version of a URL: the one no other version replaced. */
  async latestVersion(
    tx: Tx,
    url: string,
  ): Promise<(ArticleRecord & Pick<ArticleRow, 'text'>) | null> {
    const rows = await tx.$queryRawUnsafe<(ArticleRecord & Pick<ArticleRow, 'text'>)[]>(
      `SELECT ${ARTICLE_COLUMNS}, text FROM articles WHERE url = $1 AND ${NOT_SUPERSEDED}
       ORDER BY created_at DESC LIMIT 1`,
      url,
    );
    return rows[0] ?? null;
  }

  async create(tx: Tx, article: NewArticle): Promise<ArticleRecord> {
    const rows = await tx.$queryRawUnsafe<ArticleRecord[]>(
      `INSERT INTO articles (url, title, text, content_hash, publisher_id, published_at, language,
                             previous_version_id, created_at, fetched_at, html_hash)
       VALUES ($1, $2, $3, $4, $5::uuid, $6::timestamptz, $7, $8::uuid, $9::timestamptz,
               $10::timestamptz, $11)
       RETURNING ${ARTICLE_COLUMNS}`,
      article.url,
      article.title,
      article.text,
      article.contentHash,
      article.publisherId,
      article.publishedAt,
      article.language,
      article.previousVersionId,
      new Date(),
      article.fetchedAt,
      article.htmlHash,
    );
    return rows[0];
  }

  async setAuthors(tx: Tx, articleId: string, actorIds: string[]): Promise<void> {
    if (actorIds.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO article_authors (article_id, actor_id, position)
      SELECT ${articleId}::uuid, x.actor_id, x.n::int - 1
      FROM unnest(${actorIds}::uuid[]) WITH ORDINALITY AS x(actor_id, n)
      ON CONFLICT DO NOTHING`;
  }

  /** Each article's authors, in their order, with their actors' columns: one statement. */
  authorsOf(
    articleIds: readonly string[],
  ): Promise<(ActorRecord & Pick<ArticleAuthorRow, 'articleId'>)[]> {
    return this.db.query(
      `SELECT aa.article_id AS "articleId", ${selectColumns(ACTOR_COLUMNS, 'ac')}
       FROM article_authors aa JOIN actors ac ON ac.id = aa.actor_id
       WHERE aa.article_id = ANY($1::uuid[]) ORDER BY aa.position`,
      [articleIds],
    );
  }

  async passagesByIds(ids: readonly string[]): Promise<PassageObject[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT ${PASSAGE_JOINED} WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => readPassage(row));
  }

  async passagesOf(articleIds: readonly string[]): Promise<PassageObject[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT ${PASSAGE_JOINED} WHERE p.article_id = ANY($1::uuid[]) ORDER BY p.start, p."end"`,
      [articleIds],
    );
    return rows.map((row) => readPassage(row));
  }

  async passagesOfTx(tx: Tx, articleId: string): Promise<PassageRecord[]> {
    return tx.$queryRawUnsafe<PassageRecord[]>(
      `SELECT ${PASSAGE_COLUMNS} FROM passages WHERE article_id = $1::uuid ORDER BY start, "end"`,
      articleId,
    );
  }

  async passagesExist(tx: Tx, ids: string[]): Promise<string[]> {
    const rows = await tx.$queryRaw<Pick<PassageRow, 'id'>[]>`
      SELECT id::text AS id FROM passages WHERE id = ANY(${ids}::uuid[])`;
    return rows.map((row) => row.id);
  }

  async articleText(
    tx: Tx,
    id: string,
  ): Promise<Pick<ArticleRow, 'text' | 'language' | 'url'> | null> {
    const rows = await tx.$queryRaw<Pick<ArticleRow, 'text' | 'language' | 'url'>[]>`
      SELECT text, language, url FROM articles WHERE id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  /**
   * The passage with this span, created when it does not exist yet. Two statements: when a
   * concurrent transaction inserted the same span first, the INSERT waits for it and does nothing,
   * and only a statement started after that sees its row (a SELECT in the INSERT's own statement
   * still has the snapshot from before, and finds nothing).
   */
  async findOrCreatePassage(tx: Tx, passage: NewPassage): Promise<PassageRecord> {
    const [inserted] = await tx.$queryRawUnsafe<PassageRecord[]>(
      `INSERT INTO passages (article_id, start, "end", exact, prefix, suffix, language)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (article_id, start, "end") DO NOTHING
       RETURNING ${PASSAGE_COLUMNS}`,
      passage.articleId,
      passage.start,
      passage.end,
      passage.exact,
      passage.prefix,
      passage.suffix,
      passage.language,
    );
    if (inserted) return inserted;
    const [existing] = await tx.$queryRawUnsafe<PassageRecord[]>(
      `SELECT ${PASSAGE_COLUMNS} FROM passages WHERE article_id = $1::uuid AND start = $2 AND "end" = $3`,
      passage.articleId,
      passage.start,
      passage.end,
    );
    return existing;
  }

  async recordReanchoring(
    tx: Tx,
    articleId: string,
    rows: Pick<
      ReanchoredPassageRow,
      'fromPassageId' | 'toPassageId' | 'status' | 'score' | 'reason'
    >[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO reanchored_passages (article_id, from_passage_id, to_passage_id, status, score, reason)
      SELECT ${articleId}::uuid, x.from_id, x.to_id, x.status, x.score, x.reason
      FROM unnest(${rows.map((row) => row.fromPassageId)}::uuid[],
                  ${rows.map((row) => row.toPassageId)}::uuid[],
                  ${rows.map((row) => row.status)}::anchor_status[],
                  ${rows.map((row) => row.score)}::float8[],
                  ${rows.map((row) => row.reason)}::text[]) AS x(from_id, to_id, status, score, reason)`;
  }

  reanchoredOf(
    articleIds: readonly string[],
  ): Promise<(ReanchoredRecord & { articleId: string })[]> {
    return this.db.query(
      `SELECT r.article_id AS "articleId", r.from_passage_id AS "fromPassageId",
              r.to_passage_id AS "toPassageId", r.status, r.score, r.reason
       FROM reanchored_passages r JOIN passages p ON p.id = r.from_passage_id
       WHERE r.article_id = ANY($1::uuid[]) ORDER BY p.start, p."end"`,
      [articleIds],
    );
  }
}
