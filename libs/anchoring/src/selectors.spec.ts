import { workedExample } from './__fixtures__/articles';
import { anchorQuote } from './anchor-quote';
import { toSelectors } from './selectors';

describe('toSelectors', () => {
  it('describes an anchor as a W3C quote selector and position selector', () => {
    const anchor = anchorQuote(workedExample, { exact: '"advanced talks"' });
    expect(toSelectors(anchor)).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: '“advanced talks”',
        prefix: 'ng his government is engaged in ',
        suffix: ' on an agreement that would see ',
      },
      { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
    ]);
  });

  it('serialises to plain JSON', () => {
    const anchor = { start: 0, end: 4, exact: 'Perú', prefix: '', suffix: ' 👍🏽' };
    expect(JSON.parse(JSON.stringify(toSelectors(anchor)))).toEqual(toSelectors(anchor));
  });
});
