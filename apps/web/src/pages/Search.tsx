import { useEffect, useState } from 'react';
import { isWebUrl, textFragmentUrl } from '@claimtrace/anchoring';
import { gql } from '../api/client';
import { SEARCH } from '../api/queries';
import type { ResultOf } from '../api/graphql';
import { ErrorNote } from '../components/ErrorNote';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, humanize } from '../lib/format';
import { href, SEARCH_TYPES, type SearchType } from '../lib/router';
import { segmentText } from '../lib/text';

type Hit = ResultOf<typeof SEARCH>['search'][number];

const LABELS: Record<SearchType, string> = {
  CLAIM: 'Claims',
  PASSAGE: 'Passages',
  ARTICLE: 'Articles',
  ACTOR: 'Actors',
};

/** The API's limit on a search text (SearchArgs). */
const MAX_QUERY = 500;

/**
 * Search across everything the product holds: claims, the passages of articles, articles (title
 * and text) and actors (names and aliases). The text and the kinds asked live in the address, so
 * a search can be shared; each hit links to where it is worked on.
 */
export function Search({ query, types }: { query: string; types: SearchType[] }) {
  const [text, setText] = useState(query);
  // an address reached otherwise (a link, back) shows its words in the box
  const [seen, setSeen] = useState(query);
  if (seen !== query) {
    setSeen(query);
    if (text.trim() !== query) setText(query);
  }
  /** the answer to one search (its key: words and kinds); another search's answer is not shown */
  const [answer, setAnswer] = useState<{ key: string; hits?: Hit[]; error?: unknown }>({
    key: '',
  });
  const key = query.trim() ? JSON.stringify([query, types]) : '';
  const hits = key && answer.key === key ? (answer.hits ?? null) : null;
  const error = key && answer.key === key ? answer.error : null;

  // typing updates the address (debounced); the address drives the search
  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => location.replace(href.search(text.trim(), types)), 250);
    return () => clearTimeout(timer);
  }, [text, query, types]);

  useEffect(() => {
    if (!key) return;
    let stale = false;
    gql(SEARCH, { query, types: types.length ? types : null, first: 50 })
      .then((data) => !stale && setAnswer({ key, hits: data.search }))
      .catch((e: unknown) => !stale && setAnswer({ key, error: e }));
    return () => {
      stale = true;
    };
  }, [key, query, types]);

  /** none asked means every kind: unticking one of them keeps the others; the last stays */
  const shown: readonly SearchType[] = types.length ? types : SEARCH_TYPES;
  const toggle = (type: SearchType) => {
    const next = shown.includes(type) ? shown.filter((t) => t !== type) : [...shown, type];
    if (next.length === 0) return;
    const kinds = SEARCH_TYPES.filter((t) => next.includes(t));
    location.replace(href.search(text.trim(), kinds.length === SEARCH_TYPES.length ? [] : kinds));
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="s-query">Words</label>
        <input
          id="s-query"
          type="search"
          value={text}
          maxLength={MAX_QUERY}
          placeholder="A claim, a quote, a title, a name"
          onChange={(e) => setText(e.target.value)}
        />
        <fieldset className="inline kinds">
          <legend>Find</legend>
          {SEARCH_TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={shown.includes(type)}
                onChange={() => toggle(type)}
                data-type={type}
              />{' '}
              {LABELS[type]}
            </label>
          ))}
        </fieldset>
      </form>
      <ErrorNote error={error} />
      {key && !hits && !error && <p className="muted">Searching…</p>}
      {hits && (
        <p className="muted" data-testid="search-count">
          {hits.length === 0
            ? 'Nothing found.'
            : `${hits.length}${hits.length === 50 ? ' best' : ''} result${hits.length === 1 ? '' : 's'}`}
        </p>
      )}
      <ol className="plain search-hits">
        {(hits ?? []).map((hit, i) => (
          <li key={i} className="panel" data-testid="search-hit">
            <HitView hit={hit} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The hit's snippet with its highlighted words (code-point ranges). */
function Snippet({ hit }: { hit: Hit }) {
  const spans = hit.highlights.map((range, i) => ({ id: String(i), ...range }));
  return (
    <p className="snippet">
      {segmentText(hit.snippet, spans).map((segment, i) =>
        segment.spanIds.length ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </p>
  );
}

function HitView({ hit }: { hit: Hit }) {
  if (hit.claim) {
    return (
      <>
        <p className="muted small">Claim</p>
        <a href={href.claim(hit.claim.id)}>{hit.claim.text}</a>{' '}
        <StatusBadge status={hit.claim.status} />
        <Snippet hit={hit} />
      </>
    );
  }
  if (hit.passage) {
    const { article } = hit.passage;
    return (
      <>
        <p className="muted small">Passage of “{article.title}”</p>
        <Snippet hit={hit} />
        {isWebUrl(article.url) ? (
          <a
            href={textFragmentUrl(article.url, hit.passage, true)}
            target="_blank"
            rel="noreferrer"
          >
            Open at the passage
          </a>
        ) : (
          <span className="muted small">{article.url}</span>
        )}
      </>
    );
  }
  if (hit.article) {
    const { article } = hit;
    return (
      <>
        <p className="muted small">
          Article{article.publisher ? ` · ${article.publisher.name}` : ''}
          {article.publishedAt ? ` · ${formatDateTime(article.publishedAt)}` : ''}
        </p>
        {isWebUrl(article.url) ? (
          <a href={article.url} target="_blank" rel="noreferrer">
            {article.title}
          </a>
        ) : (
          <>
            <strong>{article.title}</strong> <span className="muted small">{article.url}</span>
          </>
        )}
        <Snippet hit={hit} />
      </>
    );
  }
  if (hit.actor) {
    return (
      <>
        <p className="muted small">Actor · {humanize(hit.actor.kind)}</p>
        <a href={href.graph({ actorId: hit.actor.id })}>{hit.actor.name}</a>
        <Snippet hit={hit} />
      </>
    );
  }
  return <Snippet hit={hit} />;
}
