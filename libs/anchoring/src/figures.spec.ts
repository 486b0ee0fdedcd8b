import { changesFigureMarks, changesFigures, isFactWord } from './figures';

describe('figures and dates in word edits', () => {
  it('knows a figure or a date when it sees one', () => {
    for (const word of [
      '15',
      '580,000',
      '1.5',
      '$580',
      '15%',
      '2026',
      'Thursday',
      'septiembre',
      'twelve',
      'millones',
    ]) {
      expect(isFactWord(word)).toBe(true);
    }
    for (const word of ['cranes', 'said', 'may', 'march', 'the', 'Perfil', '']) {
      expect(isFactWord(word)).toBe(false);
    }
  });

  it('flags edits that change a figure or a date, on either side', () => {
    expect(changesFigures([{ from: '12', to: '15' }])).toBe(true);
    expect(changesFigures([{ from: 'Friday', to: 'Thursday' }])).toBe(true);
    expect(changesFigures([{ to: 'million' }])).toBe(true);
    expect(changesFigures([{ from: 'twelve' }])).toBe(true);
  });

  it('leaves wording alone, and counts edits too long to list as a change', () => {
    expect(changesFigures([])).toBe(false);
    expect(changesFigures([{ from: 'said', to: 'stated' }, { to: 'reportedly' }])).toBe(false);
    expect(changesFigures(null)).toBe(true);
  });

  it('knows counts, ordinals, roman numerals and the months that are also verbs', () => {
    for (const word of [
      'hundreds',
      'Thousands',
      'millions',
      'dozens',
      'third',
      'twentieth',
      'twice',
      'doubled',
      'miles',
      'cientos',
      'veintidós',
      'dieciocho',
      'quinientos',
      'tercera',
      'XXI',
      'II',
      'March',
      'May',
      'PM',
    ]) {
      expect([word, isFactWord(word)]).toEqual([word, true]);
    }
    for (const word of ['I', 'X', 'Mix', 'IIII', 'am', 'third-party']) {
      expect([word, isFactWord(word)]).toEqual([word, false]);
    }
  });

  it('flags a changed currency, percent sign or time of day that no word shows', () => {
    const cases: [string, string, boolean][] = [
      ['cost $5 million', 'cost €5 million', true],
      ['rose 5% in May', 'rose 5 points in May', true],
      ['at 10:30 a.m. on Friday', 'at 10:30 p.m. on Friday', true],
      ['at 10a.m.', 'at 10p.m.', true],
      ['cost $5, said the mayor', 'cost $5, the mayor said', false],
      ['at 10 a.m.', 'at 10 A.M.', false],
    ];
    for (const [before, after, changed] of cases) {
      expect([before, after, changesFigureMarks(before, after)]).toEqual([before, after, changed]);
    }
  });
});
