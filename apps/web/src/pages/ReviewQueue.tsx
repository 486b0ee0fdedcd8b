import { useCallback, useEffect, useState } from 'react';
import { gql } from '../api/client';
import { useLiveEvents, useSession } from '../api/context';
import { RESOLVE_SOURCE_CHANGE, REVIEW_QUEUE } from '../api/queries';
import type { SourceChangeT } from '../api/types';
import { PassageDiff } from '../components/corrections/PassageDiff';
import { ErrorNote } from '../components/ErrorNote';
import { formatDateTime, humanize } from '../lib/format';
import { href } from '../lib/router';

interface Queue {
  changes: SourceChangeT[];
  total: number;
}

async function fetchQueue(): Promise<Queue> {
  const data = await gql(REVIEW_QUEUE);
  return {
    changes: data.sourceChanges.edges.map((e) => e.node),
    total: data.sourceChanges.totalCount,
  };
}

/** What awaits an editor because a source changed: orphans and low-score FUZZY moves. */
export function ReviewQueue() {
  const { token } = useSession();
  const [changes, setChanges] = useState<SourceChangeT[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const show = useCallback((queue: Queue) => {
    setChanges(queue.changes);
    setTotal(queue.total);
    setError(null);
  }, []);
  /** reads the queue again (after an action, a live event) */
  const load = useCallback(async () => {
    try {
      show(await fetchQueue());
    } catch (e) {
      setError(e);
    }
  }, [show]);
  // the first read
  useEffect(() => {
    let stale = false;
    fetchQueue()
      .then((queue) => !stale && show(queue))
      .catch((e: unknown) => !stale && setError(e));
    return () => {
      stale = true;
    };
  }, [show]);
  useLiveEvents({
    onEvent: (event) => {
      if (event.kind.startsWith('SOURCE_')) void load();
    },
    onResync: () => void load(),
  });

  return (
    <section aria-labelledby="review-title">
      <div className="page-head">
        <h1 id="review-title">Review queue</h1>
        <p className="muted" data-testid="review-count">
          {changes ? `${total} awaiting review` : 'Loading…'}
        </p>
      </div>
      <p className="muted small">
        Passages that a correction of their article withdrew, changed beyond the review score, or
        changed in a figure or a date. Confirm keeps the passage as it is, re-anchor picks the new
        words, remove takes the attribution (or the evidence) away.
      </p>
      <ErrorNote error={error} />
      {changes && changes.length === 0 && <p className="muted">Nothing to review.</p>}
      <ul className="plain review-list">
        {(changes ?? []).map((change) => (
          <ReviewItem key={change.id} change={change} canEdit={Boolean(token)} onDone={load} />
        ))}
      </ul>
    </section>
  );
}

function ReviewItem({
  change,
  canEdit,
  onDone,
}: {
  change: SourceChangeT;
  canEdit: boolean;
  onDone(): Promise<void>;
}) {
  const [words, setWords] = useState(change.to?.exact ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const resolve = async (action: 'CONFIRM' | 'REANCHOR' | 'REMOVE') => {
    setBusy(true);
    setError(null);
    try {
      await gql(RESOLVE_SOURCE_CHANGE, {
        input: {
          sourceChangeId: change.id,
          action,
          reason: reason.trim() || null,
          ...(action === 'REANCHOR' ? { quote: { exact: words.trim() } } : {}),
        },
      });
      await onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="panel review-item" data-source-change-id={change.id}>
      <p>
        <a href={href.claim(change.claim.id)}>{change.claim.text}</a>
      </p>
      <p className="muted small">
        {change.attribution
          ? `${change.attribution.actor.name} · ${humanize(change.attribution.stance)}`
          : 'Status evidence'}{' '}
        · {change.fromArticle.publisher?.name ?? 'Article'} corrected “{change.fromArticle.title}”
        on {formatDateTime(change.at)} ·{' '}
        {change.status === 'ORPHANED' ? 'withdrawn' : `changed, score ${change.score}`}
      </p>
      <div className="side-by-side">
        <div>
          <h3 className="small">Before</h3>
          <p className="quote-text">{change.from.exact}</p>
        </div>
        <div>
          <h3 className="small">After</h3>
          {change.to ? (
            <PassageDiff from={change.from.exact} to={change.to.exact} />
          ) : (
            <p className="muted">Not in the new version.</p>
          )}
        </div>
      </div>
      {change.reason && <p className="muted small">{change.reason}</p>}
      {canEdit ? (
        <div className="stack">
          <label htmlFor={`words-${change.id}`}>New words (for re-anchor)</label>
          <input
            id={`words-${change.id}`}
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
          <label htmlFor={`reason-${change.id}`}>Reason (optional)</label>
          <input
            id={`reason-${change.id}`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <ErrorNote error={error} />
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void resolve('CONFIRM')}>
              Confirm
            </button>
            <button
              type="button"
              disabled={busy || !words.trim()}
              onClick={() => void resolve('REANCHOR')}
            >
              Re-anchor
            </button>
            <button type="button" disabled={busy} onClick={() => void resolve('REMOVE')}>
              Remove
            </button>
          </div>
        </div>
      ) : (
        <p className="muted small">Sign in with an editor's token to resolve it.</p>
      )}
    </li>
  );
}
