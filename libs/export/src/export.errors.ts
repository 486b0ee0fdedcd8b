import { DomainError, ErrorCode, toGlobalId } from '@claimtrace/core';
import type { ReviewStanding } from './repositories/export.repository';

/**
 * A claim that has no ClaimReview to show (NOT_FOUND, HTTP 404), saying why and what to do: it has
 * no review, its reviews are drafts (no url or publishedAt yet) or were retracted, or it was merged.
 */
export class NoPublishedReview extends DomainError {
  constructor(claimId: string, standing: ReviewStanding) {
    super(ErrorCode.NOT_FOUND, NoPublishedReview.explain(claimId, standing), {
      entity: 'ClaimReview',
      id: claimId,
      reviews: standing.reviews,
      drafts: standing.drafts,
      retracted: standing.retracted,
    });
  }

  private static explain(id: string, standing: ReviewStanding): string {
    const { reviews, drafts, retracted, mergedIntoId } = standing;
    if (mergedIntoId) {
      return `Claim "${id}" was merged into "${toGlobalId('Claim', mergedIntoId)}", which has its reviews: ask for that claim's ClaimReview.`;
    }
    const claim = `Claim "${id}" has no published review`;
    if (reviews === 0) {
      return `${claim}: it has not been reviewed yet. Add a review with addReview, with its url and publishedAt, to publish one.`;
    }
    const parts = [
      drafts > 0 &&
        `${drafts} ${drafts === 1 ? 'is a draft' : 'are drafts'} (a review is published once it has url and publishedAt: set them with updateReview)`,
      retracted > 0 && `${retracted} ${retracted === 1 ? 'was' : 'were'} retracted`,
    ].filter(Boolean);
    return `${claim}: of its ${reviews} review${reviews === 1 ? '' : 's'}, ${parts.join(', and ')}.`;
  }
}
