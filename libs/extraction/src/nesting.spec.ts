import { findReportedVia, type NestingItem } from './nesting';

const item = (over: Partial<NestingItem>): NestingItem => ({
  cue: { start: 0, end: 1 },
  content: { start: 2, end: 3 },
  stance: 'ASSERTS',
  sourceText: null,
  toldMedium: null,
  ...over,
});

describe('findReportedVia', () => {
  it('nests an attribution whose cue lies in a relaying content', () => {
    const outer = item({
      cue: { start: 10, end: 18 },
      content: { start: 19, end: 80 },
      stance: 'REPORTS',
    });
    const inner = item({ cue: { start: 30, end: 34 }, content: { start: 35, end: 80 } });
    expect(findReportedVia([outer, inner])).toEqual([null, 0]);
  });

  it('does not nest under a denial', () => {
    const outer = item({
      cue: { start: 10, end: 18 },
      content: { start: 19, end: 80 },
      stance: 'DENIES',
    });
    const inner = item({ cue: { start: 30, end: 34 }, content: { start: 35, end: 80 } });
    expect(findReportedVia([outer, inner])).toEqual([null, null]);
  });

  it('nests a source that told a medium under that medium’s report', () => {
    const times = item({ stance: 'REPORTS', sourceText: 'the Times' });
    const sources = item({
      cue: { start: 100, end: 104 },
      content: { start: 105, end: 150 },
      toldMedium: 'the newspaper',
    });
    expect(findReportedVia([times, sources])).toEqual([null, 0]);
  });
});
