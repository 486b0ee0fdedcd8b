import { useState, type FormEvent } from 'react';
import { useSession } from '../api/context';

/** Sign in as an editor by pasting a token once; it stays for this browser session only. */
export function TokenBox() {
  const { token, signIn, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  if (token) {
    return (
      <div className="token">
        <span className="muted">Editor signed in</span>
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) signIn(value.trim());
    setValue('');
    setOpen(false);
  };
  return (
    <form className="token" onSubmit={submit}>
      <label htmlFor="token-input">Editor token</label>
      <input
        id="token-input"
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
      />
      <button type="submit">Sign in</button>
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
