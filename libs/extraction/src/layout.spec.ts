import { findLayoutAttributions } from './layout';
import { findQuotes } from './text/quotes';

function layout(text: string): { source: string; cue: string; content: string }[] {
  return findLayoutAttributions(text, findQuotes(text)).map((item) => ({
    source: text.slice(item.source.start, item.source.end),
    cue: text.slice(item.cue.start, item.cue.end),
    content: text.slice(item.content.start, item.content.end),
  }));
}

describe('findLayoutAttributions', () => {
  it('reads a headline "Name: content" with the colon as cue', () => {
    expect(
      layout('Mayor Ortiz: Bridge Tolls Will Double Next Year\nThe city council met.'),
    ).toEqual([{ source: 'Mayor Ortiz', cue: ':', content: 'Bridge Tolls Will Double Next Year' }]);
  });

  it('ignores labels and title-cased phrases before a colon', () => {
    expect(layout('UPDATE: The vote was moved to Friday.')).toEqual([]);
    expect(layout('The Latest: Storm reaches the coast tonight.')).toEqual([]);
    expect(layout('Rain Over Paris: Floods close three museums.')).toEqual([]);
    expect(layout('Notes from the road: we drove north all day.')).toEqual([]);
  });

  it('reads transcript speaker labels to the end of the paragraph', () => {
    const text = 'HOST: Welcome back to the program.\n"GUEST: Thanks, it is good to be here.';
    expect(layout(text)).toEqual([
      { source: 'HOST', cue: ':', content: 'Welcome back to the program.' },
      { source: 'GUEST', cue: ':', content: 'Thanks, it is good to be here.' },
    ]);
  });

  it('reads a credit line after a quotation, even with a no-break space at the end', () => {
    const text = '“The park should stay open all winter.” ― Dana Q. Whitfield\u00a0\nNext line.';
    expect(layout(text)).toEqual([
      {
        source: 'Dana Q. Whitfield',
        cue: '―',
        content: '“The park should stay open all winter.”',
      },
    ]);
  });

  it('leaves an ordinary dash in prose alone', () => {
    expect(layout('The plan — a costly one — passed on Tuesday.')).toEqual([]);
  });
});
