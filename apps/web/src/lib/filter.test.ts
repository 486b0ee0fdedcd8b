import { describe, expect, it } from 'vitest';
import type { BoardClaim } from '../api/types';
import { allTags, EMPTY_FILTER, matchesSearch, toClaimFilter } from './filter';

const claim = (text: string, tags: string[], actors: string[]): BoardClaim => ({
  id: text,
  text,
  status: 'UNVERIFIED',
  version: 1,
  tags,
  updatedAt: '2026-01-01T00:00:00Z',
  firstSeenAt: null,
  stanceSummary: { counts: [], distinctActors: actors.length },
  attributions: {
    edges: actors.map((name, i) => ({
      node: { id: `${i}`, stance: 'ASSERTS', actor: { id: name, name } },
    })),
  },
});

describe('board filters', () => {
  it('sends status, actor and tag; search only when the server has it', () => {
    const filter = { ...EMPTY_FILTER, status: 'CONTESTED', tag: 'x', search: ' talks ' };
    expect(toClaimFilter(filter, false)).toEqual({ status: ['CONTESTED'], tag: 'x' });
    expect(toClaimFilter(filter, true)).toEqual({
      status: ['CONTESTED'],
      tag: 'x',
      search: 'talks',
    });
    expect(toClaimFilter(EMPTY_FILTER, true)).toEqual({});
  });

  it('searches text, tags and actors, ignoring case and accents', () => {
    const c = claim('Argentina negotiates with Washington', ['deportations'], ['Javier Milei']);
    expect(matchesSearch(c, 'ARGENTINA milei')).toBe(true);
    expect(matchesSearch(c, 'deport')).toBe(true);
    expect(matchesSearch(c, 'negociación')).toBe(false);
    expect(matchesSearch(claim('Negociación en curso', [], []), 'negociacion')).toBe(true);
    expect(matchesSearch(c, '   ')).toBe(true);
  });

  it('lists every tag once, sorted', () => {
    expect(allTags([claim('a', ['b', 'a'], []), claim('b', ['a', 'c'], [])])).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
