// Which parts of the contract this server has. Some (the live feed, full-text search, the claim
// graph, exports) land in later issues; the page asks the schema once and degrades without them.
import { ApiError, gql } from './client';

export interface Features {
  /** Subscription.claimEvents */
  liveEvents: boolean;
  /** ClaimFilter.search */
  claimSearch: boolean;
  /** Query.claimGraph */
  claimGraph: boolean;
}

export const NO_FEATURES: Features = { liveEvents: false, claimSearch: false, claimGraph: false };

/** Assumed when the server refuses introspection (production): try each, fall back on error. */
export const ALL_FEATURES: Features = { liveEvents: true, claimSearch: true, claimGraph: true };

const INTROSPECT = `{
  query: __type(name: "Query") { fields { name } }
  subscription: __type(name: "Subscription") { fields { name } }
  filter: __type(name: "ClaimFilter") { inputFields { name } }
}`;

interface IntrospectionResult {
  query: { fields: { name: string }[] } | null;
  subscription: { fields: { name: string }[] } | null;
  filter: { inputFields: { name: string }[] } | null;
}

/**
 * Asks the schema. A server that refuses introspection (it may be off in production) is assumed to
 * have everything; the page then falls back when a part answers with an error. Throws only when the
 * server cannot be reached.
 */
export async function detectFeatures(): Promise<Features> {
  let r: IntrospectionResult;
  try {
    r = await gql<IntrospectionResult>(INTROSPECT);
  } catch (e) {
    if (e instanceof ApiError && e.code !== 'NETWORK') return ALL_FEATURES;
    throw e;
  }
  const has = (list: { name: string }[] | undefined, name: string) =>
    Boolean(list?.some((f) => f.name === name));
  return {
    liveEvents: has(r.subscription?.fields, 'claimEvents'),
    claimSearch: has(r.filter?.inputFields, 'search'),
    claimGraph: has(r.query?.fields, 'claimGraph'),
  };
}
