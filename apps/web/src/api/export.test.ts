import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, fetchExport, setFetcher, setToken } from './client';

describe('fetchExport', () => {
  afterEach(() => setToken(null));

  it('sends the editor token and answers the bytes with the file name the server gave', async () => {
    const seen: Record<string, string>[] = [];
    setToken('ct_secret');
    setFetcher(async (_url, init) => {
      seen.push((init?.headers ?? {}) as Record<string, string>);
      return new Response('<graphml/>', {
        headers: { 'content-disposition': 'attachment; filename="claimtrace.graphml"' },
      });
    });

    const { blob, fileName } = await fetchExport('/exports/graph?format=graphml');

    expect(seen).toEqual([{ authorization: 'Bearer ct_secret' }]);
    expect(fileName).toBe('claimtrace.graphml');
    expect(await blob.text()).toBe('<graphml/>');
  });

  it("turns a refusal into an ApiError with the server's code and message", async () => {
    setFetcher(
      async () =>
        new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Send a token.' }), {
          status: 401,
        }),
    );

    const error = await fetchExport('/exports/graph?format=json').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect((error as ApiError).message).toBe('Send a token.');
  });
});
