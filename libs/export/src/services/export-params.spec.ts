import { selectionOf } from './export-params';

const claimId = Buffer.from('Claim:00000000-0000-4000-8000-000000000001').toString('base64url');

describe('export parameters', () => {
  it("read as claimGraph's arguments: statuses split, dates and depth parsed, empty ones unset", () => {
    const selection = selectionOf({
      claimId,
      depth: '2',
      status: ['contested, refuted', 'CONTESTED'],
      since: '2026-01-01',
      until: '',
      tag: ' Migration ',
      asOf: '2026-03-01T12:00:00+01:00',
    });
    expect(selection).toMatchObject({
      start: { type: 'CLAIM', key: '00000000-0000-4000-8000-000000000001' },
      depth: 2,
      statuses: ['CONTESTED', 'REFUTED'],
      since: new Date('2026-01-01T00:00:00.000Z'),
      until: null,
      tag: 'migration',
      asOf: new Date('2026-03-01T11:00:00.000Z'),
      includeSuperseded: false,
    });
    expect(selectionOf({})).toMatchObject({ start: null, depth: null, statuses: null });
    expect(selectionOf({ includeSuperseded: 'true' }).includeSuperseded).toBe(true);
    expect(selectionOf({ includeSuperseded: 'false' }).includeSuperseded).toBe(false);
  });

  it.each([
    [{ claimId, depth: ['1', '2'] }, 'depth', /once/],
    [{ claimId, depth: '-1' }, 'depth', /whole number/],
    [{ claimId, depth: '4' }, 'depth', /between 0 and 3/],
    [{ depth: '1' }, 'depth', /claimId` or `actorId/],
    [{ status: 'OPEN' }, 'status', /must be among/],
    [{ asOf: '2026-13-01' }, 'asOf', /asOf/],
    [{ since: '2026-02-01', until: '2026-01-01' }, 'until', /before/],
    [{ search: 'x'.repeat(501) }, 'search', /at most 500/],
    [{ claimId: 'garbage' }, 'claimId', /claimId/],
    [{ includeSuperseded: 'yes' }, 'includeSuperseded', /true or false/],
    [{ includeSuperseded: ['true', 'true'] }, 'includeSuperseded', /once/],
  ])('refuses %j naming %s', (params, argument, message) => {
    let thrown: unknown;
    try {
      selectionOf(params);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(message),
    });
    expect((thrown as { extensions: Record<string, unknown> }).extensions.argument).toBe(argument);
  });
});
