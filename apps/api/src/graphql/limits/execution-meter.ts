import {
  defaultFieldResolver,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  isObjectType,
} from 'graphql';
import { ExecutionBudget } from '@claimtrace/core';
import { FieldWeights } from './field-weights';
import { QUERY_TOO_COSTLY } from './limit-codes';

/**
 * The work an operation really does while it executes, in the units of its cost: every resolved
 * field spends its weight (1 unless the table says more). The cost computed before execution counts
 * a list without `first` (an article's passages, a claim's reviews, the suggestions) once, because
 * nothing bounds its length beforehand; nested, such lists multiply (60 passages, each passage's
 * article's passages, and theirs: 216,000 objects for a cost of 9). The meter stops an operation
 * whose fields spend more than `max`: every field resolved after that fails with QUERY_TOO_COSTLY,
 * so no list below it is read, and the answer becomes that one error (`oneCostError`).
 */
export class ExecutionMeter implements ExecutionBudget {
  private spent = 0;
  private error?: GraphQLError;

  constructor(private readonly max: number) {}

  /** What the fields resolved so far weigh. */
  get total(): number {
    return this.spent;
  }

  get exceeded(): boolean {
    return this.spent > this.max;
  }

  spend(weight: number): void {
    this.spent += weight;
    if (this.spent > this.max) {
      // One error for every field tried after the limit: building each anew cost a stack trace each.
      this.error ??= new GraphQLError(
        `The query did more work than the limit of ${this.max} allows: lists without \`first\` held more than its cost counted. Ask for fewer nested lists.`,
        { extensions: { code: QUERY_TOO_COSTLY, max: this.max } },
      );
      throw this.error;
    }
  }

  /** Counts work done outside the metered fields (an introspection answer), without stopping it. */
  add(weight: number): void {
    this.spent += weight;
  }

  /**
   * The errors of a stopped operation, with its QUERY_TOO_COSTLY (one per list that was being
   * completed when the limit was reached) reduced to the first.
   */
  static oneCostError(
    errors: readonly GraphQLFormattedError[] | undefined,
  ): GraphQLFormattedError[] {
    const others = (errors ?? []).filter((error) => error.extensions?.code !== QUERY_TOO_COSTLY);
    const first = (errors ?? []).find((error) => error.extensions?.code === QUERY_TOO_COSTLY);
    return first ? [{ message: first.message, extensions: first.extensions }, ...others] : others;
  }
}

/**
 * Makes every field of `schema` (introspection aside) spend its weight from the context's `meter`
 * before it resolves: one call and one addition per field, no allocation. Apollo's per-field plugin
 * hook (`willResolveField`) would do it too, but it allocates per field what Apollo's cache-control
 * plugin did (no-store.plugin.ts). A context without a meter spends nothing.
 */
export function meterFields(schema: GraphQLSchema, weights: FieldWeights): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const weight = weights.get(`${type.name}.${field.name}`) ?? 1;
      field.resolve = (source, args, context: { meter?: ExecutionBudget } | undefined, info) => {
        context?.meter?.spend(weight);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
