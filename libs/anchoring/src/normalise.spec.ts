import { isBoundary, normalise, normaliseForMatching, sourceSpan } from './normalise';

describe('normaliseForMatching', () => {
  it('turns every run of whitespace into one space', () => {
    expect(normaliseForMatching('a \t\n  b')).toBe('a b');
    expect(normaliseForMatching('a\u00a0b\u2009c\u202fd\u3000e\r\nf')).toBe('a b c d e f');
  });

  it('makes all double quotation marks straight', () => {
    expect(normaliseForMatching('“a” „b‟ «c» "d"')).toBe('"a" "b" "c" "d"');
  });

  it('makes all single quotation marks and apostrophes straight', () => {
    expect(normaliseForMatching("‘a’ ‚b‛ `c´ 'd' ‹e›")).toBe("'a' 'b' 'c' 'd' 'e'");
  });

  it('composes accents (NFC)', () => {
    expect(normaliseForMatching('Peru\u0301 cancio\u0301n')).toBe('Perú canción');
  });

  it('drops invisible format characters', () => {
    expect(normaliseForMatching('infor\u00admation\u200b here\ufeff')).toBe('information here');
  });

  it('keeps visible differences: letters, case, dashes', () => {
    expect(normaliseForMatching('Perú – PERU')).toBe('Perú – PERU');
  });
});

describe('normalise', () => {
  it('maps a whitespace run to the whole run of the original', () => {
    const text = 'a \n\u00a0 b';
    const normalised = normalise(text);
    expect(normalised.value).toBe('a b');
    expect(sourceSpan(normalised, 1, 2)).toEqual([1, 5]);
    expect(sourceSpan(normalised, 0, 3)).toEqual([0, text.length]);
  });

  it('maps a composed letter to both units of its decomposed original', () => {
    const text = 'Peru\u0301!';
    const normalised = normalise(text);
    expect(normalised.value).toBe('Perú!');
    expect(sourceSpan(normalised, 3, 4)).toEqual([3, 5]);
    expect(sourceSpan(normalised, 4, 5)).toEqual([5, 6]);
  });

  it('knows where original characters begin', () => {
    const normalised = normalise('q\u0301x'); // no precomposed q with acute: stays two units
    expect(normalised.value).toBe('q\u0301x');
    expect(isBoundary(normalised, 0)).toBe(true);
    expect(isBoundary(normalised, 1)).toBe(false);
    expect(isBoundary(normalised, 2)).toBe(true);
    expect(isBoundary(normalised, 3)).toBe(true);
  });

  it('keeps surrogate pairs and lone surrogates', () => {
    expect(normalise('👍🏽 \ud83d x').value).toBe('👍🏽 \ud83d x');
  });
});
