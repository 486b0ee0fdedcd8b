import { useState, type FormEvent } from 'react';
import { ApiError, gql } from '../api/client';
import { CHANGE_STATUS } from '../api/queries';
import type { ClaimSnapshot } from '../lib/corrections';
import { humanize, TRANSITIONS, type ClaimStatus } from '../lib/format';
import { ErrorNote } from './ErrorNote';
import { StaleNotice, useOpenedClaim } from './StaleNotice';

export interface ChangeStatusFormProps {
  claimId: string;
  /** the claim as the page shows it now (live refresh replaces it) */
  claim: ClaimSnapshot;
  /** passages the editor may cite as evidence (the claim's attributions' passages) */
  evidence?: { id: string; label: string }[];
  /** reload the claim (after a change, or to show the newer version after a conflict) */
  onChanged(): Promise<void> | void;
}

/**
 * Moves a claim along the status workflow with a rationale. The form keeps the claim as it was
 * when the editor started writing and sends that version: when the claim changes meanwhile (a live
 * refresh), it says what changed and asks before sending on the newer version, instead of quietly
 * adopting it. A CONFLICT from the server (a change the page had not seen yet) reloads the claim,
 * says so, and keeps the rationale.
 */
export function ChangeStatusForm({
  claimId,
  claim,
  evidence = [],
  onChanged,
}: ChangeStatusFormProps) {
  const { seen, opened, changed, open, keep, reset } = useOpenedClaim(claim);
  const targets = TRANSITIONS[seen.status as ClaimStatus] ?? [];
  const [to, setTo] = useState('');
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const target = targets.includes(to as ClaimStatus) ? (to as ClaimStatus) : targets[0];

  if (!targets.length) {
    return <p className="muted">{humanize(seen.status)} is final: its status cannot change.</p>;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (changed.length) return; // asked below: review the changes first
    setBusy(true);
    setError(null);
    setConflict(null);
    setDone(null);
    try {
      await gql(CHANGE_STATUS, {
        input: {
          claimId,
          status: target,
          rationale: rationale.trim(),
          expectedVersion: seen.version,
          evidencePassageIds: [...picked],
        },
      });
      setRationale('');
      setPicked(new Set());
      reset();
      setDone(`Status changed to ${humanize(target)}.`);
      await onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const current = e.extensions.currentVersion;
        // show the newer version first, then say why: the notice is the question, and the next
        // submit is for the version it shows
        await onChanged();
        reset();
        setConflict(
          `Someone changed this claim while you were reading it${
            typeof current === 'number' ? ` (it is now at version ${current})` : ''
          }. The newer version is shown above; check it and submit again.`,
        );
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-labelledby="change-status-title">
      <h3 id="change-status-title">Change status</h3>
      <p className="muted small">
        Now {humanize(seen.status)}, version {seen.version}.
      </p>
      <label htmlFor="status-to">New status</label>
      <select
        id="status-to"
        value={target}
        onChange={(e) => {
          open();
          setTo(e.target.value);
        }}
      >
        {targets.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </select>
      <label htmlFor="status-rationale">Rationale</label>
      <textarea
        id="status-rationale"
        rows={3}
        required
        value={rationale}
        onChange={(e) => {
          open();
          setRationale(e.target.value);
        }}
      />
      <StaleNotice
        from={opened?.version ?? claim.version}
        to={claim.version}
        changed={changed}
        onKeep={keep}
      />
      {evidence.length > 0 && (
        <fieldset className="evidence-picker">
          <legend>Evidence (passages)</legend>
          {evidence.map((passage) => (
            <label key={passage.id} className="small">
              <input
                type="checkbox"
                value={passage.id}
                checked={picked.has(passage.id)}
                onChange={(e) =>
                  setPicked((set) => {
                    const next = new Set(set);
                    if (e.target.checked) next.add(passage.id);
                    else next.delete(passage.id);
                    return next;
                  })
                }
              />{' '}
              {passage.label}
            </label>
          ))}
        </fieldset>
      )}
      {conflict && (
        <p className="warning" role="alert" data-testid="conflict">
          {conflict}
        </p>
      )}
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <ErrorNote error={error} />
      <div>
        <button type="submit" disabled={busy || !rationale.trim() || changed.length > 0}>
          Change status
        </button>
      </div>
    </form>
  );
}
