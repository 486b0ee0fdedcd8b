// Which parts of the contract this server has. Some (the live feed, full-text search, the claim
// graph, exports) land in later issues; the page asks the schema once and degrades without them.
import { gql } from './client';

export interface Features {
  /** Subscription.claimEvents */
  liveEvents: boolean;
  /** ClaimFilter.search */
  claimSearch: boolean;
  /** Query.claimGraph */
  claimGraph: boolean;
}

export const NO_FEATURES: Features = { liveEvents: false, claimSearch: false, claimGraph: false };

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

export async function detectFeatures(): Promise<Features> {
  const r = await gql<IntrospectionResult>(INTROSPECT);
  const has = (list: { name: string }[] | undefined, name: string) =>
    Boolean(list?.some((f) => f.name === name));
  return {
    liveEvents: has(r.subscription?.fields, 'claimEvents'),
    claimSearch: has(r.filter?.inputFields, 'search'),
    claimGraph: has(r.query?.fields, 'claimGraph'),
  };
}
