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
 * An edge whose cursor is encoded when it is read: a page of attributions nested in a page of claims
 * rarely asks for its edges' cursors, and encoding a thousand of them per request was measurable.
 */
class LazyEdge<R, T> implements Edge<T> {
  constructor(
    readonly node: T,
    private readonly row: R,
    private readonly cursorOf: (row: R) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.row);
  }
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
  const edges: Edge<T>[] = visible.map((row) => new LazyEdge(nodeOf(row), row, cursorOf));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: visible.length ? cursorOf(visible[0]) : null,
      endCursor: visible.length ? cursorOf(visible[visible.length - 1]) : null,
    },
  };
}
