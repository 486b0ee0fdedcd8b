import { isLocalUrl } from '@claimtrace/core';

/** What a ClaimReview is made of, as the repository reads it (one published review of one claim). */
export interface ReviewedClaimRecord {
  claimId: string;
  claimText: string;
  claimFirstSeenAt: string | null;
  /** BCP 47 tag of the claim */
  claimLanguage: string | null;
  reviewId: string;
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  summary: string | null;
  /** where the review is published (absolute http(s); only published reviews are read) */
  url: string;
  publishedAt: string;
  /** BCP 47 tag of the review (the claim's when the review has none) */
  inLanguage: string | null;
  reviewer: PartyRecord;
  /** who first made the claim (the earliest ASSERTS, else the earliest stance that relays it) */
  claimAuthor: PartyRecord | null;
  /** one per URL (its latest version), by first publication */
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

/** The organisation that publishes the reviews (REVIEW_ORGANIZATION_NAME and _URL). */
export interface ReviewingOrganization {
  name: string;
  url: string | null;
}

export interface ClaimReviewContext {
  /** the claim's address on PUBLIC_BASE_URL, the `@id` base; null when that is this machine */
  claimUrl: string | null;
  /** the configured organisation, the ClaimReview's `author`; else the review's reviewer */
  organization: ReviewingOrganization | null;
}

/** Actor kinds that name a person or an organisation; the others (anonymous sources, accounts) do not. */
const NAMED_KINDS = new Set(['PERSON', 'ORGANIZATION', 'GOVERNMENT_BODY', 'MEDIA_OUTLET']);

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

function author(record: ReviewedClaimRecord, organization: ReviewingOrganization | null) {
  if (!organization) return party(record.reviewer);
  return {
    '@type': 'Organization',
    name: organization.name,
    ...(organization.url ? { url: organization.url } : {}),
  };
}

/**
 * A schema.org ClaimReview with what Google's fact-check markup requires (claimReviewed,
 * reviewRating with alternateName, url) and recommends (author, datePublished, itemReviewed: a
 * Claim with its author, date, appearances and first appearance), for one published review. The
 * claim's author is given only when it is a named person or organisation: an anonymous source is
 * nobody's name.
 */
export function toClaimReview(
  record: ReviewedClaimRecord,
  context: ClaimReviewContext,
): Record<string, unknown> {
  // an article read from this machine or a private network (a local copy) is nowhere a reader can go
  const appearances = record.appearances.filter((appearance) => !isLocalUrl(appearance.url));
  const first = appearances[0];
  const claimAuthor =
    record.claimAuthor && NAMED_KINDS.has(record.claimAuthor.kind) ? record.claimAuthor : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    ...(context.claimUrl ? { '@id': `${context.claimUrl}#review-${record.reviewId}` } : {}),
    url: record.url,
    claimReviewed: record.claimText,
    ...(record.summary ? { description: record.summary } : {}),
    datePublished: record.publishedAt,
    ...(record.inLanguage ? { inLanguage: record.inLanguage } : {}),
    author: author(record, context.organization),
    reviewRating: {
      '@type': 'Rating',
      alternateName: record.rating,
      name: record.rating,
      ...(record.ratingValue !== null ? { ratingValue: record.ratingValue } : {}),
      ...(record.bestRating !== null ? { bestRating: record.bestRating } : {}),
      ...(record.worstRating !== null ? { worstRating: record.worstRating } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claimAuthor ? { author: party(claimAuthor) } : {}),
      ...(record.claimFirstSeenAt ? { datePublished: record.claimFirstSeenAt } : {}),
      ...(record.claimLanguage ? { inLanguage: record.claimLanguage } : {}),
      appearance: appearances.map(creativeWork),
      ...(first ? { firstAppearance: creativeWork(first) } : {}),
    },
  };
}
