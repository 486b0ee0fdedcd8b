import { CodePointIndex, codePointLength } from '@claimtrace/anchoring';
import { useRef } from 'react';
import type { ArticleT, AttributionT } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ArticleText } from '../ArticleText';

/** Words selected in an article, as code-point offsets into its text. */
export interface Selection {
  articleId: string;
  start: number;
  end: number;
  exact: string;
}

/**
 * An article with the claim's passages highlighted; an editor selects words in it to attribute
 * them (reported through `onSelectText`).
 */
export function ArticlePanel({
  article,
  attributions,
  activeId,
  onSelectSpan,
  canEdit,
  onSelectText,
  children,
}: {
  article: ArticleT;
  attributions: AttributionT[];
  activeId: string | null;
  onSelectSpan(id: string): void;
  canEdit: boolean;
  onSelectText(selection: Selection | null): void;
  children?: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const spans = attributions
    .filter((a) => a.passage.article.id === article.id)
    .map((a) => ({ id: a.passage.id, start: a.passage.start, end: a.passage.end }));

  const readSelection = () => {
    if (!canEdit || !ref.current) return;
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    const box = ref.current;
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    const startUnits = before.toString().length;
    const exact = range.toString();
    if (!exact.trim()) return;
    const start = new CodePointIndex(article.text).toCodePoint(startUnits);
    onSelectText({ articleId: article.id, start, end: start + codePointLength(exact), exact });
  };

  return (
    <section className="article" aria-label={`Article: ${article.title}`}>
      <h3>
        <a href={article.url} rel="noreferrer">
          {article.title}
        </a>
      </h3>
      <p className="muted small">
        {[article.publisher?.name, article.publishedAt && formatDateTime(article.publishedAt)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {canEdit && (
        <p className="muted small">Select words in the text to attribute them to an actor.</p>
      )}
      <div onMouseUp={readSelection} onKeyUp={readSelection}>
        <ArticleText
          ref={ref}
          text={article.text}
          spans={spans}
          activeId={activeId}
          onSelectSpan={onSelectSpan}
        />
      </div>
      {children}
    </section>
  );
}
