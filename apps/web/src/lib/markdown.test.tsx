import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

const html = (text: string) => render(<Markdown text={text} />).container.innerHTML;

describe('Markdown', () => {
  it('renders the subset notes use', () => {
    expect(html('**Check** the *table*, `x`\nthen [source](https://example.org/a)')).toBe(
      '<div class="markdown"><p><strong>Check</strong> the <em>table</em>, <code>x</code><br>then ' +
        '<a href="https://example.org/a" rel="noreferrer noopener" target="_blank">source</a></p></div>',
    );
    expect(html('- one\n- two\n\nafter')).toBe(
      '<div class="markdown"><ul><li>one</li><li>two</li></ul><p>after</p></div>',
    );
  });

  it('marks @mentions, not e-mail addresses', () => {
    expect(html('ask @Ben, not ana@example.org')).toBe(
      '<div class="markdown"><p>ask <span class="mention">@Ben</span>, not ana@example.org</p></div>',
    );
  });

  it('does not mark an e-mail address whose name ends in a letter beyond ASCII', () => {
    expect(html('josé@ana.org')).toBe('<div class="markdown"><p>josé@ana.org</p></div>');
  });

  it('never injects HTML or script links', () => {
    const out = html(
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script>',
    );
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('href="javascript');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders a hostile text in time linear in it', () => {
    const hostile = '['.repeat(20_000) + '*'.repeat(20_000) + '`'.repeat(1) + '@'.repeat(20_000);
    expect(html(hostile)).toContain('[[[');
  });
});
