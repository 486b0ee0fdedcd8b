/** The pages of a shape: captured from the real server, checked byte for byte on the baseline. */

interface ClaimsAnswer {
  data?: { claims: { totalCount: number; edges: { cursor: string }[] } };
  errors?: unknown[];
}

export interface Captured {
  /** request bodies, one per page, in order */
  bodies: string[];
  /** `data.claims` of each page by the JSON of its variables (what memory-app.ts serves) */
  answers: Record<string, unknown>;
  /** the answers' exact texts and sizes */
  texts: string[];
  bytes: number[];
  meanBytes: number;
  /** throws unless the server at `url` answers every page with the same bytes */
  check(url: string): Promise<void>;
}

export async function post(
  url: string,
  body: string,
): Promise<{ text: string; json: ClaimsAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  const json = JSON.parse(text) as ClaimsAnswer;
  if (!response.ok || json.errors || !json.data?.claims.edges.length) {
    throw new Error(`unexpected answer (${response.status}): ${text.slice(0, 500)}`);
  }
  return { text, json };
}

/** Up to `max` consecutive pages of `query` (20 claims each) from the real server at `url`. */
export async function capturePages(
  url: string,
  query: string,
  variables: object,
  max: number,
): Promise<Captured> {
  const bodies: string[] = [];
  const answers: Record<string, unknown> = {};
  const texts: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < max; page++) {
    const pageVariables = { ...variables, after };
    const body = JSON.stringify({ query, variables: pageVariables });
    const answer = await post(url, body);
    bodies.push(body);
    texts.push(answer.text);
    answers[JSON.stringify(pageVariables)] = answer.json.data!.claims;
    const edges = answer.json.data!.claims.edges;
    if (edges.length < 20) break;
    after = edges[edges.length - 1].cursor;
  }
  const again = await post(url, bodies[0]);
  if (again.text !== texts[0])
    throw new Error('the real server answers the first page differently twice');
  const bytes = texts.map((text) => Buffer.byteLength(text));
  return {
    bodies,
    answers,
    texts,
    bytes,
    meanBytes: bytes.reduce((a, b) => a + b, 0) / bytes.length,
    async check(other: string) {
      for (let page = 0; page < bodies.length; page++) {
        if ((await post(other, bodies[page])).text !== texts[page]) {
          throw new Error(`the server at ${other} answers page ${page + 1} differently`);
        }
      }
    },
  };
}
