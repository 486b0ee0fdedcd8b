import { forwardRef } from 'react';
import { segmentText, type Span } from '../lib/text';

export interface ArticleTextProps {
  text: string;
  /** the passages to highlight, by id (offsets in code points) */
  spans: Span[];
  /** the passage to show as selected */
  activeId?: string | null;
  onSelectSpan?(id: string): void;
}

/**
 * An article's text with its passages highlighted. Every highlighted segment carries the ids of
 * the passages covering it (`data-passage-ids`), and the first segment of each passage its anchor
 * (`id="passage-<id>"`) so a click elsewhere can jump to it.
 */
export const ArticleText = forwardRef<HTMLDivElement, ArticleTextProps>(function ArticleText(
  { text, spans, activeId, onSelectSpan },
  ref,
) {
  const segments = segmentText(text, spans);
  const anchored = new Set<string>();
  return (
    <div className="article-text" ref={ref} data-testid="article-text">
      {segments.map((segment) => {
        if (!segment.spanIds.length) return <span key={segment.start}>{segment.text}</span>;
        const first = segment.spanIds.find((id) => !anchored.has(id));
        if (first) anchored.add(first);
        const active = activeId != null && segment.spanIds.includes(activeId);
        return (
          <mark
            key={segment.start}
            id={first ? `passage-${first}` : undefined}
            className={active ? 'passage active' : 'passage'}
            data-passage-ids={segment.spanIds.join(' ')}
            tabIndex={first ? -1 : undefined}
            onClick={() => onSelectSpan?.(segment.spanIds[0])}
          >
            {segment.text}
          </mark>
        );
      })}
    </div>
  );
});
