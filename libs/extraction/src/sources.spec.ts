import { mainClauseSubject, phraseAfter, subjectBefore } from './sources';
import { tokenize } from './text/tokens';

function at(text: string, word: string) {
  const tokens = tokenize(text, 0, text.length);
  const index = tokens.findIndex((t) => t.text === word);
  const show = (range?: { first: number; last: number }) =>
    range ? text.slice(tokens[range.first].start, tokens[range.last].end) : undefined;
  return { tokens, index, show };
}

describe('subjectBefore', () => {
  it('walks left to a clause boundary', () => {
    const { tokens, index, show } = at(
      'But Sources familiar with the talks told the paper.',
      'told',
    );
    expect(show(subjectBefore(tokens, index))).toBe('Sources familiar with the talks');
  });

  it('keeps an appositive and skips a parenthetical', () => {
    const a = at('Brian Fallon, the campaign’s press secretary, noted it.', 'noted');
    expect(a.show(subjectBefore(a.tokens, a.index))).toBe(
      'Brian Fallon, the campaign’s press secretary',
    );
    const b = at('Sen. David Perdue (R-Ga.) said no.', 'said');
    expect(b.show(subjectBefore(b.tokens, b.index))).toBe('Sen. David Perdue (R-Ga.)');
  });

  it('keeps coordinated subjects together', () => {
    const { tokens, index, show } = at(
      'Both a spokesperson and the ministry declined.',
      'declined',
    );
    expect(show(subjectBefore(tokens, index))).toBe('Both a spokesperson and the ministry');
  });
});

describe('phraseAfter', () => {
  it('reads the phrase after "according to"', () => {
    const { tokens, index, show } = at(
      'Prices rose, according to the Roper Center for Research, today.',
      'the',
    );
    expect(show(phraseAfter(tokens, index))).toBe('the Roper Center for Research');
  });
});

describe('mainClauseSubject', () => {
  it('finds the subject of the main verb', () => {
    const { tokens, index, show } = at(
      'In its report, the Times added details, saying more.',
      'saying',
    );
    expect(show(mainClauseSubject(tokens, index))).toBe('the Times');
  });
});
