// The page's only way to the API: POST /graphql with the editor's token when one is set.
import type { TadaDocumentNode } from 'gql.tada';
import { print, type DocumentNode } from 'graphql';

const TOKEN_KEY = 'claimtrace.token';

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

/** A request the API answered with errors; `code` is the first error's `extensions.code`. */
export class ApiError extends Error {
  readonly code: string;
  readonly extensions: Record<string, unknown>;

  constructor(readonly errors: GraphQLErrorShape[]) {
    super(errors.map((e) => e.message).join('\n') || 'The request failed.');
    this.name = 'ApiError';
    this.code = errors[0]?.extensions?.code ?? 'UNKNOWN';
    this.extensions = errors[0]?.extensions ?? {};
  }
}

export type Fetcher = typeof fetch;

let fetcher: Fetcher = (...args) => fetch(...args);

/** For component tests: answer requests without a server. */
export function setFetcher(next: Fetcher): void {
  fetcher = next;
}

/** POSTs `body` as JSON with the editor's token when one is set; unreachable is an ApiError. */
async function postJson(url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetcher(url, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError([
      { message: 'The server cannot be reached.', extensions: { code: 'NETWORK' } },
    ]);
  }
}

/** The text of a document, printed once. */
const texts = new WeakMap<DocumentNode, string>();
function textOf(document: DocumentNode): string {
  let text = texts.get(document);
  if (text === undefined) texts.set(document, (text = print(document)));
  return text;
}

/**
 * Sends one of the page's documents (queries.ts); the answer's type is the document's result type.
 * A document without required variables may be sent without them.
 */
export async function gql<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  ...[variables]: Record<string, never> extends Variables ? [Variables?] : [Variables]
): Promise<Result> {
  const response = await postJson('/graphql', { query: textOf(document), variables });
  let body: { data?: Result; errors?: GraphQLErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError([
      {
        message: `The server answered ${response.status} without a GraphQL response.`,
        extensions: { code: 'NETWORK' },
      },
    ]);
  }
  if (body.errors?.length) throw new ApiError(body.errors);
  if (!body.data) throw new ApiError([{ message: 'The server answered no data.' }]);
  return body.data;
}

/**
 * A download link for an export address (`/exports/graph?format=gexf`) that works without the
 * token for a few minutes, so the browser streams the file to disk as any download. Asked with the
 * editor's token (the server may require one for reads: READS_REQUIRE_TOKEN); a refusal is an
 * ApiError with the server's code and message.
 */
export async function downloadLink(path: string): Promise<string> {
  const response = await postJson('/exports/links', { path });
  const body = (await response.json().catch(() => null)) as {
    url?: string;
    code?: string;
    message?: string;
  } | null;
  if (!response.ok || !body?.url) {
    throw new ApiError([
      {
        message: body?.message ?? `The server answered ${response.status}.`,
        extensions: { code: body?.code ?? 'NETWORK' },
      },
    ]);
  }
  return body.url;
}
