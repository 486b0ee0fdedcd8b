import { BadInputError, keyOf, parseTextQuery } from '@claimtrace/core';
import { ClaimStatus } from '@claimtrace/database';

/** The deepest walk `claimGraph` and the exports take from a claim or an actor. */
export const MAX_GRAPH_DEPTH = 3;

export type GraphStartType = 'CLAIM' | 'ACTOR';

/**
 * Which part of the claim graph a view or an export covers, as `claimGraph` and the exports take
 * it (the same argument names on GraphQL, HTTP and the CLI). Every part is optional and they
 * combine with AND: a start (a claim or an actor) and the hops walked from it; the claims' tag,
 * status, first-seen range and words (as in the claims list); the time the graph is read at; and
 * whether superseded article versions and the stances a correction orphaned are in it.
 */
export interface GraphSelectionArgs {
  claimId?: string | null;
  actorId?: string | null;
  depth?: number | null;
  tag?: string | null;
  status?: readonly ClaimStatus[] | null;
  since?: Date | null;
  until?: Date | null;
  search?: string | null;
  asOf?: Date | null;
  includeSuperseded?: boolean | null;
}

/** A checked selection, with database keys: what the graph SQL is built from. */
export interface GraphSelection {
  start: { type: GraphStartType; key: string } | null;
  /** hops from the start (null without one) */
  depth: number | null;
  tag: string | null;
  statuses: ClaimStatus[] | null;
  since: Date | null;
  until: Date | null;
  search: { websearch: string; prefix: string | null } | null;
  /** null: now */
  asOf: Date | null;
  /**
   * also the stances that a correction orphaned and no editor resolved yet, and the superseded
   * article versions nothing selected stands on (by default the graph is of the latest versions)
   */
  includeSuperseded: boolean;
}

export const WHOLE_GRAPH: GraphSelection = {
  start: null,
  depth: null,
  tag: null,
  statuses: null,
  since: null,
  until: null,
  search: null,
  asOf: null,
  includeSuperseded: false,
};

/** Whether the claims are narrowed by tag, status, date or words (a start or asOf is not that). */
export function narrowsClaims(selection: GraphSelection): boolean {
  return Boolean(
    selection.tag ||
    selection.statuses?.length ||
    selection.since ||
    selection.until ||
    selection.search,
  );
}

/**
 * Checks a selection; a mistake is a BAD_USER_INPUT naming the argument. `requireStart`:
 * `claimGraph` walks from exactly one start, an export may cover the whole graph.
 */
export function toGraphSelection(
  args: GraphSelectionArgs,
  options: { requireStart: boolean },
): GraphSelection {
  if (args.claimId != null && args.actorId != null) {
    throw new BadInputError(
      'Give at most one of `claimId` and `actorId`: the graph has one start.',
      {
        argument: 'actorId',
      },
    );
  }
  if (options.requireStart && args.claimId == null && args.actorId == null) {
    throw new BadInputError('Give exactly one of `claimId` and `actorId`.', {
      argument: 'claimId',
    });
  }
  const start =
    args.claimId != null
      ? { type: 'CLAIM' as const, key: keyOf(args.claimId, 'Claim', 'claimId') }
      : args.actorId != null
        ? { type: 'ACTOR' as const, key: keyOf(args.actorId, 'Actor', 'actorId') }
        : null;
  if (args.depth != null && !start) {
    throw new BadInputError(
      '`depth` counts hops from a start: give `claimId` or `actorId` with it (without one, the selection is the whole graph).',
      { argument: 'depth' },
    );
  }
  const depth = start ? (args.depth ?? 1) : null;
  if (depth !== null && (!Number.isInteger(depth) || depth < 0 || depth > MAX_GRAPH_DEPTH)) {
    throw new BadInputError(
      `\`depth\` must be between 0 and ${MAX_GRAPH_DEPTH} (got ${depth}); a deeper graph is most of the database — export the whole graph (GET /exports/graph without claimId or actorId) for that.`,
      { argument: 'depth', max: MAX_GRAPH_DEPTH },
    );
  }
  if (args.since && args.until && args.since >= args.until) {
    throw new BadInputError(
      `\`since\` (${args.since.toISOString()}) must be before \`until\` (${args.until.toISOString()}).`,
      { argument: 'until' },
    );
  }
  const tag = args.tag?.trim().toLowerCase() || null;
  const search = args.search?.trim() ? parseTextQuery(args.search) : null;
  return {
    start,
    depth,
    tag,
    statuses: args.status?.length ? [...new Set(args.status)] : null,
    since: args.since ?? null,
    until: args.until ?? null,
    search: search ? { websearch: search.websearch, prefix: search.prefix } : null,
    asOf: args.asOf ?? null,
    includeSuperseded: args.includeSuperseded === true,
  };
}
