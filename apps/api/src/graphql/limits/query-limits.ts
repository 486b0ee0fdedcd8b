import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  getVariableValues,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  valueFromASTUntyped,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@claimtrace/core';
import { FieldWeights } from './field-weights';
import { measureFragments, SpreadMeasure, WalkCounter } from './fragment-measures';

/**
 * Static limits on a GraphQL document, checked by validation (before anything runs) for HTTP and,
 * once wired, subscriptions alike. Depth does not count the Relay plumbing (`edges`, `node` inside a
 * connection, `pageInfo`) nor leaf fields, so `claims { edges { node { attributions { edges { node
 * { actor { name } } } } } } }` has depth 3.
 */
export interface QueryLimits {
  maxLength: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

const PLUMBING = new Set(['edges', 'pageInfo']);

function limitError(message: string, limit: string, max: number, found?: number): GraphQLError {
  return new GraphQLError(message, { extensions: { limit, max, found } });
}

/** A fragment's depth where it is spread: anywhere, or right inside `edges` (where `node` is plumbing). */
interface FragmentDepth {
  anywhere: number;
  inEdges: number;
}

/**
 * The depth of an operation of `document` (see QueryLimits), fragments followed. Each fragment is
 * measured once for the whole document, so this takes time linear in its size; an operation that
 * reaches a cycle of fragment spreads is infinitely deep.
 */
export function depthMeasure(
  document: DocumentNode,
  counter?: WalkCounter,
): (operation: OperationDefinitionNode) => number {
  const depthOf = (
    selectionSet: SelectionSetNode,
    spread: SpreadMeasure<FragmentDepth>,
    inEdges: boolean,
  ): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (counter) counter.selections += 1;
      if (selection.kind === Kind.FIELD) {
        if (!selection.selectionSet) continue;
        const name = selection.name.value;
        const plumbing = PLUMBING.has(name) || (inEdges && name === 'node');
        const child = depthOf(selection.selectionSet, spread, name === 'edges');
        deepest = Math.max(deepest, child + (plumbing ? 0 : 1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, spread, inEdges));
      } else {
        const fragment = spread(selection.name.value);
        if (fragment) deepest = Math.max(deepest, inEdges ? fragment.inEdges : fragment.anywhere);
      }
    }
    return deepest;
  };
  const spread = measureFragments<FragmentDepth>(
    document,
    (fragment, measured) => ({
      anywhere: depthOf(fragment.selectionSet, measured, false),
      inEdges: depthOf(fragment.selectionSet, measured, true),
    }),
    { anywhere: Infinity, inEdges: Infinity },
    counter,
  );
  return (operation) => depthOf(operation.selectionSet, spread, false);
}

/** Counts every alias and every directive use in the document (fragments counted once each). */
export function countAliasesAndDirectives(document: DocumentNode): {
  aliases: number;
  directives: number;
} {
  let aliases = 0;
  let directives = 0;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.kind === Kind.FIELD && record.alias) aliases += 1;
    if (record.kind === Kind.DIRECTIVE) directives += 1;
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'loc' && typeof value === 'object') visit(value);
    }
  };
  visit(document.definitions);
  return { aliases, directives };
}

/** The validation rules that enforce `limits`; each reports once per document. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const lengthRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const length = node.loc?.source.body.length ?? 0;
      if (length > limits.maxLength) {
        context.reportError(
          limitError(
            `The query is ${length} characters long; the limit is ${limits.maxLength}. Send large values as variables.`,
            'length',
            limits.maxLength,
            length,
          ),
        );
      }
    },
  });
  const depthRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
    let depthOf: ((operation: OperationDefinitionNode) => number) | undefined;
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        depthOf ??= depthMeasure(context.getDocument());
        const depth = depthOf(node);
        if (depth === Infinity) {
          // graphql's NoFragmentCycles names the cycle too; this rule must not pass it unmeasured.
          context.reportError(
            limitError(
              "The query's fragments spread each other in a cycle, so it nests without end.",
              'depth',
              limits.maxDepth,
            ),
          );
        } else if (depth > limits.maxDepth) {
          context.reportError(
            limitError(
              `The query nests ${depth} levels deep; the limit is ${limits.maxDepth}.`,
              'depth',
              limits.maxDepth,
              depth,
            ),
          );
        }
      },
    };
  };
  const countRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const { aliases, directives } = countAliasesAndDirectives(node);
      if (aliases > limits.maxAliases) {
        context.reportError(
          limitError(
            `The query uses ${aliases} aliases; the limit is ${limits.maxAliases}.`,
            'aliases',
            limits.maxAliases,
            aliases,
          ),
        );
      }
      if (directives > limits.maxDirectives) {
        context.reportError(
          limitError(
            `The query uses ${directives} directives; the limit is ${limits.maxDirectives}.`,
            'directives',
            limits.maxDirectives,
            directives,
          ),
        );
      }
    },
  });
  return [lengthRule, depthRule, countRule];
}

export interface CostResult {
  cost: number;
  /** the largest `first` asked for anywhere */
  largestPage: number;
}

/** The most a cost can be: sums and products stop here, exact below it, never Infinity or NaN. */
export const MAX_COST = Number.MAX_SAFE_INTEGER;

const plus = (a: number, b: number): number => Math.min(a + b, MAX_COST);
const times = (a: number, b: number): number =>
  a === 0 || b === 0 ? 0 : Math.min(a * b, MAX_COST);

/**
 * The operation's variables as execution will see them: coerced to their declared types, with
 * the defaults of the variables not sent (`query ($n: Int = 100)`). Undefined when they cannot be
 * coerced: execution then refuses the operation before any resolver runs.
 */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 1,
  });
  return coerced.coerced;
}

export interface CostOptions {
  /** the operation's variables, coerced (`coercedVariables`), for `first: $n` */
  variables?: Readonly<Record<string, unknown>>;
  /** what one instance of a field costs (field-weights.ts); fields not in it cost 1 */
  weights: FieldWeights;
  counter?: WalkCounter;
}

/** The field `name` of `type`, if `type` has fields and that one. */
function fieldOf(
  type: GraphQLNamedType | null | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (!type || !(isObjectType(type) || isInterfaceType(type))) return undefined;
  const fields = type.getFields();
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/**
 * The cost of an operation, an upper bound of the work it can cause: every field costs its weight
 * (1 unless `weights` says more) per instance, and everything inside a paginated field counts
 * `first` times (the default page size when `first` is not given). So `claims(first: 100) { edges
 * { node { id text } } }` costs 1 + 100 × 4 = 401. Variables are read from `variables`, coerced
 * by `coercedVariables` (so a default counts); a null `first` counts as the default page size, as
 * in the resolvers. Each fragment is costed once (its
 * cost does not depend on where it is spread: its type condition fixes its fields), so this takes
 * time linear in the document; an operation that reaches a cycle of spreads costs MAX_COST.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  { variables = {}, weights, counter }: CostOptions,
): CostResult {
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();

  /** The `first` a field asks for, if it gives one. */
  const firstOf = (field: FieldNode): number | undefined => {
    const given = field.arguments?.find((argument) => argument.name.value === 'first');
    if (!given) return undefined;
    const value = valueFromASTUntyped(given.value, variables as Record<string, unknown>);
    return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
  };

  const costOf = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType | null | undefined,
    spread: SpreadMeasure<CostResult>,
  ): CostResult => {
    let cost = 0;
    let largestPage = 0;
    for (const selection of selectionSet.selections) {
      if (counter) counter.selections += 1;
      let inner: CostResult | undefined;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const definition = fieldOf(type, name);
        cost = plus(cost, (type && weights.get(`${type.name}.${name}`)) ?? 1);
        const first = firstOf(selection);
        if (first !== undefined) largestPage = Math.max(largestPage, first);
        if (selection.selectionSet) {
          const child = costOf(
            selection.selectionSet,
            definition && getNamedType(definition.type),
            spread,
          );
          const paginated = definition?.args.some((argument) => argument.name === 'first');
          const page = first ?? (paginated ? DEFAULT_PAGE_SIZE : 1);
          inner = {
            cost: times(Math.min(Math.max(page, 0), MAX_COST), child.cost),
            largestPage: child.largestPage,
          };
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        inner = costOf(selection.selectionSet, narrowed, spread);
      } else {
        inner = spread(selection.name.value);
      }
      if (inner) {
        cost = plus(cost, inner.cost);
        largestPage = Math.max(largestPage, inner.largestPage);
      }
    }
    return { cost, largestPage };
  };

  const spread = measureFragments<CostResult>(
    document,
    (fragment, measured) =>
      costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), measured),
    { cost: MAX_COST, largestPage: 0 },
    counter,
  );
  return costOf(operation.selectionSet, rootType, spread);
}
