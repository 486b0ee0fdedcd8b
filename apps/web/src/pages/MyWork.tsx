import { useCallback, useEffect, useState } from 'react';
import { gql } from '../api/client';
import { useLiveEvents, useSession } from '../api/context';
import { WORK_QUEUE } from '../api/queries';
import type { QueueClaimT, WorkQueueT } from '../api/types';
import { NoteItem } from '../components/claim/NoteItem';
import { ErrorNote } from '../components/ErrorNote';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, humanize } from '../lib/format';
import { href } from '../lib/router';

function ClaimList({
  id,
  title,
  claims,
  empty,
}: {
  id: string;
  title: string;
  claims: { totalCount: number; edges: { node: QueueClaimT }[] };
  empty: string;
}) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {title} ({claims.totalCount})
      </h2>
      {claims.edges.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="plain">
          {claims.edges.map(({ node }) => (
            <li key={node.id}>
              <StatusBadge status={node.status} /> <a href={href.claim(node.id)}>{node.text}</a>{' '}
              <span className="muted small">
                {humanize(node.priority)}
                {node.dueAt ? ` · due ${formatDateTime(node.dueAt)}` : ''}
                {node.assignee ? ` · ${node.assignee.name}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The signed-in person's queue: assigned, overdue, mentions, awaiting a second review; live. */
export function MyWork() {
  const { token } = useSession();
  const [queue, setQueue] = useState<WorkQueueT | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setQueue((await gql(WORK_QUEUE)).workQueue);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  // the first read; later ones follow the live feed (any change may move a claim in or out)
  useEffect(() => {
    if (!token) return;
    let stale = false;
    gql(WORK_QUEUE)
      .then((data) => !stale && setQueue(data.workQueue))
      .catch((e: unknown) => !stale && setError(e));
    return () => {
      stale = true;
    };
  }, [token]);

  useLiveEvents({ onEvent: () => token && void load(), onResync: () => token && void load() });

  if (!token) return <p className="muted">Sign in to see your work.</p>;
  if (error && !queue) return <ErrorNote error={error} />;
  if (!queue) return <p className="muted">Loading…</p>;
  return (
    <div className="stack" aria-labelledby="work-title">
      <h1 id="work-title">My work — {queue.person.name}</h1>
      <ErrorNote error={error} />
      <ClaimList
        id="queue-overdue"
        title="Overdue"
        claims={queue.overdue}
        empty="Nothing overdue."
      />
      <ClaimList
        id="queue-assigned"
        title="Assigned to me"
        claims={queue.assigned}
        empty="Nothing assigned to you."
      />
      <section aria-labelledby="queue-mentions" data-testid="queue-mentions">
        <h2 id="queue-mentions">Mentions ({queue.mentions.totalCount})</h2>
        {queue.mentions.edges.length === 0 ? (
          <p className="muted">Nobody mentioned you.</p>
        ) : (
          <ul className="plain notes">
            {queue.mentions.edges.map(({ node }) => (
              <li key={node.id}>
                <a href={href.claim(node.claim.id)}>{node.claim.text}</a>
                <ul className="plain">
                  <NoteItem note={node} />
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ClaimList
        id="queue-review"
        title="Awaiting a second review"
        claims={queue.awaitingReview}
        empty="No claim waits for your review."
      />
    </div>
  );
}
