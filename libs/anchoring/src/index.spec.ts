import * as anchoring from './index';
import {
  AnchoringError,
  anchorPosition,
  anchorQuote,
  codePointLength,
  CONTEXT_LENGTH,
  reanchor,
  sliceCodePoints,
  toSelectors,
} from './index';
import { workedExample } from './__fixtures__/articles';

describe('@claimtrace/anchoring public API', () => {
  it('exports the functions, constants and error other libraries use', () => {
    expect(CONTEXT_LENGTH).toBe(32);
    for (const fn of [
      anchorQuote,
      anchorPosition,
      toSelectors,
      reanchor,
      codePointLength,
      sliceCodePoints,
    ]) {
      expect(typeof fn).toBe('function');
    }
    expect(new AnchoringError('EMPTY_SPAN', 'x')).toBeInstanceOf(Error);
    expect(Object.keys(anchoring).sort()).toEqual(
      [
        'AnchoringError',
        'CONTEXT_LENGTH',
        'CodePointIndex',
        'FUZZY_THRESHOLD',
        'MIN_QUOTE_SIMILARITY',
        'anchorPosition',
        'anchorQuote',
        'codePointLength',
        'encodeFragmentTerm',
        'isWebUrl',
        'normaliseForMatching',
        'reanchor',
        'sliceCodePoints',
        'textFragmentUrl',
        'toSelectors',
      ].sort(),
    );
  });

  it('round-trips a passage: quote → selectors → position → re-anchored in a new version', () => {
    const anchor = anchorQuote(workedExample, { exact: 'no deal has been closed' });
    const [quote, position] = toSelectors(anchor);
    expect(anchorQuote(workedExample, quote)).toEqual(anchor);
    expect(anchorPosition(workedExample, position)).toEqual(anchor);
    expect(sliceCodePoints(workedExample, position.start, position.end)).toBe(quote.exact);
    const newVersion = `Update 🇦🇷: corrected.\n\n${workedExample}`;
    const result = reanchor(anchor, newVersion);
    expect(result.status).toBe('EXACT');
    expect(result.anchor?.start).toBe(anchor.start + codePointLength('Update 🇦🇷: corrected.\n\n'));
  });
});
