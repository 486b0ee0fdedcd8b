import { tokenize } from './tokens';

describe('tokenize', () => {
  it('keeps abbreviations, possessives and hyphens in one word, splits a final period', () => {
    const text = 'Mr. Biden’s so-called U.S. plan ended.';
    expect(tokenize(text, 0, text.length).map((t) => t.text)).toEqual([
      'Mr.',
      'Biden’s',
      'so-called',
      'U.S.',
      'plan',
      'ended',
      '.',
    ]);
  });

  it('gives offsets in the whole text', () => {
    const [token] = tokenize('xx said', 3, 7);
    expect(token).toMatchObject({
      text: 'said',
      start: 3,
      end: 7,
      isWord: true,
      isCapitalized: false,
    });
  });
});
