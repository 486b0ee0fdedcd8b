// A note's markdown, rendered as React elements and never as HTML: what a note says (even
// `<script>`) is text, links go only to http(s) addresses, and @handles are marked as mentions.
// The subset notes need: paragraphs, line breaks, `- ` lists, **strong**, *em*, `code`, [links](…).
// Each pattern stops at the next delimiter of its kind, so rendering is linear in the text.
import { Fragment, type ReactNode } from 'react';

const INLINE =
  /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*)|\[([^[\]\n]+)\]\((https?:\/\/[^\s()]+)\)|(^|[^\p{L}\p{N}\p{M}_@.])@([A-Za-z0-9][A-Za-z0-9_-]{0,39})(?![\p{L}\p{N}\p{M}_-])/gu;

/** One line's inline markup. */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, strong, em, label, url, before, handle] = match;
    const start = match.index + (handle !== undefined ? before.length : 0);
    if (start > last) out.push(text.slice(last, start));
    const key = n++;
    if (code) out.push(<code key={key}>{code.slice(1, -1)}</code>);
    else if (strong) out.push(<strong key={key}>{strong.slice(2, -2)}</strong>);
    else if (em) out.push(<em key={key}>{em.slice(1, -1)}</em>);
    else if (label !== undefined)
      out.push(
        <a key={key} href={url} rel="noreferrer noopener" target="_blank">
          {label}
        </a>,
      );
    else
      out.push(
        <span key={key} className="mention">
          @{handle}
        </span>,
      );
    last = match.index + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A note's body: blocks split by blank lines; a block of `- ` lines is a list. */
export function Markdown({ text }: { text: string }) {
  const blocks = text.split(/\n[ \t]*\n/);
  return (
    <div className="markdown">
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((line) => /^\s*[-*] /.test(line))) {
          return (
            <ul key={i}>
              {lines.map((line, j) => (
                <li key={j}>{renderInline(line.replace(/^\s*[-*] /, ''))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i}>
            {lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                {renderInline(line)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}
