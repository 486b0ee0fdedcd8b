import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ACTORS, ADD_REVIEW, UPDATE_REVIEW } from '../../api/queries';
import type { ActorRef, ReviewT } from '../../api/types';
import {
  changedFields,
  EMPTY_REVIEW,
  reviewFields,
  reviewInput,
  type ReviewFields,
} from '../../lib/review';
import { ErrorNote } from '../ErrorNote';

/**
 * Adds a review to a claim, or edits one (`review`): the verdict, its scale, the summary, and the
 * address and date that publish it. The API checks everything and answers what to fix.
 */
export function ReviewForm({
  claimId,
  review,
  onDone,
  onCancel,
}: {
  claimId: string;
  review?: ReviewT;
  onDone(): void;
  onCancel?(): void;
}) {
  const original = review ? reviewFields(review) : EMPTY_REVIEW;
  const [fields, setFields] = useState<ReviewFields>(original);
  const [reviewerId, setReviewerId] = useState('');
  const [reviewers, setReviewers] = useState<ActorRef[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prefix = review ? `review-${review.id}` : 'review-new';

  useEffect(() => {
    if (review) return;
    gql(ACTORS)
      .then((d) => setReviewers(d.actors.edges.map((e) => e.node)))
      .catch(() => setReviewers([]));
  }, [review]);

  const set = (name: keyof ReviewFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (review) {
        await gql(UPDATE_REVIEW, {
          input: { reviewId: review.id, ...changedFields(original, fields) },
        });
      } else {
        await gql(ADD_REVIEW, { input: { claimId, reviewerId, ...reviewInput(fields) } });
      }
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof ReviewFields, label: string, type = 'text', hint?: string) => (
    <>
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input
        id={`${prefix}-${name}`}
        type={type}
        step={type === 'number' ? 'any' : undefined}
        value={fields[name]}
        onChange={set(name)}
        aria-describedby={hint ? `${prefix}-${name}-hint` : undefined}
      />
      {hint && (
        <span id={`${prefix}-${name}-hint`} className="muted small">
          {hint}
        </span>
      )}
    </>
  );

  return (
    <form
      className={review ? 'panel stack' : 'stack'}
      onSubmit={(e) => void submit(e)}
      aria-label={review ? 'Edit the review' : 'Add a review'}
    >
      {!review && (
        <>
          <label htmlFor={`${prefix}-reviewer`}>Reviewer</label>
          <select
            id={`${prefix}-reviewer`}
            required
            value={reviewerId}
            onChange={(e) => setReviewerId(e.target.value)}
          >
            <option value="">Choose who reviewed it</option>
            {reviewers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </>
      )}
      {field('rating', 'Verdict', 'text', 'the words readers see, e.g. False or Misleading')}
      <fieldset className="inline">
        <legend>Rating scale (optional)</legend>
        {field('ratingValue', 'Value', 'number')}
        {field('worstRating', 'Worst', 'number')}
        {field('bestRating', 'Best', 'number')}
      </fieldset>
      <label htmlFor={`${prefix}-summary`}>Summary</label>
      <textarea
        id={`${prefix}-summary`}
        rows={3}
        value={fields.summary}
        onChange={set('summary')}
      />
      {field(
        'url',
        'Published at (URL)',
        'text',
        'the review’s own page, or a path such as /reviews/42',
      )}
      {field(
        'publishedAt',
        'Publication date',
        'datetime-local',
        'in your time zone; with the URL, this publishes it (not a future date)',
      )}
      {field('inLanguage', 'Language', 'text', 'e.g. es or en; the claim’s language when blank')}
      <ErrorNote error={error} />
      <div className="row">
        <button type="submit" disabled={busy || !fields.rating.trim() || (!review && !reviewerId)}>
          {review ? 'Save the review' : 'Add the review'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
