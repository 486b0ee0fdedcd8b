import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { setFetcher, setToken } from '../api/client';
import { ActorForm } from './ActorForm';
import { ArticleText } from './ArticleText';
import { AttributeForm } from './claim/AttributeForm';
import { ChangeStatusForm } from './ChangeStatusForm';
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
  it('sends the version it showed, the evidence picked and the bearer token', async () => {
    setToken('editor-token');
    const calls: { body: any; headers: any }[] = [];
    setFetcher((_url, init) => {
      calls.push({ body: JSON.parse(String(init?.body)), headers: init?.headers });
      return answer({ data: { changeClaimStatus: { id: 'c', status: 'CONFIRMED', version: 3 } } });
    });
    const onChanged = vi.fn();
    render(
      <ChangeStatusForm
        claimId="c"
        claim={snap('CONTESTED', 2)}
        evidence={[
          { id: 'p1', label: 'Ministry: “the talks go on”' },
          { id: 'p2', label: 'Decree: “signed on Monday”' },
        ]}
        onChanged={onChanged}
      />,
    );
    fireEvent.change(screen.getByLabelText('New status'), { target: { value: 'CONFIRMED' } });
    fireEvent.change(screen.getByLabelText('Rationale'), {
      target: { value: 'Officially announced' },
    });
    fireEvent.click(screen.getByLabelText('Decree: “signed on Monday”'));
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(calls[0].body.variables.input).toEqual({
      claimId: 'c',
      status: 'CONFIRMED',
      rationale: 'Officially announced',
      expectedVersion: 2,
      evidencePassageIds: ['p2'],
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

describe('AttributeForm', () => {
  it('attributes a selection reported via another attribution of the claim', async () => {
    const calls: any[] = [];
    setFetcher((_url, init) => {
      const body = JSON.parse(String(init?.body));
      calls.push(body);
      return body.query.includes('attributeClaim')
        ? answer({ data: { attributeClaim: { id: 'a2', passage: { id: 'p', exact: 'x' } } } })
        : answer({
            data: {
              actors: { edges: [{ node: { id: 'officials', name: 'Officials', kind: 'PERSON' } }] },
            },
          });
    });
    const onDone = vi.fn();
    render(
      <AttributeForm
        claimId="c"
        claim={snap('CONTESTED', 2)}
        selection={{ articleId: 'art', start: 4, end: 20, exact: 'the deal is near' }}
        relays={[{ id: 'a1', label: 'The Times (reports): “officials said”' }]}
        onDone={onDone}
      />,
    );
    await screen.findByRole('option', { name: 'Officials' });
    fireEvent.change(screen.getByLabelText('Actor'), { target: { value: 'officials' } });
    fireEvent.change(screen.getByLabelText('Reported via'), { target: { value: 'a1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Attribute' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.at(-1).variables.input).toMatchObject({
      claimId: 'c',
      actorId: 'officials',
      articleId: 'art',
      position: { start: 4, end: 20 },
      reportedViaId: 'a1',
    });
  });
});

describe('ActorForm', () => {
  it('warns of a likely duplicate while the name is typed, and then creates only on purpose', async () => {
    const calls: any[] = [];
    setFetcher((_url, init) => {
      const body = JSON.parse(String(init?.body));
      calls.push(body);
      return body.query.includes('similarActors')
        ? answer({
            data: {
              similarActors: [
                { score: 1, actor: { id: 'lc', name: 'Luis Caputo', kind: 'PERSON' } },
              ],
            },
          })
        : answer({ data: { createActor: { id: 'new', name: 'luis caputo' } } });
    });
    const onSaved = vi.fn();
    render(<ActorForm actors={[]} onSaved={onSaved} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'luis caputo' } });
    expect((await screen.findByTestId('similar-actors')).textContent).toContain(
      'Possible duplicate of: Luis Caputo (person)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.at(-1).variables.input).toMatchObject({
      name: 'luis caputo',
      kind: 'PERSON',
      allowDuplicate: true,
    });
  });

  it('edits an actor’s aliases, kind and affiliation', async () => {
    const calls: any[] = [];
    setFetcher((_url, init) => {
      calls.push(JSON.parse(String(init?.body)));
      return answer({ data: { updateActor: { id: 'a' } } });
    });
    const onSaved = vi.fn();
    render(
      <ActorForm
        actor={{ id: 'a', name: 'Caputo', kind: 'PERSON', aliases: [], affiliationId: null }}
        actors={[{ id: 'eco', name: 'Ministerio de Economía', kind: 'GOVERNMENT_BODY' }]}
        onSaved={onSaved}
      />,
    );
    fireEvent.change(screen.getByLabelText('Aliases (comma-separated)'), {
      target: { value: 'Toto Caputo, Luis Caputo' },
    });
    fireEvent.change(screen.getByLabelText('Affiliated with'), { target: { value: 'eco' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save actor' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.at(-1).variables.input).toEqual({
      actorId: 'a',
      name: 'Caputo',
      kind: 'PERSON',
      aliases: ['Toto Caputo', 'Luis Caputo'],
      affiliationId: 'eco',
    });
  });
});
