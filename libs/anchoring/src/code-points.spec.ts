import { CodePointIndex, codePointLength, isLoneSurrogateAt, sliceCodePoints } from './code-points';

const mixed = 'Perú 👍🏽 canción 🇦🇷 fin';

describe('codePointLength', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('Perú')).toBe(4);
    expect(codePointLength('👍🏽')).toBe(2); // thumbs up + skin-tone modifier, 4 UTF-16 units
    expect(codePointLength('🇦🇷')).toBe(2); // two regional indicators, 4 UTF-16 units
    expect(codePointLength(mixed)).toBe(Array.from(mixed).length);
    expect(mixed.length).toBeGreaterThan(codePointLength(mixed));
  });

  it('counts a lone surrogate as one code point', () => {
    expect(codePointLength('a\ud83db')).toBe(3);
    expect(codePointLength('a\udc4db')).toBe(3);
  });
});

describe('sliceCodePoints', () => {
  it('slices by code points', () => {
    expect(sliceCodePoints(mixed, 5, 7)).toBe('👍🏽');
    expect(sliceCodePoints(mixed, 8, 15)).toBe('canción');
    expect(sliceCodePoints(mixed, 16, 18)).toBe('🇦🇷');
    expect(sliceCodePoints(mixed, 19)).toBe('fin');
  });

  it('clamps like String#slice and gives "" for empty ranges', () => {
    expect(sliceCodePoints(mixed, -3, 4)).toBe('Perú');
    expect(sliceCodePoints(mixed, 19, 999)).toBe('fin');
    expect(sliceCodePoints(mixed, 7, 7)).toBe('');
    expect(sliceCodePoints(mixed, 9, 3)).toBe('');
    expect(sliceCodePoints(mixed, 99, 120)).toBe('');
  });
});

describe('isLoneSurrogateAt', () => {
  it('tells unpaired surrogates from halves of a pair', () => {
    const text = 'a👍\ud83db\udc4d';
    expect(isLoneSurrogateAt(text, 0)).toBe(false);
    expect(isLoneSurrogateAt(text, 1)).toBe(false);
    expect(isLoneSurrogateAt(text, 2)).toBe(false);
    expect(isLoneSurrogateAt(text, 3)).toBe(true);
    expect(isLoneSurrogateAt(text, 5)).toBe(true);
  });
});

describe('CodePointIndex', () => {
  it('maps offsets both ways when the text has astral characters', () => {
    const index = new CodePointIndex(mixed);
    expect(index.length).toBe(Array.from(mixed).length);
    for (let cp = 0; cp <= index.length; cp++) {
      const unit = index.toUnit(cp);
      expect(index.toCodePoint(unit)).toBe(cp);
      expect(mixed.slice(0, unit)).toBe(Array.from(mixed).slice(0, cp).join(''));
    }
    expect(index.slice(16, 18)).toBe('🇦🇷');
  });

  it('maps an index inside a surrogate pair to that character', () => {
    const index = new CodePointIndex('a👍b');
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
  });

  it('uses the offsets as they are for text without astral characters', () => {
    const index = new CodePointIndex('canción «Perú»');
    expect(index.length).toBe(14);
    expect(index.toUnit(9)).toBe(9);
    expect(index.toCodePoint(9)).toBe(9);
  });

  it('builds in linear time on a large text full of emoji', () => {
    const text = 'ab 👍🏽 🇦🇷 c'.repeat(60_000); // ~0.8 M UTF-16 units
    const started = performance.now();
    const index = new CodePointIndex(text);
    const last = index.toUnit(index.length - 1);
    expect(performance.now() - started).toBeLessThan(500);
    expect(text.slice(last)).toBe('c');
  });
});

describe('lone surrogates at both ends of a text', () => {
  // a low surrogate with no high one before it, then a pair, then a high one with nothing after
  const text = '\udc4dab👍c\ud83d';
  const points = Array.from(text);

  it('counts each as one code point, as Array.from does', () => {
    expect(points).toHaveLength(6);
    expect(codePointLength(text)).toBe(6);
    expect(codePointLength('\udc4d')).toBe(1);
    expect(codePointLength('\ud83d')).toBe(1);
  });

  it('maps every offset both ways', () => {
    const index = new CodePointIndex(text);
    expect(index.length).toBe(6);
    for (let cp = 0; cp <= points.length; cp++) {
      const unit = index.toUnit(cp);
      expect(text.slice(0, unit)).toBe(points.slice(0, cp).join(''));
      expect(index.toCodePoint(unit)).toBe(cp);
    }
    expect(index.toCodePoint(4)).toBe(3); // inside the pair: the pair's own offset
  });

  it('slices the first and the last one alone', () => {
    expect(sliceCodePoints(text, 0, 1)).toBe('\udc4d');
    expect(sliceCodePoints(text, 5)).toBe('\ud83d');
    expect(new CodePointIndex(text).slice(3, 6)).toBe('👍c\ud83d');
  });

  it('tells them from the halves of the pair', () => {
    expect(isLoneSurrogateAt(text, 0)).toBe(true);
    expect(isLoneSurrogateAt(text, 3)).toBe(false);
    expect(isLoneSurrogateAt(text, 4)).toBe(false);
    expect(isLoneSurrogateAt(text, text.length - 1)).toBe(true);
  });

  it('takes a text of lone surrogates only as it is (one unit, one code point)', () => {
    const lone = '\ud83dx\udc4d';
    const index = new CodePointIndex(lone);
    expect(index.length).toBe(Array.from(lone).length);
    expect(index.toUnit(2)).toBe(2);
    expect(index.toCodePoint(3)).toBe(3);
  });
});
