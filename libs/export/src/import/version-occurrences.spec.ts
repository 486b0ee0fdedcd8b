import { VersionOccurrences } from './version-occurrences';

describe('VersionOccurrences', () => {
  it('counts each URL and text apart, from 1', () => {
    const seen = new VersionOccurrences();
    const order = [
      ['u', 'a'],
      ['u', 'b'],
      ['u', 'a'],
      ['v', 'a'],
    ].map(([url, hash]) => seen.next(url, hash));
    expect(order).toEqual([1, 1, 2, 1]);
  });
});
