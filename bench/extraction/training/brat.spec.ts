import { goldAttributions, parseBrat } from './brat';

const ANN = [
  'T1\tSource 0 4\tPoll',
  'T2\tCue 4 5\t:',
  'T3\tContent 6 65\tWealthy Voters Abandon Republican Party for Hillary Clinton',
  'T4\tAttribution 4 5\t:',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tContent 209 236;91 186\tin favor … party',
  'T6\tCue 85 90\tshows',
  'T7\tAttribution-no-source 85 90\tshows',
  'E2\tAttribution-no-source:T7 Content:T5 Cue:T6',
  'T8\tContent 300 310\tfirst part',
  'T9\tContent 320 330\tsecond part',
  'T10\tCue 311 315\tsaid',
  'T11\tSource 316 318\the',
  'T12\tAttribution 311 315\tsaid',
  'E3\tAttribution:T12 Content:T8 Content2:T9 Cue:T10 Source:T11',
  'T13\tDiscard 400 410\tnot this',
  'E4\tDiscard:T13 ',
  '',
].join('\n');

describe('parseBrat / goldAttributions', () => {
  const gold = goldAttributions(parseBrat(ANN));

  it('reads attribution events with their source, cue and content spans', () => {
    expect(gold[0]).toEqual({
      source: { start: 0, end: 4 },
      cue: { start: 4, end: 5 },
      content: { start: 6, end: 65 },
    });
  });

  it('keeps attributions without a source', () => {
    expect(gold[1].source).toBeNull();
  });

  it('joins discontinuous spans from their first to their last character', () => {
    expect(gold[1].content).toEqual({ start: 91, end: 236 });
    expect(gold[2].content).toEqual({ start: 300, end: 330 });
  });

  it('ignores Discard and Discuss events', () => {
    expect(gold).toHaveLength(3);
  });

  it('keeps the span text of text-bound lines', () => {
    expect(parseBrat(ANN).textBounds.get('T6')?.text).toBe('shows');
  });
});
