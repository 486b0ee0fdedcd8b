import { useState } from 'react';
import { gql } from '../../api/client';
import { ATTRIBUTE } from '../../api/queries';
import type { ArticleT, SuggestionT } from '../../api/types';
import { humanize } from '../../lib/format';
import { ErrorNote } from '../ErrorNote';

/** The extractor's suggested attributions for an article; one accepts a suggestion for the claim. */
export function Suggestions({
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
