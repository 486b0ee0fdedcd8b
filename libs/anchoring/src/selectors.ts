import { Anchor } from './anchor';

/** W3C Web Annotation TextQuoteSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector; offsets are Unicode code points, end exclusive. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The W3C selectors describing an anchor: a quote selector and a position selector. */
export function toSelectors(anchor: Anchor): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
    },
    { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
  ];
}
