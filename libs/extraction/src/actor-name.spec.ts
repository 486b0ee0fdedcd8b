import { actorNameOf } from './actor-name';

describe('actorNameOf', () => {
  it('drops trailing appositions and relative clauses', () => {
    expect(actorNameOf('Smith, a spokesman for the campaign')).toBe('Smith');
    expect(actorNameOf('an official, who asked not to be named')).toBe('an official');
    expect(actorNameOf('La portavoz, que pidió no ser identificada')).toBe('La portavoz');
  });

  it('takes the name after a title', () => {
    expect(actorNameOf('El ministro de Economía, Luis Caputo')).toBe('Luis Caputo');
    expect(actorNameOf('Javier Milei')).toBe('Javier Milei');
  });
});
