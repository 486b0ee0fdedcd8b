import type { ExtractedAttribution } from '@claimtrace/extraction';
import { goldAttributions, parseBrat } from './brat';
import { countStances, formatStances, type StanceScores } from './stance-score';

const ANN = [
  'T1\tSource 0 2\tÉl',
  'T2\tCue 3 7\tnegó',
  'T3\tContent 8 20\tque lo dijo',
  'T4\tAttribution 3 7\tnegó',
  'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3',
  'A1\tStance E1 DENIES',
  'T5\tCue 30 34\tdijo',
  'T6\tAttribution 30 34\tdijo',
  'E2\tAttribution:T6 Cue:T5',
  'A2\tStance E2 ASSERTS',
  '',
].join('\n');

const predicted = (start: number, end: number, stance: ExtractedAttribution['stance']) =>
  ({
    index: 0,
    reportedViaIndex: null,
    source: null,
    cue: { start, end, text: '' },
    content: { start, end, text: '' },
    stance,
    sourceName: null,
  }) as ExtractedAttribution;

describe('stance scoring', () => {
  const gold = goldAttributions(parseBrat(ANN));

  it('reads the stance attribute of each attribution', () => {
    expect(gold.map((g) => g.stance)).toEqual(['DENIES', 'ASSERTS']);
  });

  it('counts per gold class the cues found and the stances right', () => {
    const scores: StanceScores = new Map();
    countStances(scores, gold, [predicted(3, 7, 'ASSERTS')]);
    expect(scores.get('DENIES')).toEqual({ gold: 1, found: 1, correct: 0 });
    expect(scores.get('ASSERTS')).toEqual({ gold: 1, found: 0, correct: 0 });
    countStances(scores, gold, [predicted(3, 7, 'DENIES'), predicted(30, 34, 'ASSERTS')]);
    expect(scores.get('DENIES')).toEqual({ gold: 2, found: 2, correct: 1 });
    expect(formatStances('t', scores)).toMatch(/all\s+4\s+3\s+2\s+0\.667/);
  });
});
