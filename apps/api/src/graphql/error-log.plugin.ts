import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, RequestContext } from '@claimtrace/core';
import { isClientError } from './format-error';

/**
 * Logs every error the client did not cause, in full with the request id, and adds that id to the
 * masked INTERNAL_SERVER_ERROR (or retryable SERVICE_UNAVAILABLE) the client gets, so a report can be matched to the log line.
 */
export function errorLogPlugin(
  log: (requestId: string, error: unknown) => void,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isClientError(error, error.extensions?.code)) {
              log(contextValue.requestId, error.originalError ?? error);
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            if (code === 'INTERNAL_SERVER_ERROR' || code === ErrorCode.SERVICE_UNAVAILABLE) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
