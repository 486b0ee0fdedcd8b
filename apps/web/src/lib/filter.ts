// The board's filters, sent to the server as a ClaimFilter (the search box as its full-text search).
import type { BoardClaim, ClaimFilter, ClaimStatus } from '../api/types';

export interface BoardFilter {
  status: string;
  actorId: string;
  tag: string;
  search: string;
  language: string;
}

export const EMPTY_FILTER: BoardFilter = {
  status: '',
  actorId: '',
  tag: '',
  search: '',
  language: '',
};

/** The filter's name in the board's address (`#/?status=CONTESTED&q=talks`), so a view can be shared. */
const PARAMS: Record<keyof BoardFilter, string> = {
  status: 'status',
  actorId: 'actor',
  tag: 'tag',
  search: 'q',
  language: 'lang',
};

/** The board's filter from its address (`location.hash`); unknown parameters are ignored. */
export function filterFromHash(hash: string): BoardFilter {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const filter = { ...EMPTY_FILTER };
  for (const key of Object.keys(PARAMS) as (keyof BoardFilter)[]) {
    filter[key] = params.get(PARAMS[key]) ?? '';
  }
  return filter;
}

/** The board's address for a filter: only the filters that are set. */
export function hashOfFilter(filter: BoardFilter): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof BoardFilter)[]) {
    if (filter[key]) params.set(PARAMS[key], filter[key]);
  }
  const query = params.toString();
  return query ? `#/?${query}` : '#/';
}

/** The ClaimFilter input for the server: only the filters that are set. */
export function toClaimFilter(filter: BoardFilter): ClaimFilter {
  const input: ClaimFilter = {};
  if (filter.status) input.status = [filter.status as ClaimStatus];
  if (filter.actorId) input.actorId = filter.actorId;
  if (filter.tag) input.tag = filter.tag;
  if (filter.search.trim()) input.search = filter.search.trim();
  if (filter.language) input.language = filter.language;
  return input;
}

/** Every language of the loaded claims, sorted, for the language filter. */
export function allLanguages(claims: BoardClaim[]): string[] {
  return [...new Set(claims.flatMap((c) => (c.language ? [c.language] : [])))].sort();
}

/** Every tag of the loaded claims, sorted, for the tag filter. */
export function allTags(claims: BoardClaim[]): string[] {
  return [...new Set(claims.flatMap((c) => c.tags))].sort();
}
