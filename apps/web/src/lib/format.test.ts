import { describe, expect, it } from 'vitest';
import { humanize, plural, relativeTime, summarizeStances, TRANSITIONS } from './format';

describe('summarizeStances', () => {
  it('words the counts in the order of the Stance enum', () => {
    expect(
      summarizeStances([
        { stance: 'DECLINES_TO_COMMENT', count: 2 },
        { stance: 'DENIES', count: 3 },
        { stance: 'REPORTS', count: 1 },
        { stance: 'QUESTIONS', count: 0 },
      ]),
    ).toBe('reported by 1, denied by 3, 2 declined to comment');
  });

  it('says when there is nothing yet', () => {
    expect(summarizeStances([])).toBe('no attributions yet');
  });
});

describe('wording', () => {
  it('humanizes enum values and counts', () => {
    expect(humanize('DECLINES_TO_COMMENT')).toBe('Declines to comment');
    expect(plural(1, 'actor')).toBe('1 actor');
    expect(plural(3, 'actor')).toBe('3 actors');
  });

  it('tells how long ago', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(relativeTime('2026-01-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2026-01-01T11:50:00Z', now)).toBe('10 min ago');
    expect(relativeTime('2025-12-01T00:00:00Z', now)).toBe('2025-12-01');
    expect(relativeTime(null, now)).toBe('—');
  });

  it('follows the workflow: retracted is final, confirmed cannot jump to refuted', () => {
    expect(TRANSITIONS.RETRACTED).toEqual([]);
    expect(TRANSITIONS.CONFIRMED).not.toContain('REFUTED');
  });
});
