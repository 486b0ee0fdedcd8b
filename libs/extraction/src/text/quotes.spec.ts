import { findQuotes, quoteContaining } from './quotes';

const quoted = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findQuotes', () => {
  it('pairs curly and straight double quotes', () => {
    expect(quoted('He said “yes” and "no".')).toEqual(['“yes”', '"no"']);
  });

  it('does not take apostrophes for quotes', () => {
    expect(quoted("It's Trump's ‘big’ day, isn't it?")).toEqual(['‘big’']);
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    expect(quoted('“First part.\n“Second part.”')).toEqual(['“First part.', '“Second part.”']);
  });

  it('reads two apostrophes as a double quote', () => {
    expect(quoted("He said, ''We won.''")).toEqual(["''We won.''"]);
  });
});

describe('quoteContaining', () => {
  it('finds the quote around an offset', () => {
    const text = 'a “bc” d';
    const quotes = findQuotes(text);
    expect(quoteContaining(quotes, text.indexOf('b'))).toEqual({ start: 2, end: 6 });
    expect(quoteContaining(quotes, text.indexOf('d'))).toBeUndefined();
  });
});
