import { BadInputError } from '@claimtrace/core';

export interface RatingScale {
  ratingValue?: number | null;
  bestRating?: number | null;
  worstRating?: number | null;
}

/**
 * Checks a review's numeric rating as schema.org reads it: a scale is both ends, its best above its
 * worst (worstRating 1, bestRating 5), and a ratingValue needs the scale and lies on it. A mistake
 * is a BAD_USER_INPUT naming the fields (`arguments`) and what to send.
 */
export function checkRatingScale({ ratingValue, bestRating, worstRating }: RatingScale): void {
  const hasBest = bestRating != null;
  const hasWorst = worstRating != null;
  if (hasBest !== hasWorst) {
    const [given, missing] = hasBest
      ? ['bestRating', 'worstRating']
      : ['worstRating', 'bestRating'];
    throw new BadInputError(
      `${given} needs ${missing}: a rating scale has both ends (e.g. worstRating 1, bestRating 5).`,
      { arguments: [given, missing] },
    );
  }
  if (hasBest && bestRating <= worstRating!) {
    throw new BadInputError(
      `bestRating (${bestRating}) must be above worstRating (${worstRating}), e.g. worstRating 1 and bestRating 5.`,
      { arguments: ['bestRating', 'worstRating'] },
    );
  }
  if (ratingValue == null) return;
  if (!hasBest) {
    throw new BadInputError(
      'ratingValue needs its scale: give bestRating and worstRating too (e.g. worstRating 1, bestRating 5).',
      { arguments: ['ratingValue', 'bestRating', 'worstRating'] },
    );
  }
  if (ratingValue < worstRating! || ratingValue > bestRating!) {
    throw new BadInputError(
      `ratingValue ${ratingValue} is outside the scale from worstRating ${worstRating} to bestRating ${bestRating}.`,
      { arguments: ['ratingValue'] },
    );
  }
}
