import type { SourceChangeT } from '../../api/types';
import { correctionCounts, summarizeCorrections } from '../../lib/corrections';
import { formatDateTime } from '../../lib/format';
import { href } from '../../lib/router';
import { PassageDiff } from './PassageDiff';

/**
 * The claim page's notice that an article behind the claim was corrected: one line per corrected
 * version ("Perfil corrected this article on …: 3 passages moved, 1 changed, 1 withdrawn"), and
 * the diff of each passage that changed or was withdrawn.
 */
export function CorrectionBanner({ changes }: { changes: SourceChangeT[] }) {
  if (changes.length === 0) return null;
  const affected = changes.filter((c) => c.status !== 'EXACT');
  const toReview = changes.filter((c) => !c.resolved).length;
  return (
    <section
      className="correction-banner"
      role="note"
      aria-label="Source corrected"
      data-testid="correction-banner"
    >
      {summarizeCorrections(changes).map((s) => (
        <p key={s.toArticleId}>
          <strong>
            {s.publisher ?? 'The publisher'} corrected this article on {formatDateTime(s.at)}
          </strong>
          : {correctionCounts(s)}. <span className="muted small">“{s.title}”</span>
        </p>
      ))}
      {toReview > 0 && (
        <p>
          {toReview} awaiting review · <a href={href.review()}>Open the review queue</a>
        </p>
      )}
      {affected.length > 0 && (
        <details open>
          <summary>Affected passages ({affected.length})</summary>
          <ul className="plain">
            {affected.map((c) => (
              <li key={c.id} data-source-change-id={c.id}>
                <p className="muted small">
                  {c.attribution ? c.attribution.actor.name : 'Status evidence'} ·{' '}
                  {c.status === 'ORPHANED' ? 'withdrawn' : `changed (score ${c.score})`}
                  {c.resolution
                    ? ` · ${c.resolution.toLowerCase()}ed`
                    : c.resolved
                      ? ''
                      : ' · to review'}
                </p>
                <PassageDiff from={c.from.exact} to={c.to?.exact ?? null} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
