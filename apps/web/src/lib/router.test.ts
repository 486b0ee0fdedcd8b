import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router';

describe('routes', () => {
  it('parses the three views', () => {
    expect(parseRoute('')).toEqual({ view: 'board' });
    expect(parseRoute('#/?status=CONTESTED')).toEqual({ view: 'board' });
    expect(parseRoute(href.newArticle())).toEqual({ view: 'new-article' });
    expect(parseRoute(href.actors())).toEqual({ view: 'actors' });
    expect(parseRoute('#/claims/Q2xhaW0')).toEqual({
      view: 'claim',
      id: 'Q2xhaW0',
      passage: undefined,
    });
    expect(parseRoute('#/graph?actor=QQ&depth=9')).toEqual({
      view: 'graph',
      claimId: undefined,
      actorId: 'QQ',
      depth: 3,
    });
  });

  it('builds links that parse back', () => {
    expect(parseRoute(href.graph({ claimId: 'c=1' }, 1))).toMatchObject({
      claimId: 'c=1',
      depth: 1,
    });
    expect(parseRoute(href.claim('a/b'))).toMatchObject({ view: 'claim', id: 'a/b' });
  });

  it('reads an address typed by hand: bad percent-encoding and a second "?" break nothing', () => {
    expect(parseRoute('#/claims/%E0%A4%A')).toEqual({
      view: 'claim',
      id: '%E0%A4%A',
      passage: undefined,
    });
    expect(parseRoute('#/search%?q=%')).toEqual({ view: 'board' });
    expect(parseRoute('#/search?q=%ZZ%E0%A4%A&types=%')).toEqual({
      view: 'search',
      query: '%ZZ\uFFFD%A',
      types: [],
    });
    expect(parseRoute('#/search?q=why?&types=CLAIM,CLAIM,BOGUS&q=again')).toEqual({
      view: 'search',
      query: 'why?',
      types: ['CLAIM'],
    });
  });
});
