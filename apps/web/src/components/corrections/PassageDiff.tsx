import { wordDiff } from '../../lib/corrections';

/** An affected passage: the old words struck, the new ones marked; "withdrawn" when orphaned. */
export function PassageDiff({ from, to }: { from: string; to: string | null }) {
  if (to === null) {
    return (
      <p className="diff" data-testid="passage-diff">
        <del>{from}</del> <span className="muted small">(withdrawn)</span>
      </p>
    );
  }
  return (
    <p className="diff" data-testid="passage-diff">
      {wordDiff(from, to).map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'del' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <ins key={i}>{part.text}</ins>
        ),
      )}
    </p>
  );
}
