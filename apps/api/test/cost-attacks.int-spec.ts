import { startTestApp, TestApp } from './test-app';

/**
 * Attacks on the cost model found by an outside review: each costs, or is charged, what it really
 * does, and is refused with a coded error before it holds the server.
 */
describe('cost model under attack', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('costs `first: $n` at the default of $n when the variable is not sent', async () => {
    // three pages of 100 nested: over 3,000,000 at 100, about 25,000 had the default been ignored
    const nested = `claims(first: $n) { edges { node { attributions(first: $n) { edges { node {
      claim { attributions(first: $n) { edges { node { id } } } } } } } } } }`;
    const result = await t.gqlAs(null, `query ($n: Int = 100) { ${nested} }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(result.errors?.[0].message).toMatch(
      /^The query would cost 3040301; the limit is 100000\./,
    );
  });
});
