import { workedExample } from './__fixtures__/articles';
import { anchorPosition, PositionInput } from './anchor-position';
import { anchorQuote } from './anchor-quote';
import { AnchoringError } from './anchoring.errors';

function errorOf(text: string, position: PositionInput): AnchoringError {
  try {
    anchorPosition(text, position);
  } catch (error) {
    if (error instanceof AnchoringError) return error;
    throw error;
  }
  throw new Error('expected an AnchoringError');
}

describe('anchorPosition', () => {
  const text = '👍🏽 🇦🇷 Perú: «sí».';

  it('resolves code-point offsets, not UTF-16 indexes', () => {
    expect(anchorPosition(text, { start: 6, end: 10 })).toEqual({
      start: 6,
      end: 10,
      exact: 'Perú',
      prefix: '👍🏽 🇦🇷 ',
      suffix: ': «sí».',
    });
  });

  it('accepts the whole text and spans ending at its end', () => {
    const length = Array.from(text).length;
    expect(anchorPosition(text, { start: 0, end: length }).exact).toBe(text);
    expect(anchorPosition(text, { start: length - 1, end: length })).toMatchObject({
      exact: '.',
      suffix: '',
    });
  });

  it('gives the same anchor as the quote it was made from', () => {
    const quoted = anchorQuote(workedExample, { exact: '"100 percent false."' });
    expect(anchorPosition(workedExample, quoted)).toEqual(quoted);
  });

  it('keeps 32 code points of context, emoji counting as one or two', () => {
    const long = `${'x'.repeat(40)}👍🏽${'y'.repeat(40)}`;
    const anchor = anchorPosition(long, { start: 40, end: 42 });
    expect(anchor.exact).toBe('👍🏽');
    expect(anchor.prefix).toBe('x'.repeat(32));
    expect(anchor.suffix).toBe('y'.repeat(32));
  });

  it('rejects an empty span', () => {
    const error = errorOf(text, { start: 4, end: 4 });
    expect(error.code).toBe('EMPTY_SPAN');
    expect(error.message).toBe('The position 4–4 selects nothing; end must be greater than start.');
  });

  it.each([
    { start: -1, end: 3 },
    { start: 3, end: 18 },
    { start: 9, end: 3 },
    { start: 1.5, end: 3 },
    { start: Number.NaN, end: 3 },
    { start: 20, end: 20 },
  ])('rejects $start–$end as out of range, saying what the range is', (position) => {
    const error = errorOf(text, position);
    expect(error.code).toBe('POSITION_OUT_OF_RANGE');
    expect(error.message).toContain('0 ≤ start < end ≤ 17');
  });

  it('refuses a span that begins or ends on an unpaired surrogate of the stored text', () => {
    const broken = 'ab\ud83dcd\udc4def'; // a high and a low surrogate whose partners were lost
    expect(errorOf(broken, { start: 2, end: 4 }).code).toBe('SURROGATE_SPLIT');
    expect(errorOf(broken, { start: 3, end: 6 }).code).toBe('SURROGATE_SPLIT');
    expect(errorOf(broken, { start: 3, end: 6 }).message).toMatch(
      /unpaired surrogate U\+DC4D at code point 5/,
    );
    expect(anchorPosition(broken, { start: 1, end: 7 }).exact).toBe('b\ud83dcd\udc4de');
    expect(anchorPosition(broken, { start: 3, end: 5 }).exact).toBe('cd');
  });
});
