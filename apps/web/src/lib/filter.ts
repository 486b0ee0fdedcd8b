// The board's filters, sent to the server as a ClaimFilter (the search box as its full-text search).
import type { BoardClaim, ClaimFilter, ClaimStatus } from '../api/types';

export interface BoardFilter {
  status: string;
  actorId: string;
  tag: string;
  search: string;
}

export const EMPTY_FILTER: BoardFilter = { status: '', actorId: '', tag: '', search: '' };

/** The ClaimFilter input for the server: only the filters that are set. */
export function toClaimFilter(filter: BoardFilter): ClaimFilter {
  const input: ClaimFilter = {};
  if (filter.status) input.status = [filter.status as ClaimStatus];
  if (filter.actorId) input.actorId = filter.actorId;
  if (filter.tag) input.tag = filter.tag;
  if (filter.search.trim()) input.search = filter.search.trim();
  return input;
}

/** Every tag of the loaded claims, sorted, for the tag filter. */
export function allTags(claims: BoardClaim[]): string[] {
  return [...new Set(claims.flatMap((c) => c.tags))].sort();
}
