import fc from 'fast-check';
import { anchorQuote } from './anchor-quote';
import { reanchor } from './reanchor';

// A FUZZY re-anchor never cuts a word, a number, a date or a name: it carries the changed unit
// whole ("by September 15", not "by September 1"), at either end of the passage.

const BODY = [
  'the ministry has agreed to pay the contractor',
  'officials said the fund would be released',
  'the government promised to deliver the shipment',
];
const LEAD = 'According to the report published on the site, ';
const TAIL = ' and the office declined to comment further.';

const number = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('', ',000', '.5', '%', ' million'))
  .map(([n, rest]) => `${n}${rest}`);
const date = fc
  .tuple(
    fc.constantFrom('September', 'March', 'octubre'),
    fc.integer({ min: 1, max: 31 }),
    fc.boolean(),
  )
  .map(([month, day, yearFirst]) =>
    month === 'octubre' ? `${day} de ${month}` : `${month} ${day}${yearFirst ? ', 2026' : ''}`,
  );
const name = fc.constantFrom('Javier Milei', 'Patricia Bullrich', 'Luis Caputo');
const unit = fc.oneof(number, date, name);

/** A different unit of the same shape: digits changed, or another given name. */
function edited(value: string, digit: number): string {
  if (/\d/.test(value)) return value.replace(/\d+/, (n) => `${n}${digit}`);
  return value.replace(/^\S+/, digit % 2 === 0 ? 'Karina' : 'Mauricio');
}

function oldAndNew(body: string, before: string, after: string, atEnd: boolean, punct: string) {
  const passage = atEnd ? `${body} ${before}` : `${before} ${body}`;
  const sentence = (p: string): string => `${LEAD}${p}${punct}${TAIL}`;
  const newPassage = atEnd ? `${body} ${after}` : `${after} ${body}`;
  return { passage, oldText: sentence(passage), newText: sentence(newPassage), newPassage };
}

describe('reanchor keeps words, numbers, dates and names whole', () => {
  it('carries a changed unit at either end of a passage whole, never a part of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BODY),
        unit,
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        fc.constantFrom('', '.', ',', '”', '."'),
        (body, before, digit, atEnd, punct) => {
          const after = edited(before, digit);
          const { passage, oldText, newText, newPassage } = oldAndNew(
            body,
            before,
            after,
            atEnd,
            punct,
          );
          const result = reanchor(anchorQuote(oldText, { exact: passage }), newText);
          expect(result.status).toBe('FUZZY');
          expect(result.anchor?.exact.replace(/[.,"”]+$/, '')).toBe(newPassage);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is EXACT when the unit did not change, and around a longer number it is not', () => {
    const old = `${LEAD}the ministry has agreed to pay the contractor for 580 million by September 1.${TAIL}`;
    const passage = anchorQuote(old, { exact: 'for 580 million by September 1' });
    expect(reanchor(passage, old).status).toBe('EXACT');
    const corrected = old.replace('September 1', 'September 15');
    const result = reanchor(passage, corrected);
    expect(result).toMatchObject({
      status: 'FUZZY',
      anchor: { exact: 'for 580 million by September 15' },
    });
    expect(result.reason).toMatch(/"1" → "15"/);
  });

  it('keeps a passage that stopped inside a name where it stopped', () => {
    const old = `${LEAD}the decree was signed by President Javier Milei on Friday.${TAIL}`;
    const passage = anchorQuote(old, { exact: 'signed by President Javier' });
    const result = reanchor(passage, old.replace('Friday', 'Thursday'));
    expect(result).toMatchObject({
      status: 'EXACT',
      anchor: { exact: 'signed by President Javier' },
    });
  });

  it('punctuation at either end stays as the old passage had it', () => {
    const old = `${LEAD}“the fund, some 580 million, would be released,” he said.${TAIL}`;
    const passage = anchorQuote(old, { exact: '“the fund, some 580 million, would be released,”' });
    const result = reanchor(passage, old.replace('580', '600'));
    expect(result.status).toBe('FUZZY');
    expect(result.anchor?.exact).toBe('“the fund, some 600 million, would be released,”');
  });

  it('takes back only a few edge words, however long a rewritten tail (hostile input)', () => {
    const words = (n: number, seed: string) =>
      Array.from({ length: n }, (_, k) => `${seed}${k.toString(36)}`).join(' ');
    const passage = `${words(1200, 'w')} ${words(200, 'tail')}`;
    const old = `${LEAD}${passage}.${TAIL}`;
    const rewritten = `${LEAD}extra ${words(1200, 'w')} ${words(200, 'other')}.${TAIL}`;
    const result = reanchor(anchorQuote(old, { exact: passage }), rewritten);
    expect(result.status).toBe('FUZZY');
    expect(result.anchor!.exact.startsWith('w0 w1')).toBe(true);
  });
});
