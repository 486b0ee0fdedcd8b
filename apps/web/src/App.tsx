import { useEffect, useState } from 'react';
import { SessionProvider, useLiveStatus, useSession } from './api/context';
import { LiveFeed } from './api/live';
import { LiveIndicator } from './components/LiveIndicator';
import { TokenBox } from './components/TokenBox';
import { Board } from './pages/Board';
import { ClaimDetail } from './pages/ClaimDetail';
import { GraphView } from './pages/GraphView';
import { MyWork } from './pages/MyWork';
import { Actors } from './pages/Actors';
import { NewArticle } from './pages/NewArticle';
import { ReviewQueue } from './pages/ReviewQueue';
import { Search } from './pages/Search';
import { href, useRoute } from './lib/router';

export function App() {
  const [feed] = useState(() => new LiveFeed());
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  return (
    <SessionProvider feed={feed}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = useRoute();
  const status = useLiveStatus();
  const { feed, token } = useSession();
  useEffect(() => {
    document.title =
      route.view === 'claim'
        ? 'Claim · Claimtrace'
        : route.view === 'graph'
          ? 'Graph · Claimtrace'
          : route.view === 'work'
            ? 'My work · Claimtrace'
            : route.view === 'search'
              ? 'Search · Claimtrace'
              : 'Claimtrace';
  }, [route.view]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href={href.board()}>
          Claimtrace
        </a>
        <nav aria-label="Views">
          <a href={href.board()} aria-current={route.view === 'board' ? 'page' : undefined}>
            Claims
          </a>
          {token && (
            <a href={href.work()} aria-current={route.view === 'work' ? 'page' : undefined}>
              My work
            </a>
          )}
          <a
            href={href.newArticle()}
            aria-current={route.view === 'new-article' ? 'page' : undefined}
          >
            New article
          </a>
          <a href={href.actors()} aria-current={route.view === 'actors' ? 'page' : undefined}>
            Actors
          </a>
          <a
            href={route.view === 'claim' ? href.graph({ claimId: route.id }) : '#/graph'}
            aria-current={route.view === 'graph' ? 'page' : undefined}
          >
            Graph
          </a>
          <a href={href.review()} aria-current={route.view === 'review' ? 'page' : undefined}>
            Review
          </a>
          <a href={href.search()} aria-current={route.view === 'search' ? 'page' : undefined}>
            Search
          </a>
        </nav>
        <LiveIndicator status={status} reason={feed?.reason} />
        <TokenBox />
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {route.view === 'board' && <Board />}
        {route.view === 'work' && <MyWork />}
        {route.view === 'claim' && <ClaimDetail key={route.id} id={route.id} />}
        {route.view === 'new-article' && <NewArticle />}
        {route.view === 'actors' && <Actors />}
        {route.view === 'review' && <ReviewQueue />}
        {route.view === 'search' && <Search query={route.query} types={route.types} />}
        {route.view === 'graph' && (
          <GraphView claimId={route.claimId} actorId={route.actorId} depth={route.depth} />
        )}
      </main>
    </>
  );
}
