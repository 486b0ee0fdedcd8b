import { contentAroundCue, contentOfAccording } from './content';
import { findQuotes } from './text/quotes';
import { tokenize } from './text/tokens';

function context(text: string) {
  return { text, tokens: tokenize(text, 0, text.length), quotes: findQuotes(text), floor: 0 };
}
const index = (text: string, word: string) =>
  context(text).tokens.findIndex((t) => t.text === word);
const show = (text: string, range?: { start: number; end: number }) =>
  range ? text.slice(range.start, range.end) : undefined;

describe('contentAroundCue', () => {
  it('takes what follows the cue, skipping a recipient and time words', () => {
    const text = 'Officials told reporters on Friday that the deal was done.';
    expect(show(text, contentAroundCue(context(text), 0, index(text, 'told'), 'tell'))).toBe(
      'that the deal was done',
    );
  });

  it('takes the quote before the source', () => {
    const text = '“We are ready,” the minister said.';
    expect(
      show(text, contentAroundCue(context(text), index(text, 'the'), index(text, 'said'), 'say')),
    ).toBe('“We are ready,”');
  });

  it('takes the whole sentence around a parenthetical frame', () => {
    const text = 'Climate change, Mr. Obama says, is the greatest threat.';
    expect(
      show(text, contentAroundCue(context(text), index(text, 'Mr.'), index(text, 'says'), 'say')),
    ).toBe('Climate change, Mr. Obama says, is the greatest threat');
  });
});

describe('contentOfAccording', () => {
  it('takes the content before or after the frame', () => {
    const before = 'Prices rose, according to the office.';
    const cue = { first: index(before, 'according'), last: index(before, 'according') + 1 };
    expect(
      show(
        before,
        contentOfAccording(context(before), cue, { first: cue.last + 1, last: cue.last + 2 }),
      ),
    ).toBe('Prices rose');
    const after = 'According to the office, prices rose.';
    expect(
      show(after, contentOfAccording(context(after), { first: 0, last: 1 }, { first: 2, last: 3 })),
    ).toBe('prices rose');
  });
});
