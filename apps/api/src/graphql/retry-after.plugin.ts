import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, RequestContext } from '@claimtrace/core';

/**
 * A response holding a SERVICE_UNAVAILABLE error (a transient database failure, see formatError)
 * goes out over HTTP as 503 with `Retry-After`: the longest wait any of its errors asks for.
 */
export function retryAfterPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          let wait = 0;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code !== ErrorCode.SERVICE_UNAVAILABLE) continue;
            wait = Math.max(wait, Number(error.extensions.retryAfterSeconds) || 1);
          }
          if (wait === 0) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(wait));
        },
      };
    },
  };
}
