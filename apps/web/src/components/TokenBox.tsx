import { useState, type FormEvent } from 'react';
import { useSession } from '../api/context';
import { ErrorNote } from './ErrorNote';

/**
 * Sign in by pasting a token once: the server is asked whose it is (`me`), a token it refuses is
 * not kept, and the signed-in person's name is shown. The token stays for this browser session only.
 */
export function TokenBox() {
  const { token, me, signIn, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (token) {
    return (
      <div className="token">
        <span className="muted" data-testid="signed-in">
          {me ? `Signed in as ${me.name}` : 'Signing in…'}
        </span>
        <button type="button" className="link-button" onClick={signOut}>
          Sign out
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div className="token">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Sign in to edit
        </button>
      </div>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(value.trim());
      setValue('');
      setOpen(false);
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="token" onSubmit={submit}>
      <label htmlFor="token-input">Token</label>
      <input
        id="token-input"
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
      />
      <button type="submit" disabled={busy}>
        Sign in
      </button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}
