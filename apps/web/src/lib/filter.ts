// The board's filters. Status, actor and tag go to the server (ClaimFilter); the search box does
// too when the server has full-text search, else it filters the loaded claims here.
import type { BoardClaim } from '../api/types';

export interface BoardFilter {
  status: string;
  actorId: string;
  tag: string;
  search: string;
}

export const EMPTY_FILTER: BoardFilter = { status: '', actorId: '', tag: '', search: '' };

/** The ClaimFilter input for the server; `search` only when the server supports it. */
export function toClaimFilter(filter: BoardFilter, serverSearch: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filter.status) input.status = [filter.status];
  if (filter.actorId) input.actorId = filter.actorId;
  if (filter.tag) input.tag = filter.tag;
  if (serverSearch && filter.search.trim()) input.search = filter.search.trim();
  return input;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Client-side search: every word of the query occurs in the claim's text, tags or actors. */
export function matchesSearch(claim: BoardClaim, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = fold(
    [claim.text, ...claim.tags, ...claim.attributions.edges.map((e) => e.node.actor.name)].join(
      ' ',
    ),
  );
  return words.every((word) => haystack.includes(word));
}

/** Every tag of the loaded claims, sorted, for the tag filter. */
export function allTags(claims: BoardClaim[]): string[] {
  return [...new Set(claims.flatMap((c) => c.tags))].sort();
}
