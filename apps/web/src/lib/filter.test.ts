import { describe, expect, it } from 'vitest';
import type { BoardClaim } from '../api/types';
import { allTags, EMPTY_FILTER, filterFromHash, hashOfFilter, toClaimFilter } from './filter';

const claim = (text: string, tags: string[], actors: string[]): BoardClaim => ({
  id: text,
  text,
  status: 'UNVERIFIED',
  version: 1,
  tags,
  language: null,
  updatedAt: '2026-01-01T00:00:00Z',
  firstSeenAt: null,
  stanceSummary: { counts: [], distinctActors: actors.length },
  corrections: { totalCount: 0 },
  toReview: { totalCount: 0 },
  attributions: {
    edges: actors.map((name, i) => ({
      node: { id: `${i}`, stance: 'ASSERTS', actor: { id: name, name } },
    })),
  },
});

describe('board filters', () => {
  it('sends the filters that are set, the search trimmed', () => {
    const filter = { ...EMPTY_FILTER, status: 'CONTESTED', tag: 'x', search: ' talks ' };
    expect(toClaimFilter(filter)).toEqual({ status: ['CONTESTED'], tag: 'x', search: 'talks' });
    expect(toClaimFilter(EMPTY_FILTER)).toEqual({});
  });

  it('lives in the board’s address, so a filtered view can be shared', () => {
    const filter = {
      ...EMPTY_FILTER,
      status: 'CONTESTED',
      actorId: 'QQ==',
      search: 'a&b c',
      language: 'es',
    };
    expect(hashOfFilter(filter)).toBe('#/?status=CONTESTED&actor=QQ%3D%3D&q=a%26b+c&lang=es');
    expect(filterFromHash(hashOfFilter(filter))).toEqual(filter);
    expect(hashOfFilter(EMPTY_FILTER)).toBe('#/');
    expect(filterFromHash('#/?bogus=1')).toEqual(EMPTY_FILTER);
    expect(toClaimFilter(filter)).toMatchObject({ language: 'es', actorId: 'QQ==' });
  });

  it('lists every tag once, sorted', () => {
    expect(allTags([claim('a', ['b', 'a'], []), claim('b', ['a', 'c'], [])])).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
