import { workedExample } from './__fixtures__/articles';
import { alignSubstring, findCandidateSpans } from './fuzzy-search';
import { TextIndex } from './text-index';

describe('alignSubstring', () => {
  it('finds the substring closest to the pattern', () => {
    const text = 'xx the quack fox yy'.split('');
    const best = alignSubstring('quick'.split(''), text, 0, text.length);
    expect(text.slice(best.start, best.end).join('')).toBe('quack');
    expect(best.cost).toBe(1);
  });

  it('aligns words, tolerating a changed word', () => {
    const text = 'one two no deal has been closed three'.split(' ');
    const pattern = 'a deal has been closed'.split(' ');
    const best = alignSubstring(pattern, text, 0, text.length);
    expect(text.slice(best.start, best.end)).toEqual(['no', 'deal', 'has', 'been', 'closed']);
    expect(best.cost).toBe(1);
  });
});

describe('findCandidateSpans', () => {
  const index = new TextIndex(workedExample);
  const texts = (query: string, context = {}): string[] =>
    findCandidateSpans(index, query, context).map((s) =>
      index.normalised.value.slice(s.start, s.end),
    );

  it('finds a reworded passage from its words', () => {
    expect(texts('no deal has been signed, negotiations are moving fast')).toContain(
      'no deal has been closed, negotiations are moving quickly',
    );
  });

  it('keeps the punctuation the query has around its words', () => {
    expect(texts('"100 percent fake."')).toContain('"100 percent false."');
  });

  it('falls back to characters for a short query with no word in common', () => {
    expect(texts('Mileii')).toContain('Milei');
  });

  it('finds where a passage was from its context when its words are gone', () => {
    const spans = texts('completely different words here', {
      prefix: 'the existence of talks.',
      suffix: 'publicly for the first time',
    });
    expect(spans.some((s) => s.startsWith('Milei addressed'))).toBe(true);
  });
});
