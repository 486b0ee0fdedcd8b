import { useCallback, useEffect, useRef, useState } from 'react';
import { gql } from '../api/client';
import { useLiveEvents, useSession } from '../api/context';
import { ACTORS, BOARD } from '../api/queries';
import type { ActorRef, BoardClaim } from '../api/types';
import { ClaimCreator } from '../components/ClaimCreator';
import { ErrorNote } from '../components/ErrorNote';
import { StatusBadge } from '../components/StatusBadge';
import {
  allLanguages,
  allTags,
  filterFromHash,
  hashOfFilter,
  toClaimFilter,
  type BoardFilter,
} from '../lib/filter';
import {
  STATUSES,
  formatDateTime,
  humanize,
  plural,
  relativeTime,
  summarizeStances,
} from '../lib/format';
import { href, parseRoute } from '../lib/router';

/** All claims, filtered, kept current by the live feed without reloading the page. */
export function Board() {
  const { token } = useSession();
  // the filters live in the address (`#/?status=…`), so a filtered view can be shared
  const [filter, setFilter] = useState<BoardFilter>(() => filterFromHash(location.hash));
  const [search, setSearch] = useState(filter.search);
  const [languages, setLanguages] = useState<string[]>(() =>
    filter.language ? [filter.language] : [],
  );
  const [claims, setClaims] = useState<BoardClaim[] | null>(null);
  const [actors, setActors] = useState<ActorRef[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  // bumped to reload the current view (live events, a new claim)
  const [reloads, setReloads] = useState(0);

  // a filtered link opened (or the board's own link followed) while the board is shown: the board
  // stays mounted, so it takes the address's filters itself
  useEffect(() => {
    const follow = () => {
      if (parseRoute(location.hash).view !== 'board') return;
      const next = filterFromHash(location.hash);
      setFilter((current) => (hashOfFilter(current) === hashOfFilter(next) ? current : next));
      setSearch(next.search);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    const address = hashOfFilter(filter);
    if ((location.hash || '#/') !== address) {
      history.replaceState(null, '', address);
    }
  }, [filter]);

  useEffect(() => {
    let stale = false;
    gql(BOARD, { filter: toClaimFilter(filter), first: 100 })
      .then((data) => {
        if (stale) return;
        const list = data.claims.edges.map((e) => e.node);
        setClaims(list);
        setTags((known) => [...new Set([...known, ...allTags(list)])].sort());
        setLanguages((known) => [...new Set([...known, ...allLanguages(list)])].sort());
        setError(null);
      })
      .catch((e: unknown) => {
        if (!stale) setError(e);
      });
    return () => {
      stale = true;
    };
  }, [filter, reloads]);

  useEffect(() => {
    gql(ACTORS)
      .then((d) => setActors(d.actors.edges.map((e) => e.node)))
      .catch(() => setActors([]));
  }, []);

  // The search box filters as you type (debounced).
  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => (f.search === search ? f : { ...f, search })), 250);
    return () => clearTimeout(t);
  }, [search]);

  // Live: a burst of events becomes one reload of the current view; changed rows flash.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => setReloads((n) => n + 1), 100);
  }, []);
  useLiveEvents({
    onEvent(event) {
      const id = event.claim?.id;
      if (id) {
        setChanged((s) => new Set(s).add(id));
        setTimeout(
          () =>
            setChanged((s) => {
              const next = new Set(s);
              next.delete(id);
              return next;
            }),
          4000,
        );
      }
      refresh();
    },
    onResync: refresh,
  });

  const set = (patch: Partial<BoardFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <section aria-labelledby="board-title">
      <div className="page-head">
        <h1 id="board-title">Claims</h1>
        <p className="muted" data-testid="claim-count">
          {claims ? `${claims.length} shown` : 'Loading…'}
        </p>
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor="f-search">Search</label>
          <input
            id="f-search"
            type="search"
            value={search}
            placeholder="Claims, tags, actors"
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="f-status">Status</label>
          <select
            id="f-status"
            value={filter.status}
            onChange={(e) => set({ status: e.target.value })}
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-actor">Actor</label>
          <select
            id="f-actor"
            value={filter.actorId}
            onChange={(e) => set({ actorId: e.target.value })}
          >
            <option value="">Any actor</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tag">Tag</label>
          <select id="f-tag" value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        {languages.length > 0 && (
          <div className="field">
            <label htmlFor="f-language">Language</label>
            <select
              id="f-language"
              value={filter.language}
              onChange={(e) => set({ language: e.target.value })}
            >
              <option value="">Any language</option>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <ErrorNote error={error} />
      {token && <NewClaimForm onCreated={refresh} />}
      <ul className="claim-list" data-testid="claim-list">
        {(claims ?? []).map((claim) => (
          <li
            key={claim.id}
            className={changed.has(claim.id) ? 'claim-card changed' : 'claim-card'}
            data-claim-id={claim.id}
          >
            <div className="claim-card-head">
              <StatusBadge status={claim.status} />
              <span className="muted small" title={formatDateTime(claim.updatedAt)}>
                changed {relativeTime(claim.updatedAt)}
              </span>
              {claim.language && (
                <span className="muted small" title="language">
                  {claim.language}
                </span>
              )}
              {claim.corrections.totalCount > 0 && (
                <span
                  className={
                    claim.toReview.totalCount > 0 ? 'badge corrected review' : 'badge corrected'
                  }
                  data-testid="corrected"
                  title="An article behind this claim was corrected"
                >
                  source corrected
                  {claim.toReview.totalCount > 0 ? ` · ${claim.toReview.totalCount} to review` : ''}
                </span>
              )}
            </div>
            <a className="claim-text" href={href.claim(claim.id)}>
              {claim.text}
            </a>
            <p className="stance-summary">
              {summarizeStances(claim.stanceSummary.counts)}
              <span className="muted">
                {' '}
                · {plural(claim.stanceSummary.distinctActors, 'actor')}
              </span>
            </p>
            {claim.tags.length > 0 && (
              <ul className="tags" aria-label="Tags">
                {claim.tags.map((t) => (
                  <li key={t}>
                    <button type="button" className="tag" onClick={() => set({ tag: t })}>
                      #{t}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {claims && claims.length === 0 && <p className="muted">No claim matches these filters.</p>}
    </section>
  );
}

function NewClaimForm({ onCreated }: { onCreated(): void }) {
  const [tags, setTags] = useState('');
  return (
    <details className="panel">
      <summary>New claim</summary>
      <label htmlFor="new-claim-tags">Tags (comma-separated)</label>
      <input id="new-claim-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
      <ClaimCreator
        tags={tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)}
        useLabel="Open it"
        onReady={(claimId, created) => {
          if (created) onCreated();
          location.hash = href.claim(claimId);
        }}
      />
    </details>
  );
}
