// Hash routes, so the API serves one index.html and every view has a shareable address:
//   #/                      the claim board
//   #/claims/<id>           a claim's detail
//   #/graph?claim=<id>&depth=2   or   #/graph?actor=<id>
//   #/work                  my work: the signed-in person's queue
//   #/articles/new          a new story: link or text → preview → ingest → suggestions
//   #/actors                the actors: find, create, edit
//   #/review                the review queue of source changes
//   #/search?q=…&types=CLAIM,ACTOR   search across claims, passages, articles and actors
import { useEffect, useState } from 'react';

/** what search may find (the API's SearchHitType) */
export const SEARCH_TYPES = ['CLAIM', 'PASSAGE', 'ARTICLE', 'ACTOR'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export type Route =
  | { view: 'board' }
  | { view: 'work' }
  | { view: 'new-article' }
  | { view: 'actors' }
  | { view: 'claim'; id: string; passage?: string }
  | { view: 'graph'; claimId?: string; actorId?: string; depth: number }
  | { view: 'review' }
  | { view: 'search'; query: string; types: SearchType[] };

/** A path part decoded; one typed with a broken `%` sequence is taken as it is, not a crash. */
function decodedPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function parseRoute(hash: string): Route {
  // the query is all after the first "?" (a typed "q=why?" keeps its mark)
  const [path, query = ''] = hash.replace(/^#/, '').split(/\?(.*)/s);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodedPart);
  if (parts[0] === 'claims' && parts[1]) {
    return { view: 'claim', id: parts[1], passage: params.get('passage') ?? undefined };
  }
  if (parts[0] === 'work') return { view: 'work' };
  if (parts[0] === 'articles' && parts[1] === 'new') return { view: 'new-article' };
  if (parts[0] === 'actors') return { view: 'actors' };
  if (parts[0] === 'review') return { view: 'review' };
  if (parts[0] === 'search') {
    const asked = (params.get('types') ?? '').split(',');
    return {
      view: 'search',
      query: params.get('q') ?? '',
      types: SEARCH_TYPES.filter((type) => asked.includes(type)),
    };
  }
  if (parts[0] === 'graph') {
    const depth = Math.min(3, Math.max(1, Number(params.get('depth')) || 2));
    return {
      view: 'graph',
      claimId: params.get('claim') ?? undefined,
      actorId: params.get('actor') ?? undefined,
      depth,
    };
  }
  return { view: 'board' };
}

export const href = {
  board: () => '#/',
  work: () => '#/work',
  newArticle: () => '#/articles/new',
  actors: () => '#/actors',
  review: () => '#/review',
  /** no types: every kind */
  search: (query = '', types: readonly SearchType[] = []) => {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (types.length) params.set('types', types.join(','));
    const rest = params.toString();
    return rest ? `#/search?${rest}` : '#/search';
  },
  claim: (id: string) => `#/claims/${encodeURIComponent(id)}`,
  graph: (target: { claimId?: string; actorId?: string }, depth = 2) => {
    const params = new URLSearchParams();
    if (target.claimId) params.set('claim', target.claimId);
    if (target.actorId) params.set('actor', target.actorId);
    params.set('depth', String(depth));
    return `#/graph?${params.toString()}`;
  },
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
