import { BadInputError, InvalidDateTime, parseDateTime } from '@claimtrace/core';
import { ClaimStatus } from '@claimtrace/database';
import { GraphSelection, toGraphSelection } from '@claimtrace/graph';

/**
 * The selection's parameters, under `claimGraph`'s argument names (graph-selection.ts), as text:
 * a query string's or the CLI's.
 */
export const SELECTION_PARAMS = [
  'claimId',
  'actorId',
  'depth',
  'tag',
  'status',
  'since',
  'until',
  'search',
  'asOf',
  'includeSuperseded',
] as const;
type SelectionParam = (typeof SELECTION_PARAMS)[number];

/** The query parameters a graph export takes (`GET /exports/graph`, `claimtrace export`). */
export const GRAPH_PARAMETERS = ['format', 'table', ...SELECTION_PARAMS] as const;

/** What a client gives as query parameters, before checking. */
export type ExportParams = Partial<Record<'format' | 'table' | SelectionParam, string | string[]>>;

/** The ClaimReview feed's query parameters. */
export const REVIEW_FEED_PARAMETERS = ['inLanguage'] as const;

/** The ClaimReview feed's query parameters, before checking. */
export interface ReviewFeedParams {
  inLanguage?: string | string[];
}

/** A parameter that may be given once; given twice it is a BAD_USER_INPUT naming it. */
export function once<P extends ExportParams | ReviewFeedParams>(
  params: P,
  name: Exclude<keyof P, 'status'> & string,
): string | undefined {
  const value = params[name] as string | string[] | undefined;
  if (Array.isArray(value)) {
    throw new BadInputError(`Give \`${name}\` once (got ${value.length} values).`, {
      argument: name,
    });
  }
  return value === '' ? undefined : value;
}

function dateParam(params: ExportParams, name: 'since' | 'until' | 'asOf'): Date | null {
  const value = once(params, name);
  if (!value) return null;
  try {
    return parseDateTime(value);
  } catch (error) {
    if (!(error instanceof InvalidDateTime)) throw error;
    throw new BadInputError(`\`${name}\`: ${error.message}`, { argument: name });
  }
}

function depthParam(params: ExportParams): number | null {
  const value = once(params, 'depth');
  if (!value) return null;
  if (!/^\d{1,3}$/.test(value)) {
    throw new BadInputError(
      `\`depth\` must be a whole number of hops (got "${value.slice(0, 20)}").`,
      {
        argument: 'depth',
      },
    );
  }
  return Number(value);
}

/** `includeSuperseded=true|false` (false when absent). */
function flagParam(params: ExportParams, name: 'includeSuperseded'): boolean {
  const value = once(params, name);
  if (!value) return false;
  if (value !== 'true' && value !== 'false') {
    throw new BadInputError(`\`${name}\` must be true or false (got "${value.slice(0, 20)}").`, {
      argument: name,
    });
  }
  return value === 'true';
}

/** `status=A,B` or `status=A&status=B`, checked against the statuses there are. */
function statusParam(params: ExportParams): ClaimStatus[] | null {
  const statuses = (
    Array.isArray(params.status) ? params.status : params.status ? [params.status] : []
  )
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toUpperCase())
    .filter(Boolean);
  const known = Object.values(ClaimStatus) as string[];
  const unknown = statuses.find((status) => !known.includes(status));
  if (unknown) {
    throw new BadInputError(`\`status\` must be among ${known.join(', ')} (got "${unknown}").`, {
      argument: 'status',
    });
  }
  return statuses.length ? (statuses as ClaimStatus[]) : null;
}

/** The selection of an export, checked as `claimGraph` checks its arguments. */
export function selectionOf(params: ExportParams): GraphSelection {
  const search = once(params, 'search');
  if (search && search.length > 500) {
    throw new BadInputError('`search` must be at most 500 characters long.', {
      argument: 'search',
    });
  }
  return toGraphSelection(
    {
      claimId: once(params, 'claimId') ?? null,
      actorId: once(params, 'actorId') ?? null,
      depth: depthParam(params),
      tag: once(params, 'tag') ?? null,
      status: statusParam(params),
      since: dateParam(params, 'since'),
      until: dateParam(params, 'until'),
      search: search ?? null,
      asOf: dateParam(params, 'asOf'),
      includeSuperseded: flagParam(params, 'includeSuperseded'),
    },
    { requireStart: false },
  );
}
