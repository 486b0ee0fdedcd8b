import { ResponseCache } from './response-cache';

describe('ResponseCache', () => {
  const key = ResponseCache.key('{ claims { totalCount } }', null, { first: 1 });

  it('answers only in the snapshot the answer was kept in', () => {
    const cache = new ResponseCache(1_000_000);
    cache.set(key, '10:12:10', { claims: { totalCount: 3 } }, 7);
    expect(cache.get(key, '10:12:10')).toEqual({ data: { claims: { totalCount: 3 } }, spent: 7 });
    expect(cache.get(key, '10:13:10,12')).toBeUndefined();
    expect(cache.get(ResponseCache.key('{ claims { totalCount } }', null, {}), '10:12:10')).toBe(
      undefined,
    );
  });

  it('keeps a copy: changing the answer it was given changes nothing kept', () => {
    const cache = new ResponseCache(1_000_000);
    const data = { claims: { totalCount: 3 } };
    cache.set(key, 's', data, 1);
    data.claims.totalCount = 4;
    expect(cache.get(key, 's')?.data).toEqual({ claims: { totalCount: 3 } });
  });

  it('drops the least recently used answers beyond its size', () => {
    const cache = new ResponseCache(62);
    const big = { text: 'x'.repeat(20) }; // 31 bytes of JSON
    cache.set('a', 's', big, 1);
    cache.set('b', 's', big, 1);
    cache.get('a', 's');
    cache.set('c', 's', big, 1);
    expect(cache.get('b', 's')).toBeUndefined();
    expect(cache.get('a', 's')).toBeDefined();
    expect(cache.get('c', 's')).toBeDefined();
    expect(cache.size).toEqual({ entries: 2, bytes: 62 });
    cache.set('huge', 's', { text: 'x'.repeat(100) }, 1);
    expect(cache.get('huge', 's')).toBeUndefined();
  });
});
