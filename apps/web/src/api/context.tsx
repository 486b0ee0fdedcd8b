// What every view shares: the live feed, the editor's token and whose it is.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, getToken, gql, setToken } from './client';
import type { LiveFeed, LiveListener, LiveStatus } from './live';
import { ME } from './queries';
import type { Me } from './types';

export interface Session {
  feed: LiveFeed | null;
  token: string | null;
  /** the person the token belongs to, once the server confirmed it */
  me: Me | null;
  /** checks the token with the server (`me`) and keeps it only if it works; rejects otherwise */
  signIn(token: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session>({
  feed: null,
  token: null,
  me: null,
  signIn: async () => undefined,
  signOut: () => undefined,
});

/** The person of the token now stored; an ApiError when the server refuses it. */
async function whoAmI(): Promise<Me> {
  const { me } = await gql(ME);
  if (!me) {
    throw new ApiError([
      { message: 'This token belongs to nobody.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
  }
  return me;
}

export function SessionProvider({
  feed,
  children,
}: {
  feed: LiveFeed | null;
  children: ReactNode;
}) {
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const [me, setMe] = useState<Me | null>(null);
  const signOut = () => {
    setToken(null);
    setTokenState(null);
    setMe(null);
  };
  // A token kept from earlier in this browser session is checked again (it may have been revoked).
  useEffect(() => {
    if (!getToken()) return;
    whoAmI().then(setMe, (error: unknown) => {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') signOut();
    });
  }, []);
  const session: Session = {
    feed,
    token,
    me,
    async signIn(next) {
      const previous = getToken();
      setToken(next);
      try {
        setMe(await whoAmI());
        setTokenState(next);
      } catch (error) {
        setToken(previous);
        throw error;
      }
    },
    signOut,
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The live feed's state, re-rendering on change. */
export function useLiveStatus(): LiveStatus {
  const { feed } = useSession();
  const [status, setStatus] = useState<LiveStatus>(feed?.status ?? 'offline');
  useEffect(() => {
    if (!feed) return;
    return feed.onStatus(setStatus);
  }, [feed]);
  return status;
}

/** Calls the listener for every live event while the component is mounted. */
export function useLiveEvents(listener: LiveListener): void {
  const { feed } = useSession();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!feed) return;
    return feed.listen({
      onEvent: (e) => latest.current.onEvent?.(e),
      onResync: () => latest.current.onResync?.(),
    });
  }, [feed]);
}
