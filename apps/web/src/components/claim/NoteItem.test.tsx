import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setFetcher, setToken } from '../../api/client';
import { SessionProvider } from '../../api/context';
import type { NoteT } from '../../api/types';
import { NoteItem } from './NoteItem';

const note: NoteT = {
  id: 'n1',
  body: 'First **draft**',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  author: { id: 'ana', name: 'Ana Lima' },
  mentions: [],
  claim: { id: 'c1', text: 'A claim' },
};

/** Signed in as Ana; records the mutations the page sends. */
function signedInAsAna(sent: { query: string; variables: any }[]) {
  setToken('ct_ana');
  setFetcher((_url, init) => {
    const body = JSON.parse(String(init?.body));
    sent.push(body);
    const data = body.query.includes('me {')
      ? { me: { id: 'ana', name: 'Ana Lima', handle: 'ana' } }
      : body.query.includes('updateNote')
        ? { updateNote: { ...note, body: body.variables.input.body } }
        : { removeNote: { id: 'n1', removed: true } };
    return Promise.resolve(new Response(JSON.stringify({ data })));
  });
}

const show = (n: NoteT, onChanged?: () => void) =>
  render(
    <SessionProvider feed={null}>
      <ul>
        <NoteItem note={n} onChanged={onChanged} />
      </ul>
    </SessionProvider>,
  );

describe('NoteItem', () => {
  afterEach(() => setToken(null));

  it('lets its author edit it', async () => {
    const sent: { query: string; variables: any }[] = [];
    signedInAsAna(sent);
    const onChanged = vi.fn();
    show(note, onChanged);
    expect(screen.getByText('draft').tagName).toBe('STRONG');
    fireEvent.click(await screen.findByText('Edit'));
    fireEvent.change(screen.getByLabelText('Your note'), { target: { value: 'Second draft' } });
    fireEvent.click(screen.getByText('Save note'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent.at(-1)?.variables).toEqual({ input: { noteId: 'n1', body: 'Second draft' } });
  });

  it('lets its author remove it with a reason', async () => {
    const sent: { query: string; variables: any }[] = [];
    signedInAsAna(sent);
    const onChanged = vi.fn();
    show(note, onChanged);
    fireEvent.click(await screen.findByText('Remove'));
    fireEvent.change(screen.getByLabelText('Why remove it?'), { target: { value: 'obsolete' } });
    fireEvent.click(screen.getByText('Remove note'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent.at(-1)?.variables).toEqual({ input: { noteId: 'n1', reason: 'obsolete' } });
  });

  it('offers no edit on someone else’s note', async () => {
    const sent: { query: string; variables: any }[] = [];
    signedInAsAna(sent);
    show({ ...note, author: { id: 'ben', name: 'Ben Okoro' } }, vi.fn());
    // once the session knows who is signed in (its `me` answered and rendered)
    await waitFor(() => expect(sent).toHaveLength(1));
    await act(async () => undefined);
    expect(screen.getByText(/Ben Okoro/)).toBeTruthy();
    expect(screen.queryByText('Edit')).toBeNull();
  });
});
