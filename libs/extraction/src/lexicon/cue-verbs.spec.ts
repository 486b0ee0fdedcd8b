import { cueFormsStartingWith, inflect } from './cue-verbs';

describe('inflect', () => {
  it('makes regular verb forms', () => {
    expect(inflect('deny')).toEqual(['deny', 'denies', 'denied', 'denied', 'denying']);
    expect(inflect('argue')).toEqual(['argue', 'argues', 'argued', 'argued', 'arguing']);
    expect(inflect('push')).toEqual(['push', 'pushes', 'pushed', 'pushed', 'pushing']);
    expect(inflect('plan')).toEqual(['plan', 'plans', 'planned', 'planned', 'planning']);
  });
});

describe('cueFormsStartingWith', () => {
  it('knows irregular forms and their stance', () => {
    expect(cueFormsStartingWith('told')[0]).toMatchObject({ lemma: 'tell', stance: 'ASSERTS' });
    expect(cueFormsStartingWith('denied')[0]).toMatchObject({ lemma: 'deny', stance: 'DENIES' });
    expect(cueFormsStartingWith('confirmed')[0].stance).toBe('CONFIRMS');
    expect(cueFormsStartingWith('questioned')[0].stance).toBe('QUESTIONS');
    expect(cueFormsStartingWith('retracted')[0].stance).toBe('RETRACTS');
  });

  it('lists phrasal forms before one-word ones', () => {
    expect(cueFormsStartingWith('pushed')[0].words).toEqual(['pushed', 'back', 'against']);
  });

  it('knows nothing of ordinary verbs', () => {
    expect(cueFormsStartingWith('ate')).toEqual([]);
  });
});
