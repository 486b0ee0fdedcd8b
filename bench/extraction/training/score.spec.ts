import { countAttributions, countSpans, prf, spansMatch } from './score';

describe('spansMatch', () => {
  it('exact needs identical offsets', () => {
    expect(spansMatch({ start: 0, end: 4 }, { start: 0, end: 4 }, 'exact')).toBe(true);
    expect(spansMatch({ start: 0, end: 4 }, { start: 0, end: 5 }, 'exact')).toBe(false);
  });

  it('overlap needs at least half of the shorter span', () => {
    expect(spansMatch({ start: 0, end: 10 }, { start: 5, end: 30 }, 'overlap')).toBe(true);
    expect(spansMatch({ start: 0, end: 10 }, { start: 6, end: 30 }, 'overlap')).toBe(false);
    expect(spansMatch({ start: 0, end: 4 }, { start: 4, end: 8 }, 'overlap')).toBe(false);
  });
});

describe('countSpans', () => {
  it('matches one to one and deduplicates', () => {
    const gold = [
      { start: 0, end: 10 },
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const predicted = [
      { start: 0, end: 9 },
      { start: 1, end: 10 },
      { start: 50, end: 60 },
    ];
    expect(countSpans(gold, predicted, 'overlap')).toEqual({ gold: 2, predicted: 3, matched: 1 });
    expect(countSpans(gold, predicted, 'exact')).toEqual({ gold: 2, predicted: 3, matched: 0 });
  });
});

describe('countAttributions', () => {
  it('needs the cue and the source to match, or both sources to be absent', () => {
    const gold = [
      { cue: { start: 10, end: 14 }, source: { start: 0, end: 9 }, content: null },
      { cue: { start: 40, end: 44 }, source: null, content: null },
    ];
    const predicted = [
      { cue: { start: 10, end: 14 }, source: { start: 0, end: 9 }, content: null },
      { cue: { start: 40, end: 44 }, source: { start: 30, end: 39 }, content: null },
    ];
    expect(countAttributions(gold, predicted, 'overlap').matched).toBe(1);
  });
});

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    expect(prf({ predicted: 4, gold: 8, matched: 2 })).toEqual({
      precision: 0.5,
      recall: 0.25,
      f1: 1 / 3,
    });
    expect(prf({ predicted: 0, gold: 0, matched: 0 }).f1).toBe(0);
  });
});
