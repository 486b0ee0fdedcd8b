import { describe, expect, it } from 'vitest';
import { setFetcher } from './client';
import { ALL_FEATURES, detectFeatures } from './features';

const answer = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body)));

describe('detectFeatures', () => {
  it('reads the schema', async () => {
    setFetcher(() =>
      answer({
        data: {
          query: { fields: [{ name: 'claims' }, { name: 'claimGraph' }] },
          subscription: null,
          filter: { inputFields: [{ name: 'status' }] },
        },
      }),
    );
    expect(await detectFeatures()).toEqual({
      liveEvents: false,
      claimSearch: false,
      claimGraph: true,
    });
  });

  it('assumes everything when introspection is refused, and falls back later', async () => {
    setFetcher(() =>
      answer({
        errors: [
          { message: 'introspection is off', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        ],
      }),
    );
    expect(await detectFeatures()).toEqual(ALL_FEATURES);
  });

  it('throws when the server cannot be reached', async () => {
    setFetcher(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(detectFeatures()).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
