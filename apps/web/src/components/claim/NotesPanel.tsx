import { useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ADD_NOTE } from '../../api/queries';
import type { NoteT } from '../../api/types';
import { ErrorNote } from '../ErrorNote';
import { NoteItem } from './NoteItem';

/** The claim's notes, newest first, and (for editors) a box to add one; `@handle` mentions. */
export function NotesPanel({
  claimId,
  notes,
  total,
  canEdit,
  onChanged,
}: {
  claimId: string;
  notes: NoteT[];
  total: number;
  canEdit: boolean;
  onChanged(): Promise<void> | void;
}) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await gql(ADD_NOTE, { input: { claimId, body } });
      setBody('');
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title">Notes ({total})</h2>
      {canEdit && (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label htmlFor="note-body">
            Add a note <span className="muted small">(markdown; @handle tells a colleague)</span>
          </label>
          <textarea
            id="note-body"
            rows={3}
            maxLength={10_000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <button type="submit" disabled={busy || !body.trim()}>
            Add note
          </button>
          <ErrorNote error={error} />
        </form>
      )}
      {notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="plain notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} onChanged={canEdit ? onChanged : undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}
