import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { CREATE_CLAIM, SIMILAR_CLAIMS } from '../api/queries';
import type { ResultOf } from '../api/graphql';
import { href } from '../lib/router';
import { ErrorNote } from './ErrorNote';

type Similar = ResultOf<typeof SIMILAR_CLAIMS>['similarClaims'][number];

/** createClaim refuses from this score on (SIMILARITY.claimDuplicate on the server). */
const LIKELY = 0.75;
/** Shorter texts are not compared yet. */
const MIN_TYPED = 8;

/**
 * A new claim, with the claims like it shown while it is typed ("possible duplicate of …"), so
 * that an existing claim is used instead of a second copy. Creating despite a likely duplicate
 * takes a second, explicit click (allowDuplicate).
 */
export function ClaimCreator({
  language,
  tags = [],
  initialText = '',
  onReady,
  useLabel = 'Use this claim',
}: {
  language?: string | null;
  tags?: string[];
  initialText?: string;
  /** the claim created, or the existing one picked */
  onReady(claimId: string, created: boolean): void;
  useLabel?: string;
}) {
  const [text, setText] = useState(initialText);
  const [similar, setSimilar] = useState<Similar[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const typed = text.trim();
    if (typed.length < MIN_TYPED) return;
    let stale = false;
    const timer = setTimeout(() => {
      gql(SIMILAR_CLAIMS, { text: typed, language: language ?? null })
        .then((data) => {
          if (!stale) setSimilar(data.similarClaims);
        })
        .catch(() => undefined);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, language]);

  const shown = text.trim().length >= MIN_TYPED ? similar : [];
  const likely = shown.some((s) => s.score >= LIKELY);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { createClaim } = await gql(CREATE_CLAIM, {
        input: { text: text.trim(), tags, language: language ?? null, allowDuplicate: likely },
      });
      setError(null);
      onReady(createClaim.id, true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="stack">
      <label htmlFor="claim-creator-text">Claim, worded neutrally</label>
      <textarea
        id="claim-creator-text"
        required
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {shown.length > 0 && (
        <div className={likely ? 'warning' : 'muted small'} data-testid="similar-claims">
          <p>{likely ? 'Possible duplicate of:' : 'Similar claims:'}</p>
          <ul className="plain">
            {shown.map((s) => (
              <li key={s.claim.id}>
                <a href={href.claim(s.claim.id)}>{s.claim.text}</a>{' '}
                <span className="muted small">({Math.round(s.score * 100)} % alike)</span>{' '}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onReady(s.claim.id, false)}
                >
                  {useLabel}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNote error={error} />
      <div>
        <button type="submit" disabled={busy || !text.trim()}>
          {likely ? 'Create anyway' : 'Create claim'}
        </button>
      </div>
    </form>
  );
}
