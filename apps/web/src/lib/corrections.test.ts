import { describe, expect, it } from 'vitest';
import {
  claimChanges,
  correctionCounts,
  summarizeCorrections,
  wordDiff,
  type ChangeLike,
} from './corrections';

const change = (
  status: ChangeLike['status'],
  to = 'v2',
  at = '2026-12-07T10:00:00Z',
): ChangeLike => ({
  status,
  at,
  fromArticle: { id: 'v1', title: 'Milei denies', publisher: { name: 'Perfil' } },
  toArticle: { id: to },
});

describe('corrections on the page', () => {
  it('summarises per corrected article, newest first', () => {
    const summaries = summarizeCorrections([
      change('EXACT'),
      change('EXACT'),
      change('EXACT'),
      change('FUZZY'),
      change('ORPHANED'),
      change('FUZZY', 'v3', '2026-12-08T10:00:00Z'),
    ]);
    expect(summaries.map((s) => s.toArticleId)).toEqual(['v3', 'v2']);
    expect(summaries[1]).toMatchObject({ publisher: 'Perfil', moved: 3, changed: 1, withdrawn: 1 });
    expect(correctionCounts(summaries[1])).toBe('3 passages moved, 1 changed, 1 withdrawn');
    expect(correctionCounts(summaries[0])).toBe('1 changed');
  });

  it('diffs passages word by word', () => {
    expect(wordDiff('on Friday by reposting', 'on Thursday by reposting')).toEqual([
      { kind: 'same', text: 'on ' },
      { kind: 'del', text: 'Friday ' },
      { kind: 'ins', text: 'Thursday ' },
      { kind: 'same', text: 'by reposting' },
    ]);
    expect(wordDiff('gone', '')).toEqual([{ kind: 'del', text: 'gone' }]);
    const long = 'word '.repeat(500);
    expect(wordDiff(long, `${long}more`)).toHaveLength(2);
  });

  it('says what changed in a claim while a form was open', () => {
    const before = { version: 2, status: 'CONTESTED', text: 'T', stances: '1 denies', toReview: 0 };
    expect(claimChanges(before, before)).toEqual([]);
    expect(claimChanges(before, { ...before, version: 3, status: 'CONFIRMED' })).toEqual([
      'status CONTESTED → CONFIRMED',
    ]);
    expect(claimChanges(before, { ...before, stances: 'none', toReview: 1 })).toEqual([
      'stances 1 denies → none',
      'source changes to review 0 → 1',
    ]);
    expect(claimChanges(before, { ...before, version: 3 })).toEqual(['version 2 → 3']);
  });
});
