import { foldText, parseTextQuery } from './text-query';

describe('parseTextQuery', () => {
  it('builds prefix terms from letters and digits only', () => {
    expect(parseTextQuery(`') OR 1=1 --`).prefix).toBeNull();
    expect(parseTextQuery(`x' OR name='admin`).prefix).toBe('name:* & admin:*');
    expect(parseTextQuery('&|!():* "unbalanced').prefix).toBe('unbala:*');
    expect(parseTextQuery('&|!():*').prefix).toBeNull();
  });

  it('cuts long words to a prefix and folds accents', () => {
    const parsed = parseTextQuery('Deportaciones de Milei, USA');
    expect(parsed.prefix).toBe('deport:* & milei:* & usa');
    expect(parsed.terms.map((t) => t.word)).toEqual(['deportaciones', 'milei', 'usa']);
  });

  it('turns a leading minus into an exclusion and drops the OR operator', () => {
    expect(parseTextQuery('talks or deal -deportees').prefix).toBe('talks:* & deal:* & !deportees');
  });

  it('folds case and accents', () => {
    expect(foldText('Cancillería ÁÉ')).toBe('cancilleria ae');
  });
});
