import { useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { useSession } from '../../api/context';
import { REMOVE_NOTE, UPDATE_NOTE } from '../../api/queries';
import type { NoteT } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { Markdown } from '../../lib/markdown';
import { ErrorNote } from '../ErrorNote';

type Mode = 'show' | 'edit' | 'remove';

/**
 * One note: its author, time and markdown body (rendered as text, never as HTML). Its author may
 * edit it (the log keeps each version) or remove it with a reason, when `onChanged` is given.
 */
export function NoteItem({ note, onChanged }: { note: NoteT; onChanged?(): Promise<void> | void }) {
  const { me } = useSession();
  const [mode, setMode] = useState<Mode>('show');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mine = Boolean(onChanged && me && me.id === note.author.id);

  const open = (next: Mode) => {
    setText(next === 'edit' ? note.body : '');
    setError(null);
    setMode(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'edit') await gql(UPDATE_NOTE, { input: { noteId: note.id, body: text } });
      else await gql(REMOVE_NOTE, { input: { noteId: note.id, reason: text } });
      setMode('show');
      await onChanged?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="note" data-note-id={note.id}>
      <p className="muted small">
        {note.author.name} · {formatDateTime(note.createdAt)}
        {note.updatedAt !== note.createdAt ? ' (edited)' : ''}
        {mine && mode === 'show' && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => open('edit')}>
              Edit
            </button>{' '}
            <button type="button" className="link-button" onClick={() => open('remove')}>
              Remove
            </button>
          </>
        )}
      </p>
      {mode === 'show' ? (
        <Markdown text={note.body} />
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label htmlFor={`note-${mode}-${note.id}`}>
            {mode === 'edit' ? 'Your note' : 'Why remove it?'}
          </label>
          <textarea
            id={`note-${mode}-${note.id}`}
            rows={mode === 'edit' ? 3 : 1}
            maxLength={mode === 'edit' ? 10_000 : 2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div>
            <button type="submit" disabled={busy || !text.trim()}>
              {mode === 'edit' ? 'Save note' : 'Remove note'}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setMode('show')}>
              Cancel
            </button>
          </div>
          <ErrorNote error={error} />
        </form>
      )}
    </li>
  );
}
