import { useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { RETRACT_REVIEW } from '../../api/queries';
import type { ReviewT } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { reviewState } from '../../lib/review';
import { ErrorNote } from '../ErrorNote';
import { ReviewForm } from './ReviewForm';

const STATE_LABEL = { draft: 'Draft', published: 'Published', retracted: 'Retracted' } as const;

/** One review: its verdict and state; an editor may edit it or retract it with a reason. */
export function ReviewItem({
  claimId,
  review,
  canEdit,
  onChanged,
}: {
  claimId: string;
  review: ReviewT;
  canEdit: boolean;
  onChanged(): void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'retract'>('view');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const state = reviewState(review);

  const retract = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await gql(RETRACT_REVIEW, { input: { reviewId: review.id, reason: reason.trim() } });
      setMode('view');
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  if (mode === 'edit') {
    return (
      <li className="review">
        <ReviewForm
          claimId={claimId}
          review={review}
          onDone={() => {
            setMode('view');
            onChanged();
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }

  return (
    <li className={`review review-${state}`} data-testid="review">
      <span className={`badge badge-${state}`}>{STATE_LABEL[state]}</span>{' '}
      <strong className={state === 'retracted' ? 'struck' : undefined}>{review.rating}</strong>
      {review.ratingValue != null && (
        <span className="muted">
          {' '}
          ({review.ratingValue}
          {review.bestRating != null ? ` of ${review.bestRating}` : ''})
        </span>
      )}{' '}
      by {review.reviewer.name}
      {review.publishedAt ? `, ${formatDateTime(review.publishedAt)}` : ''}
      {review.inLanguage ? ` · ${review.inLanguage}` : ''}
      {review.summary && <p>{review.summary}</p>}
      {review.url && (
        <a href={review.url} rel="noreferrer">
          Read the review
        </a>
      )}
      {state === 'draft' && (
        <p className="muted small">A draft until it has its URL and publication date.</p>
      )}
      {state === 'retracted' && (
        <p className="muted small">
          Retracted {formatDateTime(review.retractedAt)}: {review.retractedReason}
        </p>
      )}
      {canEdit && state !== 'retracted' && mode === 'view' && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="secondary" onClick={() => setMode('retract')}>
            Retract
          </button>
        </div>
      )}
      {mode === 'retract' && (
        <form className="stack" onSubmit={(e) => void retract(e)} aria-label="Retract the review">
          <label htmlFor={`retract-${review.id}`}>Why is it retracted?</label>
          <input
            id={`retract-${review.id}`}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorNote error={error} />
          <div className="row">
            <button type="submit" disabled={!reason.trim()}>
              Retract the review
            </button>
            <button type="button" className="secondary" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
