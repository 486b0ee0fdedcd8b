import { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/** What Apollo's cache-control plugin reads as a header it may replace (else it leaves it). */
const REPLACEABLE = /^(no-store|max-age=\d+, (public|private))$/;

/**
 * Apollo's cache-control plugin, which Apollo adds unless told otherwise, without its per-field
 * work. This API sets no cache hints (no @cacheControl, default max-age 0), so that plugin only ever
 * answered `cache-control: no-store`; but to get there it wrapped every field resolver (schema
 * instrumentation) and built a cache policy per resolved field: ~0.8 ms of CPU and 3 MB of garbage
 * per bench:claims page. These plugins disable it and set the header it set, the way it set it.
 * Whoever adds cache hints (a @cacheControl directive, a defaultMaxAge) puts Apollo's plugin back.
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            const existing = response.http.headers.get('cache-control');
            if (!existing || REPLACEABLE.test(existing)) {
              response.http.headers.set('cache-control', 'no-store');
            }
          },
        };
      },
    },
  ];
}
