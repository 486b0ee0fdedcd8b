import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractAttributions, type ExtractedAttribution } from './index';

/** The worked example: the repository's one copy, in libs/demo/data. */
const PERFIL = path.resolve(__dirname, '../../demo/data/perfil-2026-milei-deportee-talks.txt');

function find(list: ExtractedAttribution[], cue: RegExp, source?: RegExp): ExtractedAttribution {
  const found = list.find(
    (a) => cue.test(a.cue.text) && (!source || source.test(a.source?.text ?? '')),
  );
  if (!found) throw new Error(`no attribution with cue ${cue} and source ${source}`);
  return found;
}

describe('extractAttributions: the worked example (Perfil, Milei and the deportee talks)', () => {
  const text = fs.readFileSync(PERFIL, 'utf8');
  const found = extractAttributions(text);

  it('finds Milei’s denials', () => {
    const pushBack = find(found, /pushed back/, /Javier Milei/);
    expect(pushBack.stance).toBe('DENIES');
    expect(pushBack.content.text).toMatch(/^reports claiming his government/);
    const repost = find(found, /reposting a message .* describing the information as/, /^Milei$/);
    expect(repost.stance).toBe('DENIES');
    expect(repost.content.text).toContain('100 percent false');
  });

  it('finds the State Department’s and the Foreign Ministry’s refusals to comment', () => {
    const declines = found.filter((a) => a.stance === 'DECLINES_TO_COMMENT');
    expect(declines.map((a) => a.source?.text)).toEqual([
      'a US State Department spokesperson',
      'Argentina’s Foreign Ministry',
    ]);
    expect(declines[0].cue.text).toBe('declined to comment');
  });

  it('finds the Times reporting, with the sources’ assertion nested under it', () => {
    const according = find(found, /^According to$/, /the Times/);
    expect(according.stance).toBe('REPORTS');
    const sources = find(found, /^told$/, /^Sources familiar with the discussions$/);
    expect(sources.stance).toBe('ASSERTS');
    expect(sources.content.text).toMatch(
      /no deal has been closed, negotiations are moving quickly$/,
    );
    expect(sources.reportedViaIndex).toBe(according.index);
    expect(find(found, /^said$/, /^The newspaper$/).stance).toBe('REPORTS');
    expect(find(found, /^noted$/, /^the\s+Times$/).stance).toBe('REPORTS');
  });

  it('names the White House as the source of the safe-third-country statement', () => {
    const whiteHouse = find(found, /^according to$/, /^the White House$/);
    expect(whiteHouse.content.text).toMatch(/^“Safe third country” mechanisms/);
    expect(whiteHouse.stance).toBe('ASSERTS');
  });

  it('returns spans whose text is the slice of the input at their code-point offsets', () => {
    const codePoints = Array.from(text);
    for (const a of found) {
      for (const span of [a.cue, a.content, ...(a.source ? [a.source] : [])]) {
        expect(codePoints.slice(span.start, span.end).join('')).toBe(span.text);
      }
      expect(a.index).toBe(found.indexOf(a));
    }
  });
});

describe('extractAttributions: news prose patterns', () => {
  it('handles a quote before an inverted source', () => {
    const [a] = extractAttributions('“We will win this race,” said Sen. Jane Smith.');
    expect(a.source?.text).toBe('Sen. Jane Smith');
    expect(a.cue.text).toBe('said');
    expect(a.content.text).toBe('“We will win this race,”');
  });

  it('handles indirect speech with "that"', () => {
    const [a] = extractAttributions('The governor said on Friday that the bridge would reopen.');
    expect(a.source?.text).toBe('The governor');
    expect(a.content.text).toBe('that the bridge would reopen');
  });

  it('handles "according to" after the content', () => {
    const [a] = extractAttributions(
      'Prices rose sharply in March, according to the statistics office.',
    );
    expect(a.source?.text).toBe('the statistics office');
    expect(a.content.text).toBe('Prices rose sharply in March');
  });

  it('joins a quote that continues after the cue', () => {
    const text = '“The plan is dead,” she said. “Nobody wants it.”';
    const [a] = extractAttributions(text);
    expect(a.content.text).toBe(text);
  });

  it('resolves a pronoun source to the nearest person named before it', () => {
    const text =
      'President Javier Milei spoke in Córdoba on Monday. Later, he said the economy was recovering.';
    const [a] = extractAttributions(text);
    expect(a.source?.text).toBe('he');
    expect(a.sourceName).toBe('Javier Milei');
  });

  it('nests an attribution inside the content of a report', () => {
    const found = extractAttributions(
      'The Times reported that officials said the talks had stalled.',
    );
    const outer = find(found, /reported/);
    const inner = find(found, /^said$/);
    expect(outer.stance).toBe('REPORTS');
    expect(inner.reportedViaIndex).toBe(outer.index);
  });

  it('reads stances from the cue', () => {
    const stanceOf = (text: string) => extractAttributions(text)[0]?.stance;
    expect(stanceOf('The ministry denied that any deal existed.')).toBe('DENIES');
    expect(stanceOf('The company confirmed that it had been hacked.')).toBe('CONFIRMS');
    expect(stanceOf('Critics questioned whether the plan would work.')).toBe('QUESTIONS');
    expect(stanceOf('A spokesman declined to comment on the report.')).toBe('DECLINES_TO_COMMENT');
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    const [a] = extractAttributions('😀 The mayor said the roads were closed.');
    expect(a.source).toEqual({ start: 2, end: 11, text: 'The mayor' });
  });

  it('finds nothing in prose without attribution', () => {
    expect(
      extractAttributions('The river flooded the town. Roads were closed for a week.'),
    ).toEqual([]);
  });

  it('takes the possessor of a nominal cue as its source', () => {
    const [a] = extractAttributions(
      'Critics rejected Mayor Lund’s claim that the tunnel was safe.',
    ).filter((x) => x.cue.text === 'claim');
    expect(a.source?.text).toBe('Mayor Lund’s');
    expect(a.content.text).toBe('that the tunnel was safe');
  });

  it('takes a lower-case possessor with its determiner, but not a contraction', () => {
    const [a] = extractAttributions(
      'Critics rejected the police’s earlier claim that the man was armed.',
    ).filter((x) => /claim/.test(x.cue.text));
    expect(a.source?.text).toBe('the police’s');
    expect(a.content.text).toBe('that the man was armed');
    expect(extractAttributions('It’s a claim that nobody believes.')).toEqual([]);
  });

  it('takes a pronoun just before the cue as the whole subject', () => {
    const [a] = extractAttributions(
      'In a long interview with a regional radio station on Sunday he criticized the new budget.',
    );
    expect(a.source?.text).toBe('he');
    expect(a.cue.text).toBe('criticized');
  });

  it('adds headline colons and credit lines to the verb-based attributions', () => {
    const text = 'Ortiz: The Bridge Will Reopen in May\n“We are ready.” ― Lena Ortiz\n';
    const found = extractAttributions(text);
    expect(found.map((a) => [a.source?.text, a.cue.text])).toEqual([
      ['Ortiz', ':'],
      ['Lena Ortiz', '―'],
    ]);
    expect(found[1].content.text).toBe('“We are ready.”');
  });
});

describe('extractAttributions: a phrase after the verb is its source only when nothing follows', () => {
  it('keeps the appositive subject when an object clause follows "said"', () => {
    const [found] = extractAttributions(
      'Phil Smith, a spokesman for the miners, said the union expected production to fall.',
    );
    expect(found.cue.text).toBe('said');
    expect(found.source?.text).toBe('Phil Smith, a spokesman for the miners');
  });

  it('does not take a weekday for the source', () => {
    const [found] = extractAttributions(
      '“The veto will be overridden,” Senate leader Mitch McConnell, R-Ky., said Tuesday.',
    );
    expect(found.source?.text).toBe('Senate leader Mitch McConnell, R-Ky.');
  });

  it('still reads an inverted source', () => {
    const [found] = extractAttributions('“We will fight,” said Sen. John Smith, a Democrat.');
    expect(found.source?.text).toBe('Sen. John Smith');
  });
});

describe('extractAttributions: cues whose frame is incomplete', () => {
  it('keeps an opening participle without a source as a sourceless attribution', () => {
    const found = extractAttributions(
      'Asked about the delay, the harbour master blamed the weather.',
    );
    const asked = find(found, /^Asked$/);
    expect(asked.source).toBeNull();
    expect(asked.content.text).toBe('the delay');
  });

  it('does not keep a sourceless passive or base form', () => {
    const cues = (text: string) => extractAttributions(text).map((a) => a.cue.text);
    expect(
      cues(
        '“Safe third country” schemes are used by the state to relocate people with which it ' +
          'has strained relations, and are also intended as a deterrent to migrants, according ' +
          'to the ministry.',
      ),
    ).toEqual(['according to']);
    expect(cues('She has taken a newly created role as state counselor.')).toEqual([]);
  });

  it('takes the next paragraph as the content of a cue that ends in a colon', () => {
    const [a] = extractAttributions(
      'The mayor added:\nWe will rebuild the bridge by May. Nobody will be left behind.\nThe end.',
    );
    expect(a.source?.text).toBe('The mayor');
    expect(a.content.text).toBe('We will rebuild the bridge by May. Nobody will be left behind');
  });

  it('ends a content where a later cue of the same speaker starts', () => {
    const found = extractAttributions(
      'Sanders praised the bill, going on to say that the country was tired.',
    );
    expect(found.map((a) => [a.cue.text, a.source?.text, a.content.text])).toEqual([
      ['praised', 'Sanders', 'the bill'],
      ['going on to say', 'Sanders', 'that the country was tired'],
    ]);
  });

  it('reads a strict verb before ", she said" as part of what she said', () => {
    const [a] = extractAttributions('Those repairs are continuing, she said.');
    expect(a.cue.text).toBe('said');
    expect(a.content.text).toBe('Those repairs are continuing');
    const [b] = extractAttributions('The talks continue, Lund added.');
    expect([b.cue.text, b.source?.text]).toEqual(['added', 'Lund']);
  });

  it('takes no anonymity phrase for a cue, and keeps the speaker before it', () => {
    const found = extractAttributions(
      'An official, who asked not to be named, said the talks had failed. ' +
        'An aide who spoke on condition of anonymity said the draft was dead.',
    );
    expect(found.map((a) => [a.cue.text, a.sourceName, a.stance])).toEqual([
      ['said', 'An official', 'ASSERTS'],
      ['said', 'An aide', 'ASSERTS'],
    ]);
  });

  it('gives a medium that quotes someone REPORTS and the quoted person the stance', () => {
    const found = extractAttributions(
      'The newspaper quoted officials as saying the report was false.',
    );
    expect(found.map((a) => [a.cue.text, a.source?.text, a.stance, a.reportedViaIndex])).toEqual([
      ['quoted', 'The newspaper', 'REPORTS', null],
      ['saying', 'officials', 'DENIES', 0],
    ]);
  });

  it('runs near-linearly on one sentence of thousands of frames', () => {
    // A hostile input: 12,000 cues in one sentence, with and without commas between them.
    for (const unit of ['the people said ', 'the people said, ']) {
      expect(extractAttributions(`${unit.repeat(12_000)}.`).length).toBeGreaterThan(0);
    }
  });
});

describe('extractAttributions: subjects behind appositions, relative clauses and opening phrases', () => {
  const pairs = (text: string) =>
    extractAttributions(text, { language: 'en' }).map((a) => [a.source?.text ?? null, a.cue.text]);

  it('reads a subject before an apposition with commas or dashes of its own', () => {
    expect(pairs('Ann Lee, of Dayton, Ohio, said the plant would close.')).toEqual([
      ['Ann Lee, of Dayton, Ohio', 'said'],
    ]);
    expect(pairs('Bell -- author of a book on the campaign -- said the race was close.')).toEqual([
      ['Bell -- author of a book on the campaign --', 'said'],
    ]);
  });

  it('takes the antecedent of a relative clause before the verb, not a phrase after it', () => {
    expect(
      pairs('Tom Reyes, 61, of Tulsa, who watched the speech at home, said the mood had changed.'),
    ).toEqual([['Tom Reyes, 61, of Tulsa, who watched the speech at home', 'said']]);
  });

  it('finds the name after an opening phrase without a comma, and "who" before a date', () => {
    expect(pairs('At a rally in Ohio on Monday Smith said the plan was dead.')).toEqual([
      ['Smith', 'said'],
    ]);
    expect(pairs('She met Jones, who in 2010 said the plan was dead.')).toEqual([['who', 'said']]);
  });

  it('takes the subject after an opening participle clause for both verbs', () => {
    expect(pairs('Bemoaning the “rigged system,” Smith accused the moderators of bias.')).toEqual([
      ['Smith', 'Bemoaning'],
      ['Smith', 'accused'],
    ]);
  });
});
