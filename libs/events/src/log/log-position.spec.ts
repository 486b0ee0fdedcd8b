import { compareLogPositions, decodeLogCursor, encodeLogCursor, isAfter } from './log-position';

describe('event cursors', () => {
  it('round-trips a position, beyond the range of a JS number', () => {
    const position = { txId: 18446744073709551615n, id: 9007199254740993n };
    expect(decodeLogCursor(encodeLogCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'abc',
    Buffer.from('ev1:1').toString('base64url'),
    Buffer.from('ev1:1:x').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('ev1:01:2').toString('base64url'),
  ])('rejects %p with BAD_USER_INPUT naming the argument', (cursor) => {
    expect(() => decodeLogCursor(cursor, 'after')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: { argument: 'after' } }),
    );
  });

  it('orders by transaction id first, then by event id', () => {
    const late = { txId: 10n, id: 1n }; // younger transaction, smaller sequence id
    const early = { txId: 9n, id: 50n };
    expect(isAfter(late, early)).toBe(true);
    expect(compareLogPositions(early, late)).toBeLessThan(0);
    expect(compareLogPositions(late, { txId: 10n, id: 1n })).toBe(0);
    expect(isAfter({ txId: 10n, id: 2n }, late)).toBe(true);
  });
});
