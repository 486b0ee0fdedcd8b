import type { AttributionT } from '../../api/types';
import { formatDateTime } from '../../lib/format';

/** One attribution of the claim: its relay chain, the quote (a button that shows it in the article). */
export function AttributionItem({
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
      {a.needsReview && (
        <p className="warning small" data-testid="needs-review">
          Its article was corrected and this passage needs review; it does not count in the stance
          summary until an editor confirms it.
        </p>
      )}
      <p className="muted small">
        {a.passage.article.title}
        {a.statedAt ? ` · ${formatDateTime(a.statedAt)}` : ''}
        {a.confidence != null ? ` · confidence ${a.confidence}` : ''}
      </p>
    </li>
  );
}
