import { transientKind } from './transient-failure';

describe('transientKind', () => {
  it.each([
    [{ code: '40001' }, 'conflict'],
    [{ code: '40P01' }, 'conflict'],
    [{ code: '55P03' }, 'conflict'],
    [{ code: '57P01' }, 'unavailable'],
    [{ code: '08006' }, 'unavailable'],
    [{ code: '53300' }, 'unavailable'],
    [{ code: 'ECONNREFUSED' }, 'unavailable'],
    [{ code: 'P1001' }, 'unavailable'],
    [{ code: 'P2034' }, 'conflict'],
    [
      { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '40P01' } } } },
      'conflict',
    ],
    [{ name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } }, 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
  ])('%j is %s', (error, kind) => {
    expect(transientKind(error)).toBe(kind);
  });

  it.each([
    [{ code: '23505' }],
    [{ code: '08P01' }],
    [{ code: '57014' }],
    [new TypeError("Cannot read properties of undefined (reading 'id')")],
    [null],
    ['40001'],
  ])('%j is not transient', (error) => {
    expect(transientKind(error)).toBeNull();
  });

  it('stops on a cycle of causes', () => {
    const error: Record<string, unknown> = { code: 'XX000' };
    error.cause = error;
    expect(transientKind(error)).toBeNull();
  });
});
