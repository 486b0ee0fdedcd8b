import { snapToWholeUnits, wholeEdgesOf } from './whole-units';

/** The text of `value` that `[start, end)` grows to, given as the substring it starts from. */
function snapped(value: string, part: string, from = value.indexOf(part)): string {
  const span = snapToWholeUnits(value, { start: from, end: from + part.length });
  return value.slice(span.start, span.end);
}

describe('snapToWholeUnits', () => {
  it('grows an edge inside a word to the whole word', () => {
    expect(snapped('they met in Washin gton today', 'met in Wash')).toBe('met in Washin');
    expect(snapped("Argentina's border rhetoric", 'Argentina')).toBe("Argentina's");
    expect(snapped('the canción ended', 'nció')).toBe('canción');
  });

  it('keeps numbers whole, with their groups, decimals, percent sign, currency and scale', () => {
    expect(snapped('paid 580,000 dollars', 'paid 580')).toBe('paid 580,000');
    expect(snapped('grew 1.5 points', 'grew 1')).toBe('grew 1.5');
    expect(snapped('rose 15% in May', 'rose 15')).toBe('rose 15%');
    expect(snapped('costs $580 now', '580 now')).toBe('$580 now');
    expect(snapped('for 580 million by then', 'for 580')).toBe('for 580 million');
    expect(snapped('unos 580 millones de pesos', 'millones de pesos')).toBe(
      '580 millones de pesos',
    );
  });

  it('keeps dates whole in English, Spanish and Portuguese word orders', () => {
    expect(snapped('580 million by September 15.', 'million by September')).toBe(
      '580 million by September 15',
    );
    expect(snapped('até 15 de setembro', 'até 15')).toBe('até 15 de setembro');
    expect(snapped('by September 15, 2026, they said', 'by September 15')).toBe(
      'by September 15, 2026',
    );
    expect(snapped('on 15 September they met', '15 Sep')).toBe('15 September');
    expect(snapped('el 15 de septiembre', 'el 15')).toBe('el 15 de septiembre');
    expect(snapped('el 15 de septiembre', 'septiembre')).toBe('15 de septiembre');
    expect(snapped('by September 15.', '15.')).toBe('September 15.');
  });

  it('keeps names whole, but not across a line break or a full stop', () => {
    expect(snapped('said President Javier Milei on Friday', 'said President Javier')).toBe(
      'said President Javier Milei',
    );
    expect(snapped('it said. The minister', 'it said.')).toBe('it said.');
    const heading = 'UPDATED\nForeign policy';
    const span = snapToWholeUnits(heading, { start: 8, end: 15 }, undefined, (at) => at !== 7);
    expect(heading.slice(span.start, span.end)).toBe('Foreign');
  });

  it('leaves an edge alone when punctuation or the text edge is there already', () => {
    expect(snapped('“100 percent false.”', '100 percent false.”')).toBe('100 percent false.”');
    expect(snapped('done', 'done')).toBe('done');
  });

  it('grows over at most a few units on each side of a hostile run of names', () => {
    const names = Array.from({ length: 20_000 }, (_, k) => `Name${k}`).join(' ');
    const from = names.indexOf('Name10000');
    const span = snapToWholeUnits(names, { start: from, end: from + 9 });
    expect(span.end - span.start).toBeLessThan(200);
  });
});

describe('wholeEdgesOf', () => {
  it('says how whole each edge of the old passage was', () => {
    expect(wholeEdgesOf('paid ', '580', ' dollars')).toEqual({ start: 'unit', end: 'unit' });
    expect(wholeEdgesOf('paid ', '58', ' million')).toEqual({ start: 'unit', end: 'word' });
    expect(wholeEdgesOf('Javier ', 'Mil', 'ei said')).toEqual({ start: 'word', end: 'none' });
  });
});
