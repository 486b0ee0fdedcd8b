import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ACTORS, ATTRIBUTE } from '../../api/queries';
import type { ActorRef } from '../../api/types';
import { humanize, STANCES, type Stance } from '../../lib/format';
import type { ClaimSnapshot } from '../../lib/corrections';
import { ErrorNote } from '../ErrorNote';
import { StaleNotice, useOpenedClaim } from '../StaleNotice';
import type { Selection } from './ArticlePanel';

function useActors(): ActorRef[] {
  const [actors, setActors] = useState<ActorRef[]>([]);
  useEffect(() => {
    gql(ACTORS)
      .then((d) => setActors(d.actors.edges.map((e) => e.node)))
      .catch(() => setActors([]));
  }, []);
  return actors;
}

/**
 * Attributes the selected words to an actor with a stance, optionally reported via another
 * attribution of the claim in the same article (a relay chain: "officials said, the Times
 * reported"). Like the status form, it keeps the claim as it was when the editor started and
 * sends that version; a change meanwhile is shown and asked about before anything is sent.
 */
export function AttributeForm({
  claimId,
  claim,
  selection,
  relays = [],
  onDone,
}: {
  claimId: string;
  claim: ClaimSnapshot;
  selection: Selection;
  /** the claim's attributions in the selection's article, which may relay this one */
  relays?: { id: string; label: string }[];
  onDone(): void;
}) {
  const actors = useActors();
  const { seen, opened, changed, open, keep } = useOpenedClaim(claim);
  const [actorId, setActorId] = useState('');
  const [reportedViaId, setReportedViaId] = useState('');
  const [stance, setStance] = useState<Stance>('ASSERTS');
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (changed.length) return; // asked below: review the changes first
    try {
      await gql(ATTRIBUTE, {
        input: {
          claimId,
          expectedVersion: seen.version,
          actorId,
          stance,
          articleId: selection.articleId,
          position: { start: selection.start, end: selection.end },
          reportedViaId: reportedViaId || null,
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
      <select
        id="attr-actor"
        required
        value={actorId}
        onChange={(e) => {
          open();
          setActorId(e.target.value);
        }}
      >
        <option value="">Choose an actor</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor="attr-stance">Stance</label>
      <select
        id="attr-stance"
        value={stance}
        onChange={(e) => {
          open();
          setStance(e.target.value as Stance);
        }}
      >
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
          </option>
        ))}
      </select>
      {relays.length > 0 && (
        <>
          <label htmlFor="attr-via">Reported via</label>
          <select
            id="attr-via"
            value={reportedViaId}
            onChange={(e) => setReportedViaId(e.target.value)}
          >
            <option value="">Nobody: said directly</option>
            {relays.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </>
      )}
      <StaleNotice
        from={opened?.version ?? claim.version}
        to={claim.version}
        changed={changed}
        onKeep={keep}
      />
      <ErrorNote error={error} />
      <div>
        <button type="submit" disabled={!actorId || changed.length > 0}>
          Attribute
        </button>
      </div>
    </form>
  );
}
