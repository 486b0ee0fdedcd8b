import {
  DocumentNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import { AppConfig } from '@claimtrace/core';
import { FieldWeights, fieldWeights } from '../limits/field-weights';
import { checkOperation } from '../limits/limits.plugin';
import { introspectionWeight } from '../limits/introspection-weight';
import { RATE_LIMITED } from '../limits/limit-codes';
import { ExecutionMeter } from '../limits/execution-meter';
import { coercedVariables, operationCost, queryLimitRules } from '../limits/query-limits';
import { CostRateLimiter } from '../limits/rate-limiter';
import { checkTextInputs } from '../limits/text-input';
import { OperationMeasures } from '../limits/cost-cache';
import { noIntrospectionRule } from './no-introspection.rule';

/** What one operation is, on either transport, once its document has been parsed. */
export interface GuardedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Readonly<Record<string, unknown>> | undefined;
  /** whom the rate limit counts against: `token:<id>`, else `ip:<address>` */
  clientKey: string;
}

/** A document and its operation that passed parsing, validation and every guard. */
export interface PreparedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** The codes Apollo gives the same failures over HTTP, so a client sees one answer per transport. */
const PARSE_FAILED = 'GRAPHQL_PARSE_FAILED';
const VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED';
const OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE';
const BAD_USER_INPUT = 'BAD_USER_INPUT';

/** Apollo's `hideSchemaDetailsFromClientErrors`: the suggestion that names the schema's fields. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** The rate limiter of this process: a token's budget, or an anonymous IP's. */
export function createRateLimiter(config: AppConfig): CostRateLimiter {
  return new CostRateLimiter((key) =>
    key.startsWith('token:')
      ? config.RATE_LIMIT_COST_PER_MINUTE
      : config.RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE,
  );
}

/** Whether introspection, field suggestions and the explorer are on: only when enabled explicitly. */
export function introspectionEnabled(config: AppConfig): boolean {
  return config.GRAPHQL_INTROSPECTION === true;
}

/**
 * The one definition of what guards a GraphQL operation, for HTTP (Apollo, see limits.plugin.ts)
 * and graphql-ws (subscriptions.ts) alike: the parse limit, the validation rules (introspection
 * when it is off, length, depth, aliases, directives) without schema suggestions when
 * introspection is off, then the input checks (NUL, lone surrogates), the page-size and cost
 * limits and the rate limit. One rate limiter per process, so a client's budget is shared by its
 * requests and its sockets.
 */
export class OperationGuards {
  readonly validationRules: readonly ValidationRule[];
  private readonly limiter: CostRateLimiter;
  private readonly showSchema: boolean;
  /** what one instance of each weighed field costs, before and during execution */
  readonly weights: FieldWeights;
  /** the measures of operations already checked (cost-cache.ts) */
  private readonly measures = new OperationMeasures();

  constructor(
    private readonly config: AppConfig,
    limiter: CostRateLimiter = createRateLimiter(config),
  ) {
    this.limiter = limiter;
    this.weights = fieldWeights(config);
    this.showSchema = introspectionEnabled(config);
    this.validationRules = [
      ...(this.showSchema ? [] : [noIntrospectionRule]),
      ...queryLimitRules({
        maxLength: config.QUERY_MAX_LENGTH,
        maxDepth: config.QUERY_MAX_DEPTH,
        maxAliases: config.QUERY_MAX_ALIASES,
        maxDirectives: config.QUERY_MAX_DIRECTIVES,
      }),
    ];
  }

  /** Apollo's parse options: parsing stops after QUERY_MAX_TOKENS tokens. */
  get parseOptions(): { maxTokens: number } {
    return { maxTokens: this.config.QUERY_MAX_TOKENS };
  }

  /** Whether errors may name the schema's fields ("Did you mean …?"). */
  get schemaDetailsInErrors(): boolean {
    return this.showSchema;
  }

  /**
   * A client's error message, without its "Did you mean …?" when introspection is off. Apollo's
   * own setting only cleans validation errors; the variables' coercion errors ("does not exist in
   * "Stance" enum. Did you mean the enum value …?") name the schema as well.
   */
  clientMessage(message: string): string {
    return this.showSchema ? message : message.replace(SUGGESTION, '');
  }

  /**
   * Parses, validates and resolves an operation as Apollo does over HTTP, with the same codes;
   * answers it, or the errors to send. Used by graphql-ws, which would otherwise parse without
   * the token limit and validate without introspection's rule.
   */
  prepare(
    schema: GraphQLSchema,
    query: string,
    operationName: string | null | undefined,
  ): PreparedOperation | readonly GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(query, this.parseOptions);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return [coded(error, PARSE_FAILED, error.message)];
    }
    const invalid = validate(schema, document, [...specifiedRules, ...this.validationRules]);
    if (invalid.length > 0) {
      return invalid.map((error) =>
        coded(error, VALIDATION_FAILED, this.clientMessage(error.message)),
      );
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      const message = operationName
        ? `Unknown operation named "${operationName}".`
        : 'Must provide operation name if query contains multiple operations.';
      return [new GraphQLError(message, { extensions: { code: OPERATION_RESOLUTION_FAILURE } })];
    }
    return { document, operation };
  }

  /**
   * The variables' errors as Apollo answers them over HTTP (BAD_USER_INPUT, suggestions hidden
   * like validation's), or none; graphql-ws would otherwise let `execute` report them uncoded.
   */
  coerceVariables(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): readonly GraphQLError[] {
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      variables ?? {},
      {
        maxErrors: 50,
      },
    );
    if (!coerced.errors) return [];
    return coerced.errors.map((error) =>
      coded(error, BAD_USER_INPUT, this.clientMessage(error.message)),
    );
  }

  /**
   * The guards that need the operation and its variables: text inputs, page size, cost, then the
   * rate limit (spent only by an operation that passed the others). Throws the GraphQLError to send;
   * answers the cost taken from the rate budget. `first: $n` is costed with the value execution
   * will use (a default counts); variables that cannot be coerced are not costed: execution
   * refuses them before any resolver runs.
   */
  check({ schema, document, operation, variables, clientKey }: GuardedOperation): number {
    const measured = this.measures.measure(document, operation.name?.value, variables, () => {
      checkTextInputs(document, variables);
      const coerced = coercedVariables(schema, operation, variables);
      if (!coerced) return null;
      return operationCost(schema, document, operation, {
        variables: coerced,
        weights: this.weights,
      });
    });
    if (!measured) return 0;
    checkOperation(this.config, this.limiter, clientKey, measured.cost, measured.largestPage);
    return Math.max(1, measured.cost);
  }

  /** A meter for one execution: it stops the operation once its fields spend QUERY_MAX_COST. */
  meter(): ExecutionMeter {
    return new ExecutionMeter(this.config.QUERY_MAX_COST);
  }

  /**
   * Takes from the client's budget what an execution spent beyond the `charged` cost: what its
   * fields spent (the meter) and what its introspection answered (introspectionWeight).
   */
  settle(
    clientKey: string,
    charged: number,
    meter: ExecutionMeter,
    answered?: {
      document: DocumentNode;
      operation: OperationDefinitionNode;
      data: Readonly<Record<string, unknown>> | null | undefined;
    },
  ): void {
    if (answered)
      meter.add(introspectionWeight(answered.document, answered.operation, answered.data));
    if (meter.total > charged) this.limiter.drain(clientKey, meter.total - charged);
  }

  /**
   * Charges one event a subscription delivers its cost (`charged` at subscribe time), as if it
   * were the same query; throws RATE_LIMITED, which ends the subscription, once the budget is spent.
   */
  chargeEvent(clientKey: string, charged: number): void {
    const wait = this.limiter.take(clientKey, charged);
    if (wait === 0) return;
    throw new GraphQLError(
      `This subscription's events spent the rate budget, so it ends here; subscribe again in ${wait} s with \`after\` set to the last cursor you received.`,
      { extensions: { code: RATE_LIMITED, retryAfterSeconds: wait } },
    );
  }
}

function coded(error: GraphQLError, code: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}
