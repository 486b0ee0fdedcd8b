import { parseTextQuery } from '@claimtrace/core';
import { snippetOf } from './snippet';

const slice = (text: string, start: number, end: number) =>
  Array.from(text).slice(start, end).join('');

describe('snippetOf', () => {
  it('highlights whole words and prefix matches, ignoring case and accents', () => {
    const { terms } = parseTextQuery('Deportaciones MILEI');
    const text = 'Milei denies the deportation talks; deportees would arrive';
    const { snippet, highlights } = snippetOf(text, terms);
    expect(snippet).toBe(text);
    expect(highlights.map((r) => slice(snippet, r.start, r.end))).toEqual([
      'Milei',
      'deportation',
      'deportees',
    ]);
  });

  it('highlights words a typed prefix of 4 to 6 letters begins, as the search finds them', () => {
    const text = 'Ostrovsky said the brine is pumped there; pumping goes on';
    const found = (q: string) =>
      snippetOf(text, parseTextQuery(q).terms).highlights.map((r) => slice(text, r.start, r.end));
    expect(found('ostrov')).toEqual(['Ostrovsky']);
    expect(found('pump')).toEqual(['pumped', 'pumping']);
    expect(found('the')).toEqual(['the']);
  });

  it('counts code points, not UTF-16 units', () => {
    const { terms } = parseTextQuery('canción');
    const text = '😀 𝒜 una canción';
    const { highlights } = snippetOf(text, terms);
    expect(highlights).toEqual([{ start: 8, end: 15 }]);
    expect(slice(text, 8, 15)).toBe('canción');
  });

  it('cuts long texts around the first match and shifts the ranges', () => {
    const { terms } = parseTextQuery('needle');
    const text = `${'hay '.repeat(100)}needle ${'stack '.repeat(100)}`;
    const { snippet, highlights } = snippetOf(text, terms, 80);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(Array.from(snippet).length).toBeLessThanOrEqual(82);
    expect(highlights).toHaveLength(1);
    expect(slice(snippet, highlights[0].start, highlights[0].end)).toBe('needle');
  });

  it('answers no highlights when nothing matches', () => {
    expect(snippetOf('nothing here', parseTextQuery('zzz').terms).highlights).toEqual([]);
  });
});
