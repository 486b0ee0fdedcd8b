import { describe, expect, it } from 'vitest';
import { codePointToUtf16, segmentText, sliceCodePoints, utf16ToCodePoint } from './text';

describe('code-point offsets', () => {
  const text = 'a😀b “quoted” c';

  it('converts code points to UTF-16 indexes past astral characters', () => {
    expect(codePointToUtf16(text, 1)).toBe(1);
    expect(codePointToUtf16(text, 2)).toBe(3);
    expect(sliceCodePoints(text, 1, 3)).toBe('😀b');
    expect(sliceCodePoints(text, 4, 12)).toBe('“quoted”');
  });

  it('converts back', () => {
    expect(utf16ToCodePoint(text, 3)).toBe(2);
  });
});

describe('segmentText', () => {
  it('marks each span and splits overlapping ones', () => {
    const segments = segmentText('0123456789', [
      { id: 'a', start: 2, end: 6 },
      { id: 'b', start: 4, end: 8 },
    ]);
    expect(segments.map((s) => [s.text, s.spanIds])).toEqual([
      ['01', []],
      ['23', ['a']],
      ['45', ['a', 'b']],
      ['67', ['b']],
      ['89', []],
    ]);
  });

  it('clamps spans to the text and ignores empty ones', () => {
    const segments = segmentText('abc', [
      { id: 'x', start: 1, end: 99 },
      { id: 'y', start: 2, end: 2 },
    ]);
    expect(segments.map((s) => [s.text, s.spanIds])).toEqual([
      ['a', []],
      ['bc', ['x']],
    ]);
  });
});
