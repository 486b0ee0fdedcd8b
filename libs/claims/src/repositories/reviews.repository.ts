import { Injectable } from '@nestjs/common';
import { ColumnSpec, columnList } from '@claimtrace/core';
import { Database, ReviewRow, Tx } from '@claimtrace/database';
import { ReviewRecord } from '../dtos/review.object';

const REVIEW_RECORD_COLUMNS: ColumnSpec<ReviewRow, ReviewRecord> = [
  ['id', 'id'],
  ['claim_id', 'claimId'],
  ['rating', 'rating'],
  ['rating_value', 'ratingValue'],
  ['best_rating', 'bestRating'],
  ['worst_rating', 'worstRating'],
  ['reviewer_id', 'reviewerId'],
  ['summary', 'summary'],
  ['url', 'url'],
  ['published_at', 'publishedAt'],
  ['in_language', 'inLanguage'],
  ['retracted_at', 'retractedAt'],
  ['retracted_reason', 'retractedReason'],
];
const REVIEW_COLUMNS = columnList(REVIEW_RECORD_COLUMNS);

/** What an editor may change of a review (`update` casts each to its column's type). */
export type ReviewChanges = Partial<
  Pick<
    ReviewRecord,
    | 'rating'
    | 'ratingValue'
    | 'bestRating'
    | 'worstRating'
    | 'summary'
    | 'url'
    | 'publishedAt'
    | 'inLanguage'
  >
>;
const CHANGEABLE_COLUMNS: ColumnSpec<ReviewRow, Required<ReviewChanges>> = [
  ['rating', 'rating'],
  ['rating_value', 'ratingValue'],
  ['best_rating', 'bestRating'],
  ['worst_rating', 'worstRating'],
  ['summary', 'summary'],
  ['url', 'url'],
  ['published_at', 'publishedAt'],
  ['in_language', 'inLanguage'],
];
const COLUMN_TYPES: Record<(typeof CHANGEABLE_COLUMNS)[number][0], string> = {
  rating: 'text',
  rating_value: 'float8',
  best_rating: 'float8',
  worst_rating: 'float8',
  summary: 'text',
  url: 'text',
  published_at: 'timestamptz',
  in_language: 'text',
};

export type NewReview = Omit<ReviewRecord, 'id' | 'retractedAt' | 'retractedReason'> &
  Pick<ReviewRow, 'createdBy'>;

/** All SQL about reviews of claims. */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly db: Database) {}

  async add(tx: Tx, review: NewReview): Promise<ReviewRecord> {
    const now = new Date();
    const rows = await tx.$queryRawUnsafe<ReviewRecord[]>(
      `INSERT INTO reviews (claim_id, rating, rating_value, best_rating, worst_rating, reviewer_id,
                            summary, url, published_at, in_language, created_by, created_at,
                            updated_at)
       VALUES ($1::uuid, $2, $3::float8, $4::float8, $5::float8, $6::uuid, $7, $8, $9::timestamptz,
               $10, $11, $12::timestamptz, $12::timestamptz)
       RETURNING ${REVIEW_COLUMNS}`,
      review.claimId,
      review.rating,
      review.ratingValue,
      review.bestRating,
      review.worstRating,
      review.reviewerId,
      review.summary,
      review.url,
      review.publishedAt,
      review.inLanguage,
      review.createdBy,
      now,
    );
    return rows[0];
  }

  /** Whether the claim has a published review (url and publishedAt) that is not retracted. */
  async hasPublished(tx: Tx, claimId: string): Promise<boolean> {
    const rows = await tx.$queryRawUnsafe<{ published: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM reviews WHERE claim_id = $1::uuid AND url IS NOT NULL
         AND published_at IS NOT NULL AND retracted_at IS NULL) AS published`,
      claimId,
    );
    return rows[0].published;
  }

  /** The review, locked until the transaction ends (null when there is none). */
  async lock(tx: Tx, id: string): Promise<ReviewRecord | null> {
    const rows = await tx.$queryRawUnsafe<ReviewRecord[]>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = $1::uuid FOR UPDATE`,
      id,
    );
    return rows[0] ?? null;
  }

  async update(tx: Tx, id: string, changes: ReviewChanges): Promise<ReviewRecord> {
    const params: unknown[] = [id, new Date()];
    const set = ['updated_at = $2::timestamptz'];
    for (const [column, key] of CHANGEABLE_COLUMNS) {
      if (changes[key] === undefined) continue;
      params.push(changes[key]);
      set.push(`${column} = $${params.length}::${COLUMN_TYPES[column]}`);
    }
    const rows = await tx.$queryRawUnsafe<ReviewRecord[]>(
      `UPDATE reviews SET ${set.join(', ')} WHERE id = $1::uuid RETURNING ${REVIEW_COLUMNS}`,
      ...params,
    );
    return rows[0];
  }

  async retract(tx: Tx, id: string, reason: string, by: string | null): Promise<ReviewRecord> {
    const rows = await tx.$queryRawUnsafe<ReviewRecord[]>(
      `UPDATE reviews SET retracted_at = $2::timestamptz, updated_at = $2::timestamptz,
              retracted_reason = $3, retracted_by = $4
       WHERE id = $1::uuid RETURNING ${REVIEW_COLUMNS}`,
      id,
      new Date(),
      reason,
      by,
    );
    return rows[0];
  }

  /** Every review of these claims, retracted ones included (they stay in history), oldest first. */
  reviewsOf(claimIds: readonly string[]): Promise<ReviewRecord[]> {
    return this.db.query<ReviewRecord>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE claim_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [claimIds],
    );
  }

  reviewsByIds(ids: readonly string[]): Promise<ReviewRecord[]> {
    return this.db.query<ReviewRecord>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
