import { useCallback, useEffect, useMemo, useState } from 'react';
import { gql } from '../api/client';
import { useLiveEvents, useSession } from '../api/context';
import { ARTICLE, CLAIM_DETAIL } from '../api/queries';
import type { ArticleT, ClaimDetailT } from '../api/types';
import { ChangeStatusForm } from '../components/ChangeStatusForm';
import { ArticlePanel, type Selection } from '../components/claim/ArticlePanel';
import { ArticlePicker } from '../components/claim/ArticlePicker';
import { AttributeForm } from '../components/claim/AttributeForm';
import { AttributionItem } from '../components/claim/AttributionItem';
import { DeskPanel } from '../components/claim/DeskPanel';
import { NotesPanel } from '../components/claim/NotesPanel';
import { ReviewForm } from '../components/claim/ReviewForm';
import { ReviewItem } from '../components/claim/ReviewItem';
import { Suggestions } from '../components/claim/Suggestions';
import { CorrectionBanner } from '../components/corrections/CorrectionBanner';
import { ErrorNote } from '../components/ErrorNote';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, humanize, plural, STANCES, summarizeStances } from '../lib/format';
import { href } from '../lib/router';

/** The claim; its notes only when signed in (they are the newsroom's, hidden from anonymous reads). */
async function fetchClaim(id: string, signedIn: boolean): Promise<ClaimDetailT> {
  const data = await gql(CLAIM_DETAIL, { id, signedIn });
  if (!data.claim) throw new Error('There is no claim with this id.');
  return data.claim;
}

export function ClaimDetail({ id }: { id: string }) {
  const { token } = useSession();
  const signedIn = Boolean(token);
  const [claim, setClaim] = useState<ClaimDetailT | null>(null);
  const [articles, setArticles] = useState<Record<string, ArticleT>>({});
  const [extraArticleId, setExtraArticleId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);

  /** reads the claim again (after an edit, a live event, a conflict) */
  const load = useCallback(async () => {
    try {
      setClaim(await fetchClaim(id, signedIn));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id, signedIn]);

  // the first read, and again on signing in or out (notes come with a token); the view is keyed
  // by the claim's id, so another claim mounts afresh
  useEffect(() => {
    let stale = false;
    fetchClaim(id, signedIn)
      .then((c) => !stale && setClaim(c))
      .catch((e: unknown) => !stale && setError(e));
    return () => {
      stale = true;
    };
  }, [id, signedIn]);

  useLiveEvents({
    onEvent: (event) => {
      if (event.claim?.id === id) void load();
    },
    onResync: () => void load(),
  });

  const articleIds = useMemo(() => {
    const ids = new Set(claim?.attributions.edges.map((e) => e.node.passage.article.id) ?? []);
    if (extraArticleId) ids.add(extraArticleId);
    return [...ids];
  }, [claim, extraArticleId]);

  useEffect(() => {
    const missing = articleIds.filter((a) => !articles[a]);
    if (!missing.length) return;
    let cancelled = false;
    void Promise.all(missing.map((articleId) => gql(ARTICLE, { id: articleId })))
      .then((results) => {
        if (cancelled) return;
        setArticles((known) => {
          const next = { ...known };
          for (const r of results) if (r.article) next[r.article.id] = r.article;
          return next;
        });
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [articleIds, articles]);

  const jumpTo = (passageId: string) => {
    setActive(passageId);
    const target = document.getElementById(`passage-${passageId}`);
    target?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    target?.focus({ preventScroll: true });
  };

  if (error && !claim) return <ErrorNote error={error} />;
  if (!claim) return <p className="muted">Loading…</p>;

  const attributions = claim.attributions.edges.map((e) => e.node);
  const sourceChanges = claim.sourceChanges.edges.map((e) => e.node);
  const snapshot = {
    version: claim.version,
    status: claim.status,
    text: claim.text,
    stances: summarizeStances(claim.stanceSummary.counts),
    toReview: sourceChanges.filter((c) => !c.resolved).length,
  };
  const groups = STANCES.map((stance) => ({
    stance,
    items: attributions.filter((a) => a.stance === stance),
  })).filter((g) => g.items.length);

  return (
    <article className="detail" aria-labelledby="claim-title">
      <p>
        <a href={href.board()}>← All claims</a>
      </p>
      <header className="detail-head">
        <div className="claim-card-head">
          <StatusBadge status={claim.status} />
          <span className="muted small">version {claim.version}</span>
          {claim.language && (
            <span className="muted small" data-testid="claim-language">
              language {claim.language}
            </span>
          )}
          <a className="small" href={href.graph({ claimId: claim.id })}>
            Graph view
          </a>
        </div>
        <h1 id="claim-title">{claim.text}</h1>
        <p className="stance-summary">
          {summarizeStances(claim.stanceSummary.counts)} ·{' '}
          {plural(claim.stanceSummary.distinctActors, 'actor')}
        </p>
        {claim.tags.length > 0 && (
          <p className="muted small">Tags: {claim.tags.map((t) => `#${t}`).join(' ')}</p>
        )}
        {claim.mergedInto && (
          <p className="warning">
            Merged into <a href={href.claim(claim.mergedInto.id)}>{claim.mergedInto.text}</a>
          </p>
        )}
        <ErrorNote error={error} />
        <CorrectionBanner changes={sourceChanges} />
      </header>

      <div className="detail-grid">
        <div className="detail-main">
          <section aria-labelledby="attributions-title">
            <h2 id="attributions-title">Who said what ({attributions.length})</h2>
            {groups.length === 0 && <p className="muted">No attributions yet.</p>}
            {groups.map((group) => (
              <section
                key={group.stance}
                className="stance-group"
                aria-label={humanize(group.stance)}
              >
                <h3 className={`stance stance-${group.stance.toLowerCase()}`}>
                  {humanize(group.stance)} ({group.items.length})
                </h3>
                <ul className="plain">
                  {group.items.map((a) => (
                    <AttributionItem
                      key={a.id}
                      attribution={a}
                      active={active === a.passage.id}
                      onJump={() => jumpTo(a.passage.id)}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </section>

          <DeskPanel
            key={`${claim.assignee?.id}|${claim.dueAt}|${claim.priority}`}
            claim={claim}
            canEdit={Boolean(token)}
            onChanged={load}
          />

          {claim.notes && (
            <NotesPanel
              claimId={claim.id}
              notes={claim.notes.edges.map((e) => e.node)}
              total={claim.notes.totalCount}
              canEdit={signedIn}
              onChanged={load}
            />
          )}

          {token && (
            <section className="panel">
              <ChangeStatusForm
                claimId={claim.id}
                claim={snapshot}
                evidence={[...new Map(attributions.map((a) => [a.passage.id, a])).values()].map(
                  (a) => ({ id: a.passage.id, label: `${a.actor.name}: “${a.passage.exact}”` }),
                )}
                onChanged={load}
              />
            </section>
          )}

          <section aria-labelledby="history-title">
            <h2 id="history-title">Status history</h2>
            {claim.statusHistory.length === 0 ? (
              <p className="muted">Unchanged since it was recorded.</p>
            ) : (
              <ol className="timeline">
                {claim.statusHistory.map((change, i) => (
                  <li key={`${change.at}-${i}`}>
                    <p>
                      <StatusBadge status={change.from} /> → <StatusBadge status={change.to} />{' '}
                      <span className="muted small">
                        {formatDateTime(change.at)}
                        {change.person
                          ? ` by ${change.person.name}`
                          : change.by
                            ? ` by ${change.by}`
                            : ''}
                      </span>
                    </p>
                    <p>{change.rationale}</p>
                    {change.evidence.length > 0 && (
                      <ul className="evidence">
                        {change.evidence.map((p) => (
                          <li key={p.id}>
                            <button type="button" className="quote" onClick={() => jumpTo(p.id)}>
                              “{p.exact}”
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="reviews-title">
            <h2 id="reviews-title">Reviews</h2>
            {claim.reviews.length === 0 && <p className="muted">No fact-check review yet.</p>}
            <ul className="plain">
              {claim.reviews.map((r) => (
                <ReviewItem
                  key={r.id}
                  claimId={claim.id}
                  review={r}
                  canEdit={Boolean(token)}
                  onChanged={() => void load()}
                />
              ))}
            </ul>
            {token && (
              <details className="panel" key={claim.reviews.length}>
                <summary>Add a review</summary>
                <ReviewForm claimId={claim.id} onDone={() => void load()} />
              </details>
            )}
          </section>

          <section aria-labelledby="related-title">
            <h2 id="related-title">Related claims</h2>
            {claim.relations.length === 0 ? (
              <p className="muted">None linked.</p>
            ) : (
              <ul className="plain">
                {claim.relations.map((r, i) => {
                  const other = r.from.id === claim.id ? r.to : r.from;
                  const verb =
                    r.from.id === claim.id
                      ? humanize(r.relation).toLowerCase()
                      : `${humanize(r.relation).toLowerCase()} (from)`;
                  return (
                    <li key={`${other.id}-${i}`}>
                      <span className="muted small">{verb}</span>{' '}
                      <a href={href.claim(other.id)}>{other.text}</a>
                      {other.status && (
                        <>
                          {' '}
                          <StatusBadge status={other.status} />
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </div>

        <aside className="detail-side" aria-labelledby="articles-title">
          <h2 id="articles-title">In the articles</h2>
          {token && (
            <ArticlePicker onPick={setExtraArticleId} exclude={articleIds} value={extraArticleId} />
          )}
          {articleIds.map((articleId) => {
            const article = articles[articleId];
            if (!article)
              return (
                <p key={articleId} className="muted">
                  Loading article…
                </p>
              );
            return (
              <ArticlePanel
                key={articleId}
                article={article}
                attributions={attributions}
                activeId={active}
                onSelectSpan={setActive}
                canEdit={Boolean(token)}
                onSelectText={setSelection}
              >
                {token && selection?.articleId === article.id && (
                  <AttributeForm
                    claimId={claim.id}
                    claim={snapshot}
                    selection={selection}
                    relays={attributions
                      .filter((a) => a.passage.article.id === selection.articleId)
                      .map((a) => ({
                        id: a.id,
                        label: `${a.actor.name} (${humanize(a.stance).toLowerCase()}): “${a.passage.exact}”`,
                      }))}
                    onDone={() => {
                      setSelection(null);
                      void load();
                    }}
                  />
                )}
                {token && <Suggestions article={article} claimId={claim.id} onAccepted={load} />}
              </ArticlePanel>
            );
          })}
        </aside>
      </div>
    </article>
  );
}
