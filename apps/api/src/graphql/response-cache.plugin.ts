import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { DocumentNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { RequestContext, ResponseCache } from '@claimtrace/core';
import type { Database } from '@claimtrace/database';

/**
 * The root fields whose answers depend on nothing but the database and the operation (no token,
 * no clock, no network): an anonymous query made of these only may be answered from the cache.
 */
const CACHEABLE_ROOTS = new Set([
  '__typename',
  'actor',
  'actors',
  'article',
  'articles',
  'claim',
  'claimGraph',
  'claims',
  'events',
  'node',
]);

/** The snapshot a statement run now would see (ResponseCache explains why it is the key). */
async function snapshotNow(db: Database): Promise<string> {
  const [row] = await db.query<{ snapshot: string }>(
    'SELECT pg_current_snapshot()::text AS snapshot',
  );
  return row.snapshot;
}

/** Whether every root field of the operation (through fragments) is in CACHEABLE_ROOTS. */
function cacheableRoots(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition.selectionSet);
  }
  const seen = new Set<string>();
  const check = (set: SelectionSetNode): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return CACHEABLE_ROOTS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return check(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return true;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment !== undefined && check(fragment);
    });
  return check(operation.selectionSet);
}

/**
 * Serves a repeated anonymous query from a ResponseCache when the database has not changed since
 * the cached answer was computed (RESPONSE_CACHE_MB; off at 0). It answers in Apollo's
 * `responseForOperation`, after parsing, validation and every guard of queryLimitsPlugin (cost,
 * page sizes, rate limit), so a cached answer is refused whatever a fresh one would be; a hit
 * spends what the execution that produced it spent, so the rate budget sees the same work. Only
 * answers without errors are kept; a token's requests, mutations and subscriptions never touch it.
 */
export function responseCachePlugin(
  cache: ResponseCache | null,
  db: () => Database,
): ApolloServerPlugin<RequestContext> {
  if (!cache) return {};
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.principal || contextValue.authError) return;
      let key: string | null = null;
      let before: string | null = null;
      return {
        async responseForOperation({ document, operation, request }) {
          if (operation.operation !== 'query' || !request.query) return null;
          if (!cacheableRoots(document, operation)) return null;
          key = ResponseCache.key(request.query, request.operationName, request.variables);
          before = await snapshotNow(db());
          const hit = cache.get(key, before);
          if (!hit) return null;
          key = null; // nothing to keep after a hit
          contextValue.meter?.add(hit.spent);
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: hit.data } },
          };
        },
        async willSendResponse({ response }) {
          if (!key || !before || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length || !data || (response.http.status ?? 200) !== 200) return;
          // kept only if no write started or ended while it executed: then it is the answer at `before`
          if ((await snapshotNow(db())) !== before) return;
          cache.set(key, before, data, contextValue.meter?.total ?? 0);
        },
      };
    },
  };
}
