import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
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

function limitError(message: string, limit: string, max: number, found: number): GraphQLError {
  return new GraphQLError(message, { extensions: { limit, max, found } });
}

type Fragments = Map<string, FragmentDefinitionNode>;

function fragmentsOf(document: DocumentNode): Fragments {
  const map: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

/** The depth of a selection set (see QueryLimits); fragments are followed, cycles cut. */
export function selectionDepth(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  parentIsConnection = false,
  seen: ReadonlySet<string> = new Set(),
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet) continue;
      const name = selection.name.value;
      const plumbing = PLUMBING.has(name) || (parentIsConnection && name === 'node');
      const child = selectionDepth(selection.selectionSet, fragments, name === 'edges', seen);
      deepest = Math.max(deepest, child + (plumbing ? 0 : 1));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(
        deepest,
        selectionDepth(selection.selectionSet, fragments, parentIsConnection, seen),
      );
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) continue;
      deepest = Math.max(
        deepest,
        selectionDepth(
          fragment.selectionSet,
          fragments,
          parentIsConnection,
          new Set([...seen, name]),
        ),
      );
    }
  }
  return deepest;
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
  const depthRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node: OperationDefinitionNode) {
      const depth = selectionDepth(node.selectionSet, fragmentsOf(context.getDocument()));
      if (depth > limits.maxDepth) {
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
  });
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

/**
 * The cost of an operation, an upper bound of the objects it can touch: every field costs one per
 * instance, and everything inside a paginated field counts `first` times (the default page size
 * when `first` is not given). So `claims(first: 100) { edges { node { id text } } }` costs
 * 1 + 100 × 4 = 401. Variables are resolved; a non-numeric `first` counts as the default page size
 * (coercion rejects it anyway).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): CostResult {
  const fragments = fragmentsOf(document);
  let largestPage = 0;
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();

  const pageOf = (field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined) => {
    const given = field.arguments?.find((argument) => argument.name.value === 'first');
    if (given) {
      const value = valueFromASTUntyped(given.value, variables as Record<string, unknown>);
      const size = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
      largestPage = Math.max(largestPage, size);
      return Math.max(size, 0);
    }
    return definition?.args.some((argument) => argument.name === 'first') ? DEFAULT_PAGE_SIZE : 1;
  };

  const costOf = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType | null | undefined,
    multiplier: number,
    seen: ReadonlySet<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields =
          type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};
        const definition = fields[selection.name.value];
        total += multiplier;
        if (selection.selectionSet) {
          const childType = definition ? getNamedType(definition.type) : null;
          total += costOf(
            selection.selectionSet,
            childType,
            multiplier * pageOf(selection, definition),
            seen,
          );
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        total += costOf(selection.selectionSet, narrowed, multiplier, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        total += costOf(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value),
          multiplier,
          new Set([...seen, name]),
        );
      }
      if (total > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return total;
  };

  return { cost: costOf(operation.selectionSet, rootType, 1, new Set()), largestPage };
}
