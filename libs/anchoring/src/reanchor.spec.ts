import { workedExample } from './__fixtures__/articles';
import { Anchor } from './anchor';
import { anchorQuote } from './anchor-quote';
import { codePointLength } from './code-points';
import { FUZZY_THRESHOLD, reanchor, ReanchorResult } from './reanchor';

const SOURCES =
  'Sources familiar with the discussions told the newspaper that while no deal has been closed, negotiations are moving quickly.';
const sources = anchorQuote(workedExample, { exact: SOURCES });
const declined = anchorQuote(workedExample, { exact: 'declined to comment' });

/** The anchor really is the code points start…end of the text. */
function expectAnchoredIn(text: string, result: ReanchorResult): Anchor {
  expect(result.anchor).not.toBeNull();
  const anchor = result.anchor!;
  const codePoints = Array.from(text);
  expect(codePoints.slice(anchor.start, anchor.end).join('')).toBe(anchor.exact);
  expect(anchor.prefix).toBe(
    codePoints.slice(Math.max(0, anchor.start - 32), anchor.start).join(''),
  );
  expect(anchor.suffix).toBe(codePoints.slice(anchor.end, anchor.end + 32).join(''));
  return anchor;
}

describe('reanchor: exact matches', () => {
  it('finds an unchanged passage where it was', () => {
    expect(reanchor(sources, workedExample)).toEqual({
      status: 'EXACT',
      score: 1,
      anchor: sources,
      reason: null,
      figuresChanged: false,
    });
  });

  it('shifts the offsets by the code points inserted before the passage', () => {
    const inserted = 'Actualización 👍🏽 🇦🇷: the article was updated.\n\n';
    const result = reanchor(sources, inserted + workedExample);
    expect(result.status).toBe('EXACT');
    expect(result.score).toBe(1);
    const anchor = expectAnchoredIn(inserted + workedExample, result);
    expect(anchor.start).toBe(sources.start + codePointLength(inserted));
    expect(codePointLength(inserted)).toBeLessThan(inserted.length);
    expect(anchor.exact).toBe(SOURCES);
  });

  it('ignores changes a reader cannot see, and says so', () => {
    const talks = anchorQuote(workedExample, { exact: '"advanced talks"' });
    const retyped = workedExample.replace(/[“”]/g, '"').replace(/\n\n/g, '\n');
    const result = reanchor(talks, retyped);
    expect(result.status).toBe('EXACT');
    expect(expectAnchoredIn(retyped, result).exact).toBe('"advanced talks"');
    expect(result.reason).toMatch(/ignoring whitespace and quotation-mark differences/);
  });

  it('chooses among repeated quotes by the text around them', () => {
    const newText = `The White House declined to comment on Saturday.\n\n${workedExample}\n\nThe Times also declined to comment.`;
    const result = reanchor(declined, newText);
    expect(result.status).toBe('EXACT');
    const anchor = expectAnchoredIn(newText, result);
    expect(anchor.prefix).toBe(declined.prefix);
    expect(anchor.suffix).toBe(declined.suffix);
    expect(result.reason).toMatch(
      /occurs 3 times; chose the one whose surrounding text matches best/,
    );
  });

  it('keeps a long passage whose neighbouring sentences were rewritten', () => {
    const newText = workedExample
      .replace('arrangement with the United States.', 'deal with Washington.')
      .replace('The initiative would form part', 'All of this belongs to');
    const result = reanchor(sources, newText);
    expect(result.status).toBe('EXACT');
    expect(expectAnchoredIn(newText, result).exact).toBe(SOURCES);
    expect(result.reason).toMatch(/unchanged but the text around it changed/);
  });

  it('keeps a passage at the very start when text is added before it', () => {
    const heading = anchorQuote(workedExample, { exact: 'Foreign policy & diplomacy' });
    expect(heading.prefix).toBe('');
    const newText = `UPDATED\n${workedExample}`;
    const result = reanchor(heading, newText);
    expect(result.status).toBe('EXACT');
    expect(expectAnchoredIn(newText, result).start).toBe(8);
  });
});

describe('reanchor: fuzzy matches', () => {
  it('follows a passage in which one word changed, with a score below 1 and a reason', () => {
    const newText = workedExample.replace('moving quickly', 'moving rapidly');
    const result = reanchor(sources, newText);
    expect(result.status).toBe('FUZZY');
    expect(result.score).toBeLessThan(1);
    expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    expect(result.reason).toBe(
      'quote changed: 1 word differs ("quickly" → "rapidly"); context matches',
    );
    expect(expectAnchoredIn(newText, result).exact).toBe(SOURCES.replace('quickly', 'rapidly'));
    expect(result.figuresChanged).toBe(false);
  });

  it('says when the changed words include a figure or a date, however high the score', () => {
    const text = 'The port said on Friday that 12 cranes were idle and talks were moving quickly.';
    const passage = anchorQuote(text, {
      exact: '12 cranes were idle and talks were moving quickly',
    });
    const newText = text.replace('12 cranes', '15 cranes');
    const result = reanchor(passage, newText);
    expect(result.status).toBe('FUZZY');
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.figuresChanged).toBe(true);
    const day = anchorQuote(text, { exact: 'said on Friday that 12 cranes were idle' });
    expect(reanchor(day, text.replace('Friday', 'Thursday')).figuresChanged).toBe(true);
  });

  it('says so too when only a currency sign, or a month that is also a verb, changed', () => {
    const text = 'The port said on March 3 that the cranes cost $5 million and talks were moving.';
    const cost = anchorQuote(text, { exact: 'the cranes cost $5 million and talks were moving' });
    const euros = reanchor(cost, text.replace('$5', '€5'));
    expect([euros.status, euros.figuresChanged]).toEqual(['FUZZY', true]);
    const day = anchorQuote(text, { exact: 'said on March 3 that the cranes cost' });
    const may = reanchor(day, text.replace('March', 'May'));
    expect([may.status, may.figuresChanged]).toEqual(['FUZZY', true]);
  });

  it('follows a passage whose spelling was changed and text moved', () => {
    const passage = anchorQuote(workedExample, {
      exact: 'The newspaper said any agreement has not yet been finalised.',
    });
    const newText = `🇦🇷 Breaking: new details.\n\n${workedExample.replace('finalised', 'finalized')}`;
    const result = reanchor(passage, newText);
    expect(result.status).toBe('FUZZY');
    expect(result.reason).toMatch(/"finalised" → "finalized"/);
    expect(expectAnchoredIn(newText, result).exact).toBe(
      'The newspaper said any agreement has not yet been finalized.',
    );
  });

  it('says when only punctuation changed', () => {
    const newText = workedExample.replace('been closed, negotiations', 'been closed; negotiations');
    const result = reanchor(sources, newText);
    expect(result.status).toBe('FUZZY');
    expect(result.score).toBeGreaterThan(0.95);
    expect(result.reason).toMatch(/only punctuation, spacing or letter case differs/);
  });

  it('follows a short passage when one of its words changed but its context did not', () => {
    const newText = workedExample.replace('declined to comment', 'refused to comment');
    const result = reanchor(declined, newText);
    expect(result.status).toBe('FUZZY');
    expect(result.anchor?.exact).toBe('refused to comment');
    expect(result.reason).toMatch(/"declined" → "refused"/);
  });

  it('works on Spanish text with emoji, in code points', () => {
    const old =
      'Intro 👍🏽. El ministro dijo que «Perú no firmará la canción del acuerdo» en la reunión.';
    const passage = anchorQuote(old, { exact: '"Perú no firmará la canción del acuerdo"' });
    const newText = `🇦🇷🇦🇷 ${old.replace('canción', 'versión')}`;
    const result = reanchor(passage, newText);
    expect(result.status).toBe('FUZZY');
    expect(expectAnchoredIn(newText, result).exact).toBe(
      '«Perú no firmará la versión del acuerdo»',
    );
  });
});

describe('reanchor: unchanged quotes in a changed place', () => {
  it('calls a short quote whose surroundings were rewritten FUZZY, not EXACT', () => {
    const newText = workedExample.replace(
      'Both a US State Department spokesperson and Argentina’s Foreign Ministry declined to comment on the existence of talks.',
      'Asked on Saturday, officials in Buenos Aires declined to comment when reporters called.',
    );
    const result = reanchor(declined, newText);
    expect(result.status).toBe('FUZZY');
    expect(result.score).toBeLessThan(0.9);
    expect(result.reason).toBe('the quote is unchanged; context changed');
    expect(expectAnchoredIn(newText, result).exact).toBe('declined to comment');
  });
});

describe('reanchor: orphans', () => {
  it('orphans every passage when the new text is empty', () => {
    expect(reanchor(sources, '')).toEqual({
      status: 'ORPHANED',
      score: 0,
      anchor: null,
      reason: 'the quoted words no longer appear in the new text',
      figuresChanged: false,
    });
  });

  it('orphans a passage whose sentence was removed', () => {
    const result = reanchor(sources, workedExample.replace(SOURCES, ''));
    expect(result).toMatchObject({ status: 'ORPHANED', score: 0, anchor: null });
    expect(result.reason).toMatch(
      /^the quoted words no longer appear as they were \(best candidate ".*" scored 0\.\d\d, quote similarity 0\.\d\d\)$/,
    );
  });

  it('never calls a sentence rewritten to say the opposite EXACT', () => {
    const newText = workedExample.replace(
      SOURCES,
      'Sources familiar with the discussions told the newspaper that a deal has already been closed and negotiations have ended.',
    );
    const result = reanchor(sources, newText);
    expect(result.status).toBe('ORPHANED');
    expect(result.anchor).toBeNull();
    expect(result.reason).toMatch(/negation word was added or removed/);
  });

  it('orphans a passage whose negation was dropped, however close the letters', () => {
    const newText = workedExample.replace('no deal has been closed', 'a deal has been closed');
    const result = reanchor(sources, newText);
    expect(result.status).toBe('ORPHANED');
    expect(result.reason).toMatch(/meaning changed.*"no" → "a"/);
  });

  it('does not move a short quote to another sentence that happens to contain it', () => {
    const newText = workedExample
      .replace(/Both a US State Department spokesperson.*\n\n/, '')
      .concat('\n\nThe White House declined to comment.');
    const result = reanchor(declined, newText);
    expect(result.status).toBe('ORPHANED');
    expect(result.reason).toMatch(/^the quote still occurs, but not in its old context/);
  });

  it('orphans a passage whose words were replaced in place', () => {
    const newText = workedExample.replace(
      SOURCES,
      'Nobody would say anything more about it at all today.',
    );
    const result = reanchor(sources, newText);
    expect(result.status).toBe('ORPHANED');
    expect(result.reason).toMatch(/rewritten|no longer appear|negation/);
  });

  it('orphans an empty passage', () => {
    const empty = { start: 0, end: 0, exact: ' ', prefix: '', suffix: '' };
    expect(reanchor(empty, workedExample)).toEqual({
      status: 'ORPHANED',
      score: 0,
      anchor: null,
      reason: 'the passage is empty',
      figuresChanged: false,
    });
  });
});
