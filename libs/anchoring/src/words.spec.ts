import { forEachWord, isWordCodePoint, wordsAsWritten, wordsOf } from './words';

describe('words', () => {
  it('splits letters, accents, digits and inner apostrophes into words, lower-cased', () => {
    expect(wordsOf("Argentina's Perú, canción 100 — 'sí' rock'n'roll")).toEqual([
      "argentina's",
      'perú',
      'canción',
      '100',
      'sí',
      "rock'n'roll",
    ]);
  });

  it('keeps combining marks and astral letters inside words', () => {
    expect(wordsAsWritten('Peru\u0301 y 𝐀𝐁 👍🏽 fin')).toEqual(['Peru\u0301', 'y', '𝐀𝐁', 'fin']);
    expect(isWordCodePoint(0x1f44d)).toBe(false);
  });

  it('reports the UTF-16 span of each word', () => {
    const spans: [number, number][] = [];
    forEachWord("  it's 2026!", (start, end) => spans.push([start, end]));
    expect(spans).toEqual([
      [2, 6],
      [7, 11],
    ]);
  });
});
