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

describe('decideStance from what the content says', () => {
  const stance = (contentText: string, cueText = 'said', sourceText: string | null = 'Smith') =>
    decideStance({ cueStance: 'ASSERTS', negated: false, sourceText, contentText, cueText });

  it('reads a content that calls something false or right, in either language', () => {
    expect(stance('“Es falso”')).toBe('DENIES');
    expect(stance('Las cifras del CNE son falsas')).toBe('DENIES');
    expect(stance('Eso no es cierto, no llegó un solo peso', 'contestó')).toBe('DENIES');
    expect(stance('climate change a hoax perpetrated by China', 'has called')).toBe('DENIES');
    expect(stance('“He’s absolutely right,”')).toBe('CONFIRMS');
    expect(stance('he was skeptical of the officials’ confidence')).toBe('DISPUTES');
  });

  it('tells a refusal, a request and a doubt from a question', () => {
    expect(stance('to release his tax returns', 'steadfastly refuses')).toBe('DECLINES_TO_COMMENT');
    const ask = (contentText: string, cueText: string) =>
      decideStance({
        cueStance: 'QUESTIONS',
        negated: false,
        sourceText: 'X',
        contentText,
        cueText,
      });
    expect(ask('the moderator to fact check Trump', 'has asked')).toBe('ASSERTS');
    expect(ask('the fairness of the moderators', 'questions')).toBe('DISPUTES');
    expect(ask('whether the moderators will be fair', 'wondered')).toBe('QUESTIONS');
  });

  it('gives a medium that quotes someone REPORTS, whatever its language', () => {
    expect(stance('that the minister resigned', 'informó', 'el diario La Nación')).toBe('REPORTS');
    expect(stance('that the minister resigned', 'wrote', 'The Times on Saturday')).toBe('REPORTS');
  });
});
