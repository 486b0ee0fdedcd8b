import { changesFigures, isFactWord } from './figures';

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
    for (const word of ['cranes', 'said', 'May', 'march', 'the', 'Perfil', '']) {
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
});
