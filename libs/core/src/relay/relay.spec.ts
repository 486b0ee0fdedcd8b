import { decodeCursor, encodeCursor } from './cursor';
import { keyOf, parseGlobalId, toGlobalId } from './global-id';
import { pageSize, toPage } from './page';

const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('global ids', () => {
  it('round-trips a type and key', () => {
    const id = toGlobalId('Actor', uuid);
    expect(parseGlobalId(id)).toEqual({ type: 'Actor', key: uuid });
    expect(keyOf(id, 'Actor')).toBe(uuid);
  });

  it('rejects malformed ids and ids of another type with BAD_USER_INPUT', () => {
    expect(parseGlobalId('not-an-id')).toBeNull();
    expect(parseGlobalId(Buffer.from('Actor:123').toString('base64url'))).toBeNull();
    expect(() => keyOf('zzz', 'Actor')).toThrow(/not a valid id/);
    expect(() => keyOf(toGlobalId('Claim', uuid), 'Actor', 'affiliationId')).toThrow(
      /`affiliationId` must be the id of a Actor, but .* is the id of a Claim/,
    );
  });
});

describe('cursors', () => {
  it('round-trips a sort key', () => {
    expect(decodeCursor(encodeCursor(['Milei', uuid]), ['string', 'string'])).toEqual([
      'Milei',
      uuid,
    ]);
    expect(decodeCursor(encodeCursor([null, uuid]), ['string?', 'string'])).toEqual([null, uuid]);
  });

  it.each(['', '!!!', encodeCursor(['only one']), encodeCursor([1, 2]), 'e30'])(
    'rejects %p',
    (cursor) => {
      expect(() => decodeCursor(cursor, ['string', 'string'])).toThrow(/not a cursor of this list/);
    },
  );
});

describe('pages', () => {
  it('bounds first', () => {
    expect(pageSize(undefined, 100)).toBe(20);
    expect(pageSize(5, 100)).toBe(5);
    expect(() => pageSize(0, 100)).toThrow(/between 1 and 100/);
    expect(() => pageSize(101, 100)).toThrow(/between 1 and 100/);
  });

  it('uses the extra row only to tell there is a next page', () => {
    const page = toPage([1, 2, 3], 2, null, 3, String, (n) => n * 10);
    expect(page.edges.map(({ cursor, node }) => ({ cursor, node }))).toEqual([
      { cursor: '1', node: 10 },
      { cursor: '2', node: 20 },
    ]);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: '1',
      endCursor: '2',
    });
  });

  it("encodes an edge's cursor only when it is read", () => {
    const encoded: number[] = [];
    const cursorOf = (n: number) => {
      encoded.push(n);
      return `c${n}`;
    };
    const page = toPage([1, 2, 3, 4], 3, null, 4, cursorOf, (n) => n);
    expect(encoded).toEqual([1, 3]); // the page's start and end cursors
    expect(page.edges[1].cursor).toBe('c2');
    expect(encoded).toEqual([1, 3, 2]);
  });
});
