import { Injectable } from '@nestjs/common';
import { ExtractedAttribution } from '@claimtrace/extraction';
import { Database, Tx } from '@claimtrace/database';

const INSERT = `INSERT INTO article_suggestions (article_id, extractor_version, suggestions)
  VALUES ($1::uuid, $2, $3::json) ON CONFLICT DO NOTHING RETURNING article_id`;

/** What an article's lazily computed suggestions need: the stored ones, else the text. */
export interface SuggestionsOrText {
  suggestions: ExtractedAttribution[] | null;
  text: string | null;
  /** The article's declared language, which chooses the extraction rules (else detected). */
  language: string | null;
}

/** All SQL about the stored suggestions of articles (`article_suggestions`). */
@Injectable()
export class SuggestionsRepository {
  constructor(private readonly db: Database) {}

  /** The suggestions stored for these articles by this extractor version (missing: none yet). */
  stored(
    articleIds: readonly string[],
    version: string,
  ): Promise<{ articleId: string; suggestions: ExtractedAttribution[] }[]> {
    return this.db.query(
      `SELECT article_id AS "articleId", suggestions FROM article_suggestions
       WHERE article_id = ANY($1::uuid[]) AND extractor_version = $2`,
      [articleIds, version],
    );
  }

  /**
   * The stored suggestions of one article, or its text when there are none yet (both null: no
   * such article). A statement of its own, so it sees what other transactions committed meanwhile.
   */
  async storedOrText(articleId: string, version: string): Promise<SuggestionsOrText> {
    const [row] = await this.db.query<SuggestionsOrText>(
      `SELECT s.suggestions, CASE WHEN s.article_id IS NULL THEN a.text END AS text, a.language
       FROM articles a LEFT JOIN article_suggestions s
         ON s.article_id = a.id AND s.extractor_version = $2
       WHERE a.id = $1::uuid`,
      [articleId, version],
    );
    return row ?? { suggestions: null, text: null, language: null };
  }

  /**
   * Stores an article's suggestions unless some are already stored for this version (a concurrent
   * reader, or another instance, was first); answers whether these were stored.
   */
  async store(
    articleId: string,
    version: string,
    suggestions: ExtractedAttribution[],
  ): Promise<boolean> {
    const rows = await this.db.query(INSERT, [articleId, version, JSON.stringify(suggestions)]);
    return rows.length > 0;
  }

  /** `store` inside a transaction (at ingest, with the article's row). */
  async storeIn(
    tx: Tx,
    articleId: string,
    version: string,
    suggestions: ExtractedAttribution[],
  ): Promise<void> {
    await tx.$executeRawUnsafe(INSERT, articleId, version, JSON.stringify(suggestions));
  }
}
