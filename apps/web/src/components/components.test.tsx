import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setFetcher, setToken } from '../api/client';
import { ArticleText } from './ArticleText';
import { ChangeStatusForm } from './ChangeStatusForm';
import { AttributeForm } from './claim/AttributeForm';
import { LiveIndicator } from './LiveIndicator';

function answer(body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
}

describe('ArticleText', () => {
  const text = 'Milei 😀 said “100 percent false.” Then left.';

  it('highlights each passage by code-point offsets and reports clicks', () => {
    const onSelect = vi.fn();
    render(
      <ArticleText
        text={text}
        spans={[{ id: 'p1', start: 13, end: 33 }]}
        activeId="p1"
        onSelectSpan={onSelect}
      />,
    );
    const mark = document.getElementById('passage-p1')!;
    expect(mark.textContent).toBe('“100 percent false.”');
    expect(mark.className).toContain('active');
    fireEvent.click(mark);
    expect(onSelect).toHaveBeenCalledWith('p1');
    expect(screen.getByTestId('article-text').textContent).toBe(text);
  });
});

describe('LiveIndicator', () => {
  it('says live or offline, as a status', () => {
    const { rerender } = render(<LiveIndicator status="live" />);
    expect(screen.getByRole('status').textContent).toBe('live');
    rerender(<LiveIndicator status="offline" reason="connection lost" />);
    expect(screen.getByRole('status').textContent).toBe('offline — retrying');
    expect(screen.getByRole('status').title).toBe('Offline: connection lost');
  });
});

const snap = (status: string, version: number, stances = '1 denies') => ({
  status,
  version,
  text: 'Argentina is in talks',
  stances,
  toReview: 0,
});

describe('ChangeStatusForm', () => {
  it('sends the version it showed and the bearer token', async () => {
    setToken('editor-token');
    const calls: { body: any; headers: any }[] = [];
    setFetcher((_url, init) => {
      calls.push({ body: JSON.parse(String(init?.body)), headers: init?.headers });
      return answer({ data: { changeClaimStatus: { id: 'c', status: 'CONFIRMED', version: 3 } } });
    });
    const onChanged = vi.fn();
    render(<ChangeStatusForm claimId="c" claim={snap('CONTESTED', 2)} onChanged={onChanged} />);
    fireEvent.change(screen.getByLabelText('New status'), { target: { value: 'CONFIRMED' } });
    fireEvent.change(screen.getByLabelText('Rationale'), {
      target: { value: 'Officially announced' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].body.variables.input).toEqual({
      claimId: 'c',
      status: 'CONFIRMED',
      rationale: 'Officially announced',
      expectedVersion: 2,
    });
    expect(calls[0].headers.authorization).toBe('Bearer editor-token');
    expect(screen.getByRole('status').textContent).toContain('Confirmed');
  });

  it('on CONFLICT reloads the claim, says so and keeps the rationale', async () => {
    setFetcher(() =>
      answer({
        data: null,
        errors: [
          {
            message: 'The claim changed since you read it',
            extensions: { code: 'CONFLICT', currentVersion: 4 },
          },
        ],
      }),
    );
    const onChanged = vi.fn();
    render(<ChangeStatusForm claimId="c" claim={snap('CONTESTED', 2)} onChanged={onChanged} />);
    fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: 'New evidence' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    const note = await screen.findByTestId('conflict');
    expect(note.textContent).toContain('version 4');
    expect(onChanged).toHaveBeenCalled();
    expect((screen.getByLabelText('Rationale') as HTMLTextAreaElement).value).toBe('New evidence');
  });

  it('offers only the allowed transitions, none for a final status', () => {
    const { rerender } = render(
      <ChangeStatusForm claimId="c" claim={snap('CONFIRMED', 1)} onChanged={() => undefined} />,
    );
    const options = [...(screen.getByLabelText('New status') as HTMLSelectElement).options].map(
      (o) => o.value,
    );
    expect(options).toEqual(['CONTESTED', 'RETRACTED']);
    rerender(
      <ChangeStatusForm claimId="c" claim={snap('RETRACTED', 1)} onChanged={() => undefined} />,
    );
    expect(screen.getByText(/is final/)).toBeTruthy();
  });

  it('keeps the version it was opened on and asks before sending on a newer one', async () => {
    const calls: any[] = [];
    setFetcher((_url, init) => {
      calls.push(JSON.parse(String(init?.body)).variables.input);
      return answer({ data: { changeClaimStatus: { id: 'c', status: 'CONFIRMED', version: 4 } } });
    });
    const onChanged = vi.fn();
    const { rerender } = render(
      <ChangeStatusForm claimId="c" claim={snap('CONTESTED', 2)} onChanged={onChanged} />,
    );
    fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: 'Announced' } });
    // a live refresh while the editor writes: a correction withdrew a quote
    rerender(
      <ChangeStatusForm claimId="c" claim={snap('CONTESTED', 3, 'none')} onChanged={onChanged} />,
    );
    const alert = screen.getByTestId('stale-form');
    expect(alert.textContent).toContain('version 2 → 3');
    expect(alert.textContent).toContain('stances 1 denies → none');
    const send = screen.getByRole('button', { name: 'Change status' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(send);
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Keep my change for version 3' }));
    expect(screen.queryByTestId('stale-form')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({ expectedVersion: 3, rationale: 'Announced' });
  });
});

describe('AttributeForm', () => {
  it('sends the version it was opened on, and asks when the claim changed meanwhile', async () => {
    const sent: any[] = [];
    setFetcher((_url, init) => {
      const body = JSON.parse(String(init?.body));
      if (body.query.includes('actors(')) {
        return answer({
          data: {
            actors: { edges: [{ node: { id: 'm', name: 'Javier Milei', kind: 'PERSON' } }] },
          },
        });
      }
      sent.push(body.variables.input);
      return answer({ data: { attributeClaim: { id: 'a', passage: { id: 'p', exact: 'said' } } } });
    });
    const onDone = vi.fn();
    const selection = { articleId: 'art', start: 0, end: 4, exact: 'said' };
    const { rerender } = render(
      <AttributeForm
        claimId="c"
        claim={snap('CONTESTED', 2)}
        selection={selection}
        onDone={onDone}
      />,
    );
    await screen.findByRole('option', { name: 'Javier Milei' });
    fireEvent.change(screen.getByLabelText('Actor'), { target: { value: 'm' } });
    rerender(
      <AttributeForm
        claimId="c"
        claim={snap('CONFIRMED', 3)}
        selection={selection}
        onDone={onDone}
      />,
    );
    expect(screen.getByTestId('stale-form').textContent).toContain('status CONTESTED → CONFIRMED');
    expect((screen.getByRole('button', { name: 'Attribute' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep my change for version 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Attribute' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toEqual([expect.objectContaining({ actorId: 'm', expectedVersion: 3 })]);
  });
});
