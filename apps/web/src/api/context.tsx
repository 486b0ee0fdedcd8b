// What every view shares: the live feed and the editor's token.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { getToken, setToken } from './client';
import type { LiveFeed, LiveListener, LiveStatus } from './live';

export interface Session {
  feed: LiveFeed | null;
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<Session>({
  feed: null,
  token: null,
  signIn: () => undefined,
  signOut: () => undefined,
});

export function SessionProvider({
  feed,
  children,
}: {
  feed: LiveFeed | null;
  children: ReactNode;
}) {
  const [token, setTokenState] = useState<string | null>(() => getToken());
  const session: Session = {
    feed,
    token,
    signIn(next) {
      setToken(next);
      setTokenState(next);
    },
    signOut() {
      setToken(null);
      setTokenState(null);
    },
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
