import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { useLiveEvents, useSession } from '../api/context';
import { ACTORS, ARTICLE, ARTICLES, ATTRIBUTE, CLAIM_DETAIL } from '../api/queries';
import type { ActorRef, ArticleT, AttributionT, ClaimDetailT, SuggestionT } from '../api/types';
import { ArticleText } from '../components/ArticleText';
import { ChangeStatusForm } from '../components/ChangeStatusForm';
import { ErrorNote } from '../components/ErrorNote';
import { StatusBadge } from '../components/StatusBadge';
import {
  formatDateTime,
  humanize,
  plural,
  STANCES,
  summarizeStances,
  type Stance,
} from '../lib/format';
import { href } from '../lib/router';
import { utf16ToCodePoint } from '../lib/text';

interface Selection {
  articleId: string;
  start: number;
  end: number;
  exact: string;
}

async function fetchClaim(id: string): Promise<ClaimDetailT> {
  const data = await gql(CLAIM_DETAIL, { id });
  if (!data.claim) throw new Error('There is no claim with this id.');
  return data.claim;
}

export function ClaimDetail({ id }: { id: string }) {
  const { token } = useSession();
  const [claim, setClaim] = useState<ClaimDetailT | null>(null);
  const [articles, setArticles] = useState<Record<string, ArticleT>>({});
  const [extraArticleId, setExtraArticleId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);

  /** reads the claim again (after an edit, a live event, a conflict) */
  const load = useCallback(async () => {
    try {
      setClaim(await fetchClaim(id));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id]);

  // the first read; the view is keyed by the claim's id, so another claim mounts afresh
  useEffect(() => {
    let stale = false;
    fetchClaim(id)
      .then((c) => !stale && setClaim(c))
      .catch((e: unknown) => !stale && setError(e));
    return () => {
      stale = true;
    };
  }, [id]);

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

          {token && (
            <section className="panel">
              <ChangeStatusForm
                claimId={claim.id}
                status={claim.status}
                version={claim.version}
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
                        {change.by ? ` by ${change.by}` : ''}
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
            {claim.reviews.length === 0 ? (
              <p className="muted">No fact-check review yet.</p>
            ) : (
              <ul className="plain">
                {claim.reviews.map((r) => (
                  <li key={r.id} className="review">
                    <strong>{r.rating}</strong>
                    {r.ratingValue != null && (
                      <span className="muted">
                        {' '}
                        ({r.ratingValue}
                        {r.bestRating != null ? ` of ${r.bestRating}` : ''})
                      </span>
                    )}{' '}
                    by {r.reviewer.name}
                    {r.publishedAt ? `, ${formatDateTime(r.publishedAt)}` : ''}
                    {r.summary && <p>{r.summary}</p>}
                    {r.url && (
                      <a href={r.url} rel="noreferrer">
                        Read the review
                      </a>
                    )}
                  </li>
                ))}
              </ul>
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
                    selection={selection}
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

function AttributionItem({
  attribution: a,
  active,
  onJump,
}: {
  attribution: AttributionT;
  active: boolean;
  onJump(): void;
}) {
  // the chain starts with this attribution; the relays follow, then the article's publisher
  const relays = a.chain.slice(1).map((hop) => hop.actor.name);
  const publisher = a.passage.article.publisher?.name;
  const path = [a.actor.name, ...relays, ...(publisher ? [publisher] : [])];
  return (
    <li className={active ? 'attribution active' : 'attribution'} data-attribution-id={a.id}>
      <p className="chain" aria-label="Relay chain">
        {path.map((name, i) => (
          <span key={`${name}-${i}`}>
            {i > 0 && <span aria-hidden="true"> → </span>}
            <span className={i === 0 ? 'actor' : 'relay'}>{name}</span>
            {i === path.length - 1 && publisher && i > 0 && (
              <span className="muted small"> (publisher)</span>
            )}
          </span>
        ))}
      </p>
      <button
        type="button"
        className="quote"
        onClick={onJump}
        data-passage-id={a.passage.id}
        aria-label={`Show in the article: ${a.passage.exact}`}
      >
        “{a.passage.exact}”
      </button>
      <p className="muted small">
        {a.passage.article.title}
        {a.statedAt ? ` · ${formatDateTime(a.statedAt)}` : ''}
        {a.confidence != null ? ` · confidence ${a.confidence}` : ''}
      </p>
    </li>
  );
}

function ArticlePanel({
  article,
  attributions,
  activeId,
  onSelectSpan,
  canEdit,
  onSelectText,
  children,
}: {
  article: ArticleT;
  attributions: AttributionT[];
  activeId: string | null;
  onSelectSpan(id: string): void;
  canEdit: boolean;
  onSelectText(selection: Selection | null): void;
  children?: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const spans = attributions
    .filter((a) => a.passage.article.id === article.id)
    .map((a) => ({ id: a.passage.id, start: a.passage.start, end: a.passage.end }));

  const readSelection = () => {
    if (!canEdit || !ref.current) return;
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    const box = ref.current;
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    const startUnits = before.toString().length;
    const exact = range.toString();
    if (!exact.trim()) return;
    const start = utf16ToCodePoint(article.text, startUnits);
    onSelectText({ articleId: article.id, start, end: start + Array.from(exact).length, exact });
  };

  return (
    <section className="article" aria-label={`Article: ${article.title}`}>
      <h3>
        <a href={article.url} rel="noreferrer">
          {article.title}
        </a>
      </h3>
      <p className="muted small">
        {[article.publisher?.name, article.publishedAt && formatDateTime(article.publishedAt)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {canEdit && (
        <p className="muted small">Select words in the text to attribute them to an actor.</p>
      )}
      <div onMouseUp={readSelection} onKeyUp={readSelection}>
        <ArticleText
          ref={ref}
          text={article.text}
          spans={spans}
          activeId={activeId}
          onSelectSpan={onSelectSpan}
        />
      </div>
      {children}
    </section>
  );
}

function useActors(): ActorRef[] {
  const [actors, setActors] = useState<ActorRef[]>([]);
  useEffect(() => {
    gql(ACTORS)
      .then((d) => setActors(d.actors.edges.map((e) => e.node)))
      .catch(() => setActors([]));
  }, []);
  return actors;
}

function ArticlePicker({
  onPick,
  exclude,
  value,
}: {
  onPick(id: string): void;
  exclude: string[];
  value: string;
}) {
  const [list, setList] = useState<{ id: string; title: string }[]>([]);
  useEffect(() => {
    gql(ARTICLES)
      .then((d) => setList(d.articles.edges.map((e) => e.node)))
      .catch(() => setList([]));
  }, []);
  const options = list.filter((a) => a.id === value || !exclude.includes(a.id));
  if (!options.length) return null;
  return (
    <div className="field">
      <label htmlFor="article-pick">Show another article</label>
      <select id="article-pick" value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">—</option>
        {options.map((a) => (
          <option key={a.id} value={a.id}>
            {a.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function AttributeForm({
  claimId,
  selection,
  onDone,
}: {
  claimId: string;
  selection: Selection;
  onDone(): void;
}) {
  const actors = useActors();
  const [actorId, setActorId] = useState('');
  const [stance, setStance] = useState<Stance>('ASSERTS');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await gql(ATTRIBUTE, {
        input: {
          claimId,
          actorId,
          stance,
          articleId: selection.articleId,
          position: { start: selection.start, end: selection.end },
        },
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="panel stack"
      onSubmit={(e) => void submit(e)}
      aria-label="Attribute the selection"
    >
      <p>
        Selected: <q>{selection.exact}</q>
      </p>
      <label htmlFor="attr-actor">Actor</label>
      <select id="attr-actor" required value={actorId} onChange={(e) => setActorId(e.target.value)}>
        <option value="">Choose an actor</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor="attr-stance">Stance</label>
      <select id="attr-stance" value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </select>
      <ErrorNote error={error} />
      <div>
        <button type="submit" disabled={!actorId}>
          Attribute
        </button>
      </div>
    </form>
  );
}

function Suggestions({
  article,
  claimId,
  onAccepted,
}: {
  article: ArticleT;
  claimId: string;
  onAccepted(): Promise<void>;
}) {
  const [accepted, setAccepted] = useState<Set<number>>(new Set());
  const [error, setError] = useState<unknown>(null);
  if (!article.suggestedAttributions.length) return null;
  const accept = async (s: SuggestionT) => {
    if (!s.actor) return;
    try {
      await gql(ATTRIBUTE, {
        input: {
          claimId,
          actorId: s.actor.id,
          stance: s.stance,
          articleId: article.id,
          position: { start: s.contentStart, end: s.contentEnd },
        },
      });
      setAccepted((set) => new Set(set).add(s.index));
      await onAccepted();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <details className="panel">
      <summary>Suggested attributions ({article.suggestedAttributions.length})</summary>
      <ErrorNote error={error} />
      <ul className="plain">
        {article.suggestedAttributions.map((s) => (
          <li key={s.index} className="suggestion">
            <p>
              <strong>{s.actor?.name ?? s.sourceText}</strong> {humanize(s.stance).toLowerCase()}{' '}
              <span className="muted">({s.cue})</span>: “{s.content}”
            </p>
            {accepted.has(s.index) ? (
              <span className="success">Accepted</span>
            ) : s.actor ? (
              <button type="button" className="secondary" onClick={() => void accept(s)}>
                Accept for this claim
              </button>
            ) : (
              <span className="muted small">
                No matching actor: select the words to attribute them.
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
