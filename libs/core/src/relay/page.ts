import { BadInputError } from '../errors/domain.errors';

export const DEFAULT_PAGE_SIZE = 20;

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfoShape;
  totalCount: number;
}

/** Checks `first` against the configured maximum page size; answers the size to fetch. */
export function pageSize(first: number | null | undefined, max: number): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadInputError(`\`first\` must be between 1 and ${max} (got ${first}).`, {
      argument: 'first',
      max,
    });
  }
  return first;
}

/**
 * Builds a Relay page from rows fetched with `limit + 1`: the extra row only tells that there is
 * a next page.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  after: string | null | undefined,
  totalCount: number,
  cursorOf: (row: R) => string,
  nodeOf: (row: R) => T,
): Page<T> {
  const visible = rows.slice(0, limit);
  const edges = visible.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
