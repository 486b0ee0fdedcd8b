import { useState } from 'react';
import { ApiError, gql } from '../../api/client';
import { ATTRIBUTE, CREATE_ACTOR } from '../../api/queries';
import type { ArticleT, SuggestionT } from '../../api/types';
import { ACTOR_KINDS, humanize, type ActorKind } from '../../lib/format';
import { ErrorNote } from '../ErrorNote';

type Kind = ActorKind;

/**
 * The extractor's suggested attributions for an article; each is accepted for the claim in one
 * step: with the actor it matched, or with a new actor (of the kind picked) named after its
 * source. The passage is the whole attribution (source, cue and content). A nested suggestion is
 * accepted after the one that relays it, as a relay chain (reportedVia).
 */
export function Suggestions({
  article,
  claimId,
  onAccepted,
  open = false,
}: {
  article: ArticleT;
  claimId: string;
  onAccepted(): Promise<void>;
  open?: boolean;
}) {
  const [accepted, setAccepted] = useState<Map<number, string>>(new Map());
  const [kinds, setKinds] = useState<Map<number, Kind>>(new Map());
  const [error, setError] = useState<unknown>(null);
  if (!article.suggestedAttributions.length) return null;
  const byIndex = new Map(article.suggestedAttributions.map((s) => [s.index, s]));

  /** The actor of a suggestion: the matched one, else a new one (or the existing duplicate). */
  const actorOf = async (s: SuggestionT): Promise<string> => {
    if (s.actor) return s.actor.id;
    const name = s.sourceName ?? s.sourceText;
    try {
      const { createActor } = await gql(CREATE_ACTOR, {
        input: { name, kind: kinds.get(s.index) ?? 'PERSON' },
      });
      return createActor.id;
    } catch (e) {
      const duplicate = e instanceof ApiError ? e.extensions.duplicateOfId : undefined;
      if (typeof duplicate === 'string') return duplicate;
      throw e;
    }
  };

  /** Accepts a suggestion (and first the one relaying it); answers its attribution's id. */
  const acceptOne = async (s: SuggestionT, done: Map<number, string>): Promise<string> => {
    const existing = done.get(s.index);
    if (existing) return existing;
    const via = s.reportedViaIndex != null ? byIndex.get(s.reportedViaIndex) : undefined;
    const reportedViaId = via ? await acceptOne(via, done) : null;
    const { attributeClaim } = await gql(ATTRIBUTE, {
      input: {
        claimId,
        actorId: await actorOf(s),
        stance: s.stance,
        articleId: article.id,
        position: { start: s.passageStart, end: s.passageEnd },
        reportedViaId,
      },
    });
    done.set(s.index, attributeClaim.id);
    return attributeClaim.id;
  };

  const accept = async (s: SuggestionT) => {
    setError(null);
    const done = new Map(accepted);
    try {
      await acceptOne(s, done);
    } catch (e) {
      setError(e);
    }
    setAccepted(done);
    await onAccepted();
  };

  return (
    <details className="panel" open={open}>
      <summary>Suggested attributions ({article.suggestedAttributions.length})</summary>
      <ErrorNote error={error} />
      <ul className="plain">
        {article.suggestedAttributions.map((s) => {
          const via = s.reportedViaIndex != null ? byIndex.get(s.reportedViaIndex) : undefined;
          return (
            <li key={s.index} className="suggestion" data-suggestion={s.index}>
              <p>
                <strong>{s.actor?.name ?? s.sourceName ?? s.sourceText}</strong>{' '}
                {humanize(s.stance).toLowerCase()} <span className="muted">({s.cue})</span>: “
                {s.content}”
                {via && (
                  <span className="muted small">
                    {' '}
                    — reported via {via.actor?.name ?? via.sourceName ?? via.sourceText}
                  </span>
                )}
              </p>
              {accepted.has(s.index) ? (
                <span className="success">Accepted</span>
              ) : s.actor ? (
                <button type="button" className="secondary" onClick={() => void accept(s)}>
                  Accept as {s.actor.name}
                </button>
              ) : (
                <span className="inline">
                  <label className="small">
                    New actor “{s.sourceName ?? s.sourceText}”, a{' '}
                    <select
                      value={kinds.get(s.index) ?? 'PERSON'}
                      onChange={(e) =>
                        setKinds((map) => new Map(map).set(s.index, e.target.value as Kind))
                      }
                    >
                      {ACTOR_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {humanize(kind).toLowerCase()}
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  <button type="button" className="secondary" onClick={() => void accept(s)}>
                    Create actor and accept
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
