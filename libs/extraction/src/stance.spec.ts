import { decideStance, isMedium } from './stance';

describe('isMedium', () => {
  it('recognises news media', () => {
    expect(isMedium('the Times')).toBe(true);
    expect(isMedium('The newspaper')).toBe(true);
    expect(isMedium('the White House')).toBe(false);
    expect(isMedium('officials')).toBe(false);
  });
});

describe('decideStance', () => {
  const base = { negated: false, sourceText: 'Milei', contentText: 'talks are advanced' };

  it('keeps the cue’s stance', () => {
    expect(decideStance({ ...base, cueStance: 'DENIES' })).toBe('DENIES');
  });

  it('makes a medium relay', () => {
    expect(decideStance({ ...base, cueStance: 'ASSERTS', sourceText: 'The newspaper' })).toBe(
      'REPORTS',
    );
  });

  it('reads a description as false as a denial', () => {
    expect(
      decideStance({ ...base, cueStance: 'ASSERTS', contentText: '“100 percent false.”' }),
    ).toBe('DENIES');
  });

  it('turns a negated confirmation into declining to comment', () => {
    expect(decideStance({ ...base, cueStance: 'CONFIRMS', negated: true })).toBe(
      'DECLINES_TO_COMMENT',
    );
  });
});
