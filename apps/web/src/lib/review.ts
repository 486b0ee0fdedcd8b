// The review form's fields as the inputs take them (strings), and back to the API's input.

/** What the review form edits; every field as its input holds it. */
export interface ReviewFields {
  rating: string;
  ratingValue: string;
  worstRating: string;
  bestRating: string;
  summary: string;
  url: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone (an `<input type="datetime-local">`) */
  publishedAt: string;
  inLanguage: string;
}

/** The fields that go to addReview and updateReview (the API checks them and says what is wrong). */
export interface ReviewInputFields {
  rating: string;
  ratingValue: number | null;
  worstRating: number | null;
  bestRating: number | null;
  summary: string | null;
  url: string | null;
  publishedAt: string | null;
  inLanguage: string | null;
}

export const EMPTY_REVIEW: ReviewFields = {
  rating: '',
  ratingValue: '',
  worstRating: '',
  bestRating: '',
  summary: '',
  url: '',
  publishedAt: '',
  inLanguage: '',
};

const text = (value: string) => value.trim() || null;
const number = (value: string) => (value.trim() === '' ? null : Number(value));

/** The form's strings as the API's input: blank is null, numbers parsed, the time as ISO 8601. */
export function reviewInput(fields: ReviewFields): ReviewInputFields {
  return {
    rating: fields.rating.trim(),
    ratingValue: number(fields.ratingValue),
    worstRating: number(fields.worstRating),
    bestRating: number(fields.bestRating),
    summary: text(fields.summary),
    url: text(fields.url),
    publishedAt: fields.publishedAt ? isoTime(fields.publishedAt) : null,
    inLanguage: text(fields.inLanguage),
  };
}

/**
 * A `datetime-local` value as ISO 8601 at UTC; one that JavaScript's Date cannot hold (the input
 * takes years up to 275760) goes as typed, and the API answers what is wrong with it.
 */
function isoTime(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** A review as the form shows it, to edit it. */
export function reviewFields(review: {
  rating: string;
  ratingValue?: number | null;
  worstRating?: number | null;
  bestRating?: number | null;
  summary?: string | null;
  url?: string | null;
  publishedAt?: unknown;
  inLanguage?: string | null;
}): ReviewFields {
  const shown = (value: number | null | undefined) => (value == null ? '' : String(value));
  return {
    rating: review.rating,
    ratingValue: shown(review.ratingValue),
    worstRating: shown(review.worstRating),
    bestRating: shown(review.bestRating),
    summary: review.summary ?? '',
    url: review.url ?? '',
    publishedAt: typeof review.publishedAt === 'string' ? localInput(review.publishedAt) : '',
    inLanguage: review.inLanguage ?? '',
  };
}

/** An ISO time as `<input type="datetime-local">` shows it, in the browser's time zone. */
export function localInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** Where a review stands: a draft until it has its url and date, published, or retracted. */
export function reviewState(review: {
  url?: string | null;
  publishedAt?: unknown;
  retracted: boolean;
}): 'draft' | 'published' | 'retracted' {
  if (review.retracted) return 'retracted';
  return review.url && review.publishedAt ? 'published' : 'draft';
}

/** The fields an edit changed (to send to updateReview): the others stay as the server has them. */
export function changedFields(
  before: ReviewFields,
  after: ReviewFields,
): Partial<ReviewInputFields> {
  const was = reviewInput(before);
  const now = reviewInput(after);
  return Object.fromEntries(
    (Object.keys(now) as (keyof ReviewInputFields)[])
      .filter((key) => now[key] !== was[key])
      .map((key) => [key, now[key]]),
  );
}
