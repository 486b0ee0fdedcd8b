import { describe, expect, it } from 'vitest';
import {
  changedFields,
  EMPTY_REVIEW,
  localInput,
  reviewFields,
  reviewInput,
  reviewState,
} from './review';

describe('the review form', () => {
  it('sends blanks as null, numbers as numbers and the time as ISO 8601', () => {
    const input = reviewInput({
      ...EMPTY_REVIEW,
      rating: ' False ',
      ratingValue: '1',
      worstRating: '0.5',
      bestRating: '5',
      url: ' /reviews/42 ',
      publishedAt: localInput('2026-03-03T10:00:00.000Z'),
    });
    expect(input).toEqual({
      rating: 'False',
      ratingValue: 1,
      worstRating: 0.5,
      bestRating: 5,
      summary: null,
      url: '/reviews/42',
      publishedAt: '2026-03-03T10:00:00.000Z',
      inLanguage: null,
    });
  });

  it('sends a date the browser cannot hold as typed, for the API to say what is wrong', () => {
    // <input type="datetime-local"> takes years up to 275760; JavaScript's Date stops before
    const input = reviewInput({ ...EMPTY_REVIEW, publishedAt: '275760-09-13T23:00' });
    expect(input.publishedAt).toBe('275760-09-13T23:00');
  });

  it('shows a review to edit, and sends it back unchanged', () => {
    const review = {
      rating: 'Misleading',
      ratingValue: 2,
      worstRating: 1,
      bestRating: 5,
      summary: 'Half true.',
      url: 'https://checks.example/1',
      publishedAt: '2026-03-03T10:00:00.000Z',
      inLanguage: 'es',
    };
    expect(reviewInput(reviewFields(review))).toEqual(review);
    expect(reviewFields({ rating: 'x' })).toEqual({ ...EMPTY_REVIEW, rating: 'x' });
  });

  it('sends only what an edit changed, so a time shown to the minute is kept to the millisecond', () => {
    const shown = reviewFields({ rating: 'False', publishedAt: '2026-03-03T10:00:30.250Z' });
    expect(changedFields(shown, shown)).toEqual({});
    expect(changedFields(shown, { ...shown, summary: 'New', url: '' })).toEqual({ summary: 'New' });
    expect(changedFields({ ...shown, url: 'https://x' }, { ...shown, url: '' })).toEqual({
      url: null,
    });
  });

  it('tells drafts, published and retracted reviews apart', () => {
    expect(reviewState({ url: null, publishedAt: '2026-01-01', retracted: false })).toBe('draft');
    expect(reviewState({ url: 'https://x', publishedAt: null, retracted: false })).toBe('draft');
    expect(reviewState({ url: 'https://x', publishedAt: '2026-01-01', retracted: false })).toBe(
      'published',
    );
    expect(reviewState({ url: 'https://x', publishedAt: '2026-01-01', retracted: true })).toBe(
      'retracted',
    );
  });
});
