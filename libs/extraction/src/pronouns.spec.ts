import { fullName, kindOf, nameMentions, resolvePronoun } from './pronouns';

describe('kindOf', () => {
  it('tells people from organisations and groups', () => {
    expect(kindOf('the State Department')).toBe('organization');
    expect(kindOf('the Times')).toBe('organization');
    expect(kindOf('Mr. Obama')).toBe('person');
    expect(kindOf('officials')).toBe('group');
  });
});

describe('resolvePronoun', () => {
  const text =
    'President Javier Milei met the Foreign Ministry in Córdoba. Milei left. Then he spoke.';
  const mentions = nameMentions(text);

  it('resolves he to the nearest person, by full name', () => {
    expect(resolvePronoun('he', text.indexOf('he spoke'), [], mentions)).toBe('Javier Milei');
  });

  it('resolves it to an organisation', () => {
    expect(resolvePronoun('it', text.length, [], mentions)).toBe(
      'the Foreign Ministry'.replace('the ', ''),
    );
  });

  it('prefers a recent source that fits', () => {
    const recent = [{ name: 'Mr. Grassley', offset: 0, kind: 'person' as const }];
    expect(resolvePronoun('he', 10, recent, [])).toBe('Grassley');
  });
});

describe('fullName', () => {
  it('finds the longest form of a surname', () => {
    expect(
      fullName('Mr. Obama', [{ name: 'President Barack Obama', offset: 0, kind: 'person' }]),
    ).toBe('Barack Obama');
  });
});
