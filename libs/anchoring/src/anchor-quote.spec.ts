import { workedExample } from './__fixtures__/articles';
import { Anchor } from './anchor';
import { anchorQuote, QuoteInput } from './anchor-quote';
import { AnchoringError } from './anchoring.errors';

/** The error `anchorQuote` throws for these arguments. */
function errorOf(text: string, quote: QuoteInput): AnchoringError {
  try {
    anchorQuote(text, quote);
  } catch (error) {
    if (error instanceof AnchoringError) return error;
    throw error;
  }
  throw new Error('expected an AnchoringError');
}

/** The anchor really is the code points start…end of the text, with 32 code points either side. */
function expectConsistent(text: string, anchor: Anchor): void {
  const codePoints = Array.from(text);
  expect(codePoints.slice(anchor.start, anchor.end).join('')).toBe(anchor.exact);
  expect(anchor.prefix).toBe(
    codePoints.slice(Math.max(0, anchor.start - 32), anchor.start).join(''),
  );
  expect(anchor.suffix).toBe(codePoints.slice(anchor.end, anchor.end + 32).join(''));
}

describe('anchorQuote on the worked example', () => {
  it('finds a quote typed with straight quotes where the article has curly ones', () => {
    const anchor = anchorQuote(workedExample, { exact: '"advanced talks"' });
    expect(anchor.exact).toBe('“advanced talks”');
    expect(anchor.prefix).toBe('ng his government is engaged in ');
    expect(anchor.suffix).toBe(' on an agreement that would see ');
    expectConsistent(workedExample, anchor);
  });

  it('finds a quote that ends inside the curly quotes', () => {
    const anchor = anchorQuote(workedExample, { exact: 'as "100 percent false."' });
    expect(anchor.exact).toBe('as “100 percent false.”');
    expectConsistent(workedExample, anchor);
  });

  it('matches a straight apostrophe against a curly one', () => {
    const anchor = anchorQuote(workedExample, {
      exact: "Argentina's Foreign Ministry declined to comment",
    });
    expect(anchor.exact).toBe('Argentina’s Foreign Ministry declined to comment');
  });

  it('matches across a paragraph break typed as a single space', () => {
    const anchor = anchorQuote(workedExample, {
      exact: 'negotiations are moving quickly. The initiative would form part',
    });
    expect(anchor.exact).toBe('negotiations are moving quickly.\n\nThe initiative would form part');
    expectConsistent(workedExample, anchor);
  });

  it('trims whitespace a copy-paste adds around the quote', () => {
    const anchor = anchorQuote(workedExample, { exact: '\n  declined to comment \u00a0' });
    expect(anchor.exact).toBe('declined to comment');
  });

  it('rejects a quote that is empty after trimming', () => {
    const error = errorOf(workedExample, { exact: ' \n\t\u00a0' });
    expect(error.code).toBe('EMPTY_QUOTE');
    expect(error.message).toMatch(/empty/);
  });

  it('reports how many times an ambiguous quote occurs', () => {
    const error = errorOf(workedExample, { exact: 'Milei' });
    expect(error.code).toBe('AMBIGUOUS_QUOTE');
    expect(error.matchCount).toBe(5);
    expect(error.message).toBe(
      'The quote "Milei" occurs 5 times in the article; add a prefix or suffix (the words just before or after it) to choose one.',
    );
  });

  it('uses a suffix to choose among occurrences', () => {
    const anchor = anchorQuote(workedExample, { exact: 'Milei', suffix: ' has pushed back' });
    expect(anchor.suffix.startsWith(' has pushed back against reports')).toBe(true);
    expectConsistent(workedExample, anchor);
  });

  it('uses a prefix to choose among occurrences, longer or shorter than 32 code points', () => {
    const long = anchorQuote(workedExample, {
      exact: 'Milei',
      prefix: 'Foreign Ministry declined to comment on the existence of talks.\n\n',
    });
    expect(long.suffix.startsWith(' addressed the report')).toBe(true);
    const short = anchorQuote(workedExample, { exact: 'Milei', prefix: 'for' });
    expect(short.suffix.startsWith('’s government')).toBe(true);
  });

  it('does not need the whitespace between the context and the quote', () => {
    const withBreak = anchorQuote(workedExample, {
      exact: 'Milei',
      prefix: 'existence of talks.\n\n',
    });
    const without = anchorQuote(workedExample, { exact: 'Milei', prefix: 'existence of talks.' });
    expect(without).toEqual(withBreak);
    expect(without.suffix.startsWith(' addressed the report')).toBe(true);
    const suffix = anchorQuote(workedExample, { exact: 'Milei', suffix: 'addressed' });
    expect(suffix).toEqual(without);
  });

  it('stays ambiguous when the context fits several occurrences', () => {
    const error = errorOf(workedExample, { exact: 'Milei', prefix: 'President Javier ' });
    expect(error.code).toBe('AMBIGUOUS_QUOTE');
    expect(error.matchCount).toBe(5);
    expect(error.message).toMatch(/fit 2 of them/);
  });

  it('picks the occurrence whose context is clearly closest when none fits exactly', () => {
    const anchor = anchorQuote(workedExample, {
      exact: 'Milei',
      suffix: ' has pushed bakc against',
    });
    expect(anchor.suffix.startsWith(' has pushed back against')).toBe(true);
  });

  it('stays ambiguous when the context fits none of the occurrences', () => {
    const error = errorOf(workedExample, { exact: 'Milei', prefix: 'completely unrelated words' });
    expect(error.code).toBe('AMBIGUOUS_QUOTE');
    expect(error.message).toMatch(/fit none of them/);
  });

  it('accepts a unique quote whose context was retyped with a typo', () => {
    const anchor = anchorQuote(workedExample, {
      exact: 'declined to comment',
      prefix: 'Argentina’s Foriegn Ministry ',
    });
    expect(anchor.exact).toBe('declined to comment');
  });

  it('rejects a unique quote whose context points somewhere else', () => {
    const error = errorOf(workedExample, {
      exact: 'declined to comment',
      prefix: 'the White House',
    });
    expect(error.code).toBe('QUOTE_NOT_FOUND');
    expect(error.message).toMatch(
      /occurs once in the article, but the prefix given does not match/,
    );
    expect(error.message).toMatch(/Foreign Ministry \[declined to comment\]/);
  });

  it('ignores null and empty prefix and suffix', () => {
    const anchor = anchorQuote(workedExample, {
      exact: 'declined to comment',
      prefix: null,
      suffix: ' ',
    });
    expect(anchor.exact).toBe('declined to comment');
  });

  it('suggests the nearest match for a misquote', () => {
    const error = errorOf(workedExample, { exact: 'negotiations are moving slowly' });
    expect(error.code).toBe('QUOTE_NOT_FOUND');
    expect(error.nearest).toBe('negotiations are moving quickly');
    expect(error.message).toBe(
      'The quote "negotiations are moving slowly" does not occur in the article. Nearest match: "negotiations are moving quickly"',
    );
  });

  it('suggests the nearest match for a misspelt word', () => {
    expect(errorOf(workedExample, { exact: 'Mieli' }).nearest).toBe('Milei');
    expect(errorOf(workedExample, { exact: 'deportes of other nationalites' }).nearest).toBe(
      'deportees of other nationalities',
    );
  });

  it('does not count letter case as invisible', () => {
    const error = errorOf(workedExample, { exact: 'president javier milei has pushed back' });
    expect(error.code).toBe('QUOTE_NOT_FOUND');
    expect(error.nearest).toBe('President Javier Milei has pushed back');
  });

  it('says when nothing comes close', () => {
    const error = errorOf(workedExample, { exact: 'the quick brown fox jumps over the lazy dog' });
    expect(error.code).toBe('QUOTE_NOT_FOUND');
    expect(error.nearest).toBeUndefined();
    expect(error.message).toMatch(
      /^The quote "the quick brown fox jumps over the lazy dog" does not occur in the article\. Nothing/,
    );
  });
});

describe('anchorQuote on non-ASCII text', () => {
  const text = 'Intro 👍🏽 y 🇦🇷: el «Perú» respondió con una canción.\u00a0Fin\tdel   texto.';

  it('gives code-point offsets after emoji and flags', () => {
    const anchor = anchorQuote(text, { exact: 'canción' });
    const unitStart = text.indexOf('canción');
    expect(anchor.start).toBe(Array.from(text.slice(0, unitStart)).length);
    expect(anchor.start).toBe(unitStart - 4); // 👍🏽 and 🇦🇷 are two code points but four units each
    expect(anchor.end).toBe(anchor.start + 7);
    expect(anchor.prefix).toBe('🇦🇷: el «Perú» respondió con una ');
    expectConsistent(text, anchor);
  });

  it('matches Spanish quotation marks with straight and curly ones', () => {
    expect(anchorQuote(text, { exact: '"Perú"' }).exact).toBe('«Perú»');
    expect(anchorQuote(text, { exact: '“Perú”' }).exact).toBe('«Perú»');
    expect(anchorQuote('dijo "Perú" hoy', { exact: '«Perú»' }).exact).toBe('"Perú"');
  });

  it('matches no-break spaces, tabs and runs of spaces with a single space', () => {
    const anchor = anchorQuote(text, { exact: 'canción. Fin del texto' });
    expect(anchor.exact).toBe('canción.\u00a0Fin\tdel   texto');
    expectConsistent(text, anchor);
  });

  it('matches a newline against a space and the other way round', () => {
    expect(anchorQuote('uno\ndos tres', { exact: 'uno dos' }).exact).toBe('uno\ndos');
    expect(anchorQuote('uno dos tres', { exact: 'dos\r\ntres' }).exact).toBe('dos tres');
  });

  it('matches decomposed accents with composed ones, keeping the stored form', () => {
    const decomposed = '🇦🇷 Peru\u0301 y cancio\u0301n';
    const anchor = anchorQuote(decomposed, { exact: 'Perú y canción' });
    expect(anchor.exact).toBe('Peru\u0301 y cancio\u0301n');
    expect(anchor.start).toBe(3);
    expect(anchor.end).toBe(3 + Array.from('Peru\u0301 y cancio\u0301n').length);
    expectConsistent(decomposed, anchor);
    expect(anchorQuote('Perú', { exact: 'Peru\u0301' }).exact).toBe('Perú');
  });

  it('never matches part of an accented letter', () => {
    expect(errorOf('Perú', { exact: 'Peru' }).code).toBe('QUOTE_NOT_FOUND');
    expect(errorOf('Peru\u0301', { exact: 'Peru' }).code).toBe('QUOTE_NOT_FOUND');
  });

  it('finds a quote made of emoji', () => {
    const anchor = anchorQuote(text, { exact: '👍🏽 y 🇦🇷' });
    expect(anchor).toMatchObject({ start: 6, end: 13, exact: '👍🏽 y 🇦🇷', prefix: 'Intro ' });
  });

  it('gives shorter context at the edges of the text', () => {
    const anchor = anchorQuote(text, { exact: 'Intro' });
    expect(anchor.prefix).toBe('');
    expect(anchor.start).toBe(0);
    const last = anchorQuote(text, { exact: 'texto.' });
    expect(last.suffix).toBe('');
  });
});
