import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, downloadLink, setFetcher, setToken } from './client';

describe('downloadLink', () => {
  afterEach(() => setToken(null));

  it('asks for a signed link with the editor token and answers its address', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    setToken('ct_secret');
    setFetcher(async (url, init) => {
      seen.push({ url: String(url), init });
      return new Response(
        JSON.stringify({ url: '/exports/graph?format=graphml&ticket=t', expiresAt: 'soon' }),
        { status: 201 },
      );
    });

    const url = await downloadLink('/exports/graph?format=graphml');

    expect(url).toBe('/exports/graph?format=graphml&ticket=t');
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('/exports/links');
    expect(seen[0].init?.method).toBe('POST');
    expect(seen[0].init?.headers).toMatchObject({ authorization: 'Bearer ct_secret' });
    expect(JSON.parse(String(seen[0].init?.body))).toEqual({
      path: '/exports/graph?format=graphml',
    });
  });

  it("turns a refusal into an ApiError with the server's code and message", async () => {
    setFetcher(
      async () =>
        new Response(
          JSON.stringify({ code: 'UNAUTHENTICATED', message: 'The token was revoked.' }),
          {
            status: 401,
          },
        ),
    );

    const error = await downloadLink('/exports/graph?format=json').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('UNAUTHENTICATED');
    expect((error as ApiError).message).toBe('The token was revoked.');
  });
});
