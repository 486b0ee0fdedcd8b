import { codePointOffsets } from './code-points';

describe('codePointOffsets', () => {
  it('is the identity for text without astral characters', () => {
    expect(codePointOffsets('abc')(2)).toBe(2);
  });

  it('counts an emoji as one code point', () => {
    const text = 'a😀b';
    const toCodePoint = codePointOffsets(text);
    expect(toCodePoint(text.indexOf('b'))).toBe(2);
    expect(toCodePoint(text.length)).toBe(3);
  });
});
