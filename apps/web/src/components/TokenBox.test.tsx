import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getToken, setFetcher, setToken } from '../api/client';
import { SessionProvider } from '../api/context';
import { TokenBox } from './TokenBox';

function answer(body: unknown) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
  );
}

/** A server that knows one token, `ct_good`, of Ana Lima. */
function server() {
  setFetcher((_url, init) => {
    const auth = (init?.headers as Record<string, string>).authorization;
    return auth === 'Bearer ct_good'
      ? answer({ data: { me: { id: 'p1', name: 'Ana Lima', handle: 'ana' } } })
      : answer({
          errors: [{ message: 'The token is unknown.', extensions: { code: 'UNAUTHENTICATED' } }],
        });
  });
}

function signIn(token: string) {
  render(
    <SessionProvider feed={null}>
      <TokenBox />
    </SessionProvider>,
  );
  fireEvent.click(screen.getByText('Sign in to edit'));
  fireEvent.change(screen.getByLabelText('Token'), { target: { value: token } });
  fireEvent.click(screen.getByText('Sign in'));
}

describe('TokenBox', () => {
  afterEach(() => setToken(null));

  it('shows whose token it is once the server confirms it', async () => {
    server();
    signIn('ct_good');
    await waitFor(() =>
      expect(screen.getByTestId('signed-in').textContent).toBe('Signed in as Ana Lima'),
    );
    expect(getToken()).toBe('ct_good');
  });

  it('refuses a token the server does not know, and keeps none', async () => {
    server();
    signIn('ct_bogus');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The token is unknown.'),
    );
    expect(screen.queryByTestId('signed-in')).toBeNull();
    expect(getToken()).toBeNull();
  });
});
