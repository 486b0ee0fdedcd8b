import { Inject, Injectable } from '@nestjs/common';
import { ActorsService } from '@claimtrace/actors';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  keyOf,
  NotFoundError,
  toGlobalId,
} from '@claimtrace/core';
import { ClaimEventKind, Database, Tx } from '@claimtrace/database';
import { EventLogService } from '@claimtrace/events';
import { ReviewNeedsChecklist, ReviewRetracted } from '../claims.errors';
import { AddReviewInput, RetractReviewInput, UpdateReviewInput } from '../dtos/review.inputs';
import { ReviewObject, ReviewRecord } from '../dtos/review.object';
import { ReviewChanges, ReviewsRepository } from '../repositories/reviews.repository';
import { checkPublishedAt } from '../reviews/published-at';
import { checkRatingScale } from '../reviews/rating-scale';
import { reviewUrl } from '../reviews/review-url';
import { VERDICTS } from '../status/transitions';
import { ClaimRecord } from '../dtos/claim.object';
import { ClaimsService, visible } from './claims.service';

/** The fields an update may change, in the order the event log lists them. */
const CHANGEABLE = [
  'rating',
  'ratingValue',
  'bestRating',
  'worstRating',
  'summary',
  'url',
  'publishedAt',
  'inLanguage',
] as const satisfies readonly (keyof ReviewChanges)[];

/**
 * Reviews of claims: added, edited and retracted by editors, each change logged as an event in the
 * same transaction. A review is published (in the ClaimReview feed) once it has its own url and
 * publishedAt; a retracted one leaves the feed and stays in the claim's history.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly db: Database,
    private readonly reviews: ReviewsRepository,
    private readonly claims: ClaimsService,
    private readonly actors: ActorsService,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async add(input: AddReviewInput, by: string | null): Promise<ReviewObject> {
    const claimKey = keyOf(input.claimId, 'Claim', 'claimId');
    const reviewerKey = keyOf(input.reviewerId, 'Actor', 'reviewerId');
    const fields = this.checked({
      rating: visible(input.rating, 'rating'),
      ratingValue: input.ratingValue ?? null,
      bestRating: input.bestRating ?? null,
      worstRating: input.worstRating ?? null,
      summary: input.summary ?? null,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? null,
      inLanguage: input.inLanguage ?? null,
    });
    return this.db.transaction(async (tx) => {
      const claim = await this.claims.lockCurrent(tx, claimKey, input.claimId);
      await this.actors.requireKey(tx, reviewerKey, input.reviewerId);
      await this.requireChecklist(tx, claim, fields);
      const row = await this.reviews.add(tx, {
        ...fields,
        inLanguage: fields.inLanguage ?? claim.language,
        claimId: claimKey,
        reviewerId: reviewerKey,
        createdBy: by,
      });
      const review = ReviewObject.from(row);
      await this.log(tx, ClaimEventKind.REVIEW_ADDED, row, by, {
        rating: review.rating,
        url: review.url,
        publishedAt: review.publishedAt,
        inLanguage: review.inLanguage,
      });
      return review;
    });
  }

  /** Changes the fields given (null clears one); the rules hold for the review as it ends up. */
  async update(input: UpdateReviewInput, by: string | null): Promise<ReviewObject> {
    const key = keyOf(input.reviewId, 'Review', 'reviewId');
    if (input.rating === null) {
      throw new BadInputError('rating cannot be removed: give its new name, or leave it out.', {
        argument: 'rating',
      });
    }
    const given: ReviewChanges = {};
    for (const field of CHANGEABLE) {
      if (input[field] !== undefined) Object.assign(given, { [field]: input[field] });
    }
    if (given.rating != null) given.rating = visible(given.rating, 'rating');
    return this.db.transaction(async (tx) => {
      const current = await this.lockOpen(tx, key, input.reviewId);
      const next = this.checked({ ...current, ...given });
      const changed = CHANGEABLE.filter(
        (field) => given[field] !== undefined && !same(current[field], next[field]),
      );
      if (changed.length === 0) return ReviewObject.from(current);
      const claimId = toGlobalId('Claim', current.claimId);
      await this.requireChecklist(
        tx,
        await this.claims.lockCurrent(tx, current.claimId, claimId),
        next,
      );
      const changes = Object.fromEntries(changed.map((field) => [field, next[field]]));
      const row = await this.reviews.update(tx, key, changes);
      await this.log(tx, ClaimEventKind.REVIEW_UPDATED, row, by, {
        before: Object.fromEntries(changed.map((field) => [field, current[field]])),
        after: changes,
      });
      return ReviewObject.from(row);
    });
  }

  /** Takes a review out of the public feed for good; it stays in history with the reason. */
  async retract(input: RetractReviewInput, by: string | null): Promise<ReviewObject> {
    const key = keyOf(input.reviewId, 'Review', 'reviewId');
    const reason = visible(input.reason, 'reason');
    return this.db.transaction(async (tx) => {
      await this.lockOpen(tx, key, input.reviewId);
      const row = await this.reviews.retract(tx, key, reason, by);
      await this.log(tx, ClaimEventKind.REVIEW_RETRACTED, row, by, { reason });
      return ReviewObject.from(row);
    });
  }

  /**
   * A review that ends up published is a verdict: the claim's checklist must have done what a
   * verdict needs (the second review), counted as changeStatus counts it. A draft passes.
   */
  private async requireChecklist(
    tx: Tx,
    claim: ClaimRecord,
    review: Pick<ReviewChanges, 'url' | 'publishedAt'>,
  ): Promise<void> {
    if (review.url == null || review.publishedAt == null) return;
    const undone = await this.claims.undoneItems(tx, claim, VERDICTS);
    if (undone.length > 0) throw new ReviewNeedsChecklist(undone);
  }

  /** The review, locked; a missing one is NOT_FOUND, a retracted one CONFLICT. */
  private async lockOpen(tx: Tx, key: string, id: string): Promise<ReviewRecord> {
    const current = await this.reviews.lock(tx, key);
    if (!current) throw new NotFoundError('Review', id);
    if (current.retractedAt)
      throw new ReviewRetracted(id, current.retractedAt, current.retractedReason);
    return current;
  }

  /**
   * The fields with the publishing rules applied: the rating's scale, a publication date not in
   * the future, and a url others can open.
   */
  private checked<F extends Required<ReviewChanges>>(fields: F): F {
    checkRatingScale(fields);
    checkPublishedAt(fields.publishedAt);
    return {
      ...fields,
      url: fields.url == null ? null : reviewUrl(fields.url, this.config.PUBLIC_BASE_URL),
    };
  }

  private async log(
    tx: Tx,
    kind: ClaimEventKind,
    row: ReviewRecord,
    by: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    const review = ReviewObject.from(row);
    await this.events.append(tx, {
      kind,
      claimId: row.claimId,
      actorIds: [row.reviewerId],
      by,
      payload: {
        claimId: toGlobalId('Claim', row.claimId),
        reviewId: review.id,
        // public reads see a review event's details only once the review is published
        published: review.published,
        ...details,
      },
    });
  }
}

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}
