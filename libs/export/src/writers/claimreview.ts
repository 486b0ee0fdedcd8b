/** What a ClaimReview is made of, as the repository reads it (one review of one claim). */
export interface ReviewedClaimRecord {
  claimId: string;
  claimText: string;
  claimFirstSeenAt: string | null;
  reviewId: string;
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  summary: string | null;
  url: string | null;
  publishedAt: string | null;
  reviewer: PartyRecord;
  /** who first made the claim (the earliest ASSERTS, else the earliest stance that relays it) */
  claimAuthor: PartyRecord | null;
  /** the articles in which a stance on the claim is written, earliest first */
  appearances: AppearanceRecord[];
}

export interface PartyRecord {
  name: string;
  kind: string;
  wikidataId: string | null;
}

export interface AppearanceRecord {
  url: string;
  title: string;
  publishedAt: string | null;
  publisher: PartyRecord | null;
}

/** schema.org types by actor kind: people are Persons, the rest Organizations. */
function party(record: PartyRecord): Record<string, unknown> {
  return {
    '@type': record.kind === 'PERSON' ? 'Person' : 'Organization',
    name: record.name,
    ...(record.wikidataId ? { sameAs: `https://www.wikidata.org/wiki/${record.wikidataId}` } : {}),
  };
}

function creativeWork(appearance: AppearanceRecord): Record<string, unknown> {
  return {
    '@type': 'CreativeWork',
    url: appearance.url,
    headline: appearance.title,
    ...(appearance.publishedAt ? { datePublished: appearance.publishedAt } : {}),
    ...(appearance.publisher ? { publisher: party(appearance.publisher) } : {}),
  };
}

/**
 * A schema.org ClaimReview (as Google's fact-check markup reads it) for one review of one claim:
 * the claim reviewed, the rating with its scale and its words, who reviewed it and when, and the
 * claim as a schema.org Claim with its author, every appearance and the first one.
 */
export function toClaimReview(
  record: ReviewedClaimRecord,
  claimUrl: string,
): Record<string, unknown> {
  const first = record.appearances[0];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': `${claimUrl}#review-${record.reviewId}`,
    url: record.url ?? claimUrl,
    claimReviewed: record.claimText,
    ...(record.summary ? { description: record.summary } : {}),
    datePublished: record.publishedAt,
    author: party(record.reviewer),
    reviewRating: {
      '@type': 'Rating',
      alternateName: record.rating,
      ...(record.ratingValue !== null ? { ratingValue: record.ratingValue } : {}),
      ...(record.bestRating !== null ? { bestRating: record.bestRating } : {}),
      ...(record.worstRating !== null ? { worstRating: record.worstRating } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(record.claimAuthor ? { author: party(record.claimAuthor) } : {}),
      ...(record.claimFirstSeenAt ? { datePublished: record.claimFirstSeenAt } : {}),
      appearance: record.appearances.map(creativeWork),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
  };
}
