import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setFetcher, setToken } from '../../api/client';
import type { ReviewT } from '../../api/types';
import { ReviewForm } from './ReviewForm';
import { ReviewItem } from './ReviewItem';

function answer(body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
}

/** Answers every request with `data`, recording the bodies sent. */
function recording(data: Record<string, unknown>) {
  const sent: { query: string; variables: any }[] = [];
  setFetcher((_url, init) => {
    sent.push(JSON.parse(String(init?.body)));
    return answer({ data });
  });
  return sent;
}

const REVIEW: ReviewT = {
  id: 'r1',
  rating: 'False',
  ratingValue: 1,
  bestRating: 5,
  worstRating: 1,
  summary: 'No agreement.',
  url: 'https://checks.example/1',
  publishedAt: '2026-03-03T10:00:30.000Z',
  inLanguage: 'es',
  retracted: false,
  retractedAt: null,
  retractedReason: null,
  reviewer: { id: 'a1', name: 'Chequeado' },
};

describe('reviews on the claim page', () => {
  it('shows a draft as a draft, and a retracted review with its reason and no buttons', () => {
    const { rerender } = render(
      <ul>
        <ReviewItem claimId="c" review={{ ...REVIEW, url: null }} canEdit onChanged={vi.fn()} />
      </ul>,
    );
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByText(/A draft until it has its URL/)).toBeTruthy();
    rerender(
      <ul>
        <ReviewItem
          claimId="c"
          review={{
            ...REVIEW,
            retracted: true,
            retractedAt: '2026-03-04T00:00:00.000Z',
            retractedReason: 'Wrong claim',
          }}
          canEdit
          onChanged={vi.fn()}
        />
      </ul>,
    );
    expect(screen.getByText('Retracted')).toBeTruthy();
    expect(screen.getByText(/Wrong claim/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('sends only the fields an edit changed', async () => {
    setToken('editor-token');
    const sent = recording({ updateReview: { id: 'r1' } });
    const onChanged = vi.fn();
    render(
      <ul>
        <ReviewItem claimId="c" review={REVIEW} canEdit onChanged={onChanged} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('Summary'), { target: { value: 'Denied by all.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the review' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent[0].query).toContain('updateReview');
    expect(sent[0].variables.input).toEqual({ reviewId: 'r1', summary: 'Denied by all.' });
  });

  it('retracts with a reason', async () => {
    const sent = recording({ retractReview: { id: 'r1', retracted: true } });
    const onChanged = vi.fn();
    render(
      <ul>
        <ReviewItem claimId="c" review={REVIEW} canEdit onChanged={onChanged} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retract' }));
    fireEvent.change(screen.getByLabelText('Why is it retracted?'), {
      target: { value: 'Published by mistake' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Retract the review' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent[0].variables.input).toEqual({ reviewId: 'r1', reason: 'Published by mistake' });
  });

  it('adds a review with its reviewer and shows what the API refused', async () => {
    const sent: any[] = [];
    setFetcher((_url, init) => {
      const body = JSON.parse(String(init?.body));
      sent.push(body);
      if (body.query.includes('actors')) {
        return answer({
          data: {
            actors: { edges: [{ node: { id: 'a1', name: 'Chequeado', kind: 'ORGANIZATION' } }] },
          },
        });
      }
      return answer({
        data: null,
        errors: [
          {
            message: 'url "http://localhost/x" points at this machine',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
    });
    const onDone = vi.fn();
    render(<ReviewForm claimId="c" onDone={onDone} />);
    await screen.findByRole('option', { name: 'Chequeado' });
    fireEvent.change(screen.getByLabelText('Reviewer'), { target: { value: 'a1' } });
    fireEvent.change(screen.getByLabelText('Verdict'), { target: { value: 'False' } });
    fireEvent.change(screen.getByLabelText('Published at (URL)'), {
      target: { value: 'http://localhost/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add the review' }));
    expect((await screen.findByRole('alert')).textContent).toContain('points at this machine');
    expect(onDone).not.toHaveBeenCalled();
    expect(sent.at(-1).variables.input).toMatchObject({
      claimId: 'c',
      reviewerId: 'a1',
      rating: 'False',
      url: 'http://localhost/x',
      publishedAt: null,
    });
  });
});
