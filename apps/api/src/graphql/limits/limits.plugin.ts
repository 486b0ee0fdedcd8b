import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AppConfig, ErrorCode, RequestContext } from '@claimtrace/core';
import type { OperationGuards } from '../guards/operation-guards';
import { ExecutionMeter } from './execution-meter';
import { QUERY_TOO_COSTLY, RATE_LIMITED } from './limit-codes';
import { CostRateLimiter } from './rate-limiter';

export { QUERY_TOO_COSTLY, RATE_LIMITED };

/** Cost and page-size limits, then rate limiting by cost; all before anything executes. */
export function checkOperation(
  config: Pick<AppConfig, 'MAX_PAGE_SIZE' | 'QUERY_MAX_COST'>,
  limiter: CostRateLimiter,
  clientKey: string,
  cost: number,
  largestPage: number,
): void {
  if (largestPage > config.MAX_PAGE_SIZE) {
    throw new GraphQLError(
      `\`first\` must be between 1 and ${config.MAX_PAGE_SIZE} (got ${largestPage}); page with \`after\`.`,
      {
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          argument: 'first',
          max: config.MAX_PAGE_SIZE,
          http: { status: 400 },
        },
      },
    );
  }
  if (cost > config.QUERY_MAX_COST) {
    throw new GraphQLError(
      `The query would cost ${cost}; the limit is ${config.QUERY_MAX_COST}. Ask for smaller pages or fewer fields.`,
      {
        extensions: {
          code: QUERY_TOO_COSTLY,
          cost,
          max: config.QUERY_MAX_COST,
          http: { status: 400 },
        },
      },
    );
  }
  const wait = limiter.take(clientKey, Math.max(1, cost));
  if (wait > 0) {
    throw new GraphQLError(`Too many requests; retry in ${wait} s.`, {
      extensions: {
        code: RATE_LIMITED,
        retryAfterSeconds: wait,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) },
      },
    });
  }
}

/** A subscription sent over HTTP, whose resolver only works on a socket (it failed internally). */
function subscriptionOverHttp(): GraphQLError {
  return new GraphQLError(
    'Subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) on /graphql, not over HTTP.',
    { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
  );
}

/**
 * The Apollo plugin that applies the operation guards (see OperationGuards) to every HTTP
 * operation, and cleans schema suggestions out of its errors when introspection is off; then
 * meters its execution (ExecutionMeter): an operation whose fields spend more than QUERY_MAX_COST
 * is stopped and answered with that one QUERY_TOO_COSTLY, and whatever it spent beyond its cost is
 * taken from its client's rate budget too.
 */
export function queryLimitsPlugin(guards: OperationGuards): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      let charged = 0;
      const meter = guards.meter();
      contextValue.meter = meter;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo answers a missing operation itself
          charged = guards.check({
            schema,
            document,
            operation,
            variables: request.variables,
            clientKey: contextValue.clientKey ?? 'anonymous',
          });
          // after the guards, so that a hostile subscription gets their answer on both transports
          if (operation.operation === 'subscription') throw subscriptionOverHttp();
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = guards.clientMessage(error.message);
        },
        async willSendResponse({ response, operation, document }) {
          const data = response.body.kind === 'single' ? response.body.singleResult.data : null;
          guards.settle(
            contextValue.clientKey ?? 'anonymous',
            charged,
            meter,
            document && operation ? { document, operation, data } : undefined,
          );
          if (!meter.exceeded || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const errors = ExecutionMeter.oneCostError(singleResult.errors);
          // a stopped query answers only why; a stopped mutation keeps what it wrote
          if (operation?.operation === 'mutation') {
            response.body.singleResult = { ...singleResult, errors };
          } else {
            response.body.singleResult = { errors };
            response.http.status = 400;
          }
        },
      };
    },
  };
}
