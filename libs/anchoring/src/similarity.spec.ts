import {
  bigramSimilarity,
  editDistance,
  quoteSimilarity,
  stringSimilarity,
  wordEdits,
} from './similarity';

describe('similarity', () => {
  it('measures edit distance on characters and on words', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance(['no', 'deal'], ['a', 'deal'])).toBe(1);
  });

  it('scores equal strings 1 and unrelated ones near 0', () => {
    expect(stringSimilarity('canción', 'canción')).toBe(1);
    expect(stringSimilarity('abc', '')).toBe(0);
    expect(stringSimilarity('abcd', 'wxyz')).toBe(0);
    expect(bigramSimilarity('night', 'nacht')).toBeCloseTo(0.25);
  });

  it('lists word edits as written', () => {
    expect(
      wordEdits(['no', 'deal', 'is', 'closed'], ['a', 'deal', 'is', 'Closed', 'today']),
    ).toEqual([{ from: 'no', to: 'a' }, { to: 'today' }]);
  });

  it('weighs a changed word more in a short quote than in a long one', () => {
    const short = quoteSimilarity('Milei confirmed it', 'Milei denied it');
    const long = quoteSimilarity(
      'Milei confirmed it on Friday by reposting a message on X from another user',
      'Milei denied it on Friday by reposting a message on X from another user',
    );
    expect(short).toBeLessThan(long);
    expect(long).toBeGreaterThan(0.85);
  });
});
