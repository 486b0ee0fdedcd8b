import { splitSentences } from './sentences';

const texts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at sentence ends and paragraphs', () => {
    expect(texts('He left. She stayed!\nA new paragraph?  Yes.')).toEqual([
      'He left.',
      'She stayed!',
      'A new paragraph?',
      'Yes.',
    ]);
  });

  it('keeps abbreviations and initials inside a sentence', () => {
    expect(texts('Mr. Smith met Sen. J. Doe in the U.S. Capitol. Then he left.')).toEqual([
      'Mr. Smith met Sen. J. Doe in the U.S. Capitol.',
      'Then he left.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(texts('“It is over.” Nobody agreed.')).toEqual(['“It is over.”', 'Nobody agreed.']);
  });

  it('numbers paragraphs', () => {
    expect(splitSentences('A.\n\nB.').map((s) => s.paragraph)).toEqual([0, 1]);
  });
});
