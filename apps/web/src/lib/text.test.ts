import { describe, expect, it } from 'vitest';
import { segmentText } from './text';

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

  it('counts code points past astral characters and lone surrogates', () => {
    const segments = segmentText('\udc4da😀b “quoted” c\ud83d', [{ id: 'q', start: 5, end: 13 }]);
    expect(segments.map((s) => [s.text, s.start, s.spanIds])).toEqual([
      ['\udc4da😀b ', 0, []],
      ['“quoted”', 5, ['q']],
      [' c\ud83d', 13, []],
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
