import type { AnnotatedText } from './corpus';
import { formatTable, scoreTexts } from './evaluate';
import { extractAttributions } from '@claimtrace/extraction';

describe('scoreTexts', () => {
  it('scores a perfect extraction as 1.0', () => {
    const text = 'The mayor said that the roads were closed.';
    const doc: AnnotatedText = {
      name: 'x',
      text,
      annotationFile: 'x_1.ann',
      part: 'dev',
      gold: [
        {
          source: { start: 0, end: 9 },
          cue: { start: 10, end: 14 },
          content: { start: 15, end: 41 },
        },
      ],
    };
    const scores = scoreTexts([doc], extractAttributions);
    expect(scores.spans.overall.exact).toEqual({ gold: 3, predicted: 3, matched: 3 });
    expect(scores.attributions.exact.matched).toBe(1);
    expect(formatTable('dev', scores)).toMatch(/attribution\s+overlap\s+1\s+1\s+1\s+1\.000/);
  });
});
