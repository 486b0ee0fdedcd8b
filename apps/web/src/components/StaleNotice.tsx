import { useState } from 'react';
import { claimChanges, type ClaimSnapshot } from '../lib/corrections';

/**
 * What a form keeps of the claim it edits: the claim as shown when the editor started (`open`),
 * what changed since (a live refresh), and `keep` once the editor has seen it. Forms send
 * `seen.version` as `expectedVersion`, so nothing lands on a version nobody saw.
 */
export function useOpenedClaim(claim: ClaimSnapshot) {
  const [opened, setOpened] = useState<ClaimSnapshot | null>(null);
  return {
    seen: opened ?? claim,
    opened,
    changed: opened ? claimChanges(opened, claim) : [],
    /** the editor starts writing */
    open: () => setOpened((current) => current ?? claim),
    /** the editor has seen the changes and keeps their edit, for the claim as it is now */
    keep: () => setOpened(claim),
    /** sent, or given up: the next edit starts from the claim as shown then */
    reset: () => setOpened(null),
  };
}

/** The question a form asks when its claim changed while the editor was writing. */
export function StaleNotice({
  from,
  to,
  changed,
  onKeep,
}: {
  from: number;
  to: number;
  changed: string[];
  onKeep(): void;
}) {
  if (changed.length === 0) return null;
  return (
    <div className="warning" role="alert" data-testid="stale-form">
      <p>
        This claim changed while you were writing (version {from} → {to}):
      </p>
      <ul>
        {changed.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>Check the changes above, then decide whether your change still holds.</p>
      <button type="button" onClick={onKeep}>
        Keep my change for version {to}
      </button>
    </div>
  );
}
