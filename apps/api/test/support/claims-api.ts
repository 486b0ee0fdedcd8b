import type { TestApp } from '../test-app';

const CLAIM_FIELDS = `id text status version tags firstSeenAt mergedInto { id }`;
const CREATE_ACTOR = `mutation ($i: CreateActorInput!) { createActor(input: $i) { id } }`;
const INGEST = `mutation ($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }`;
const CREATE_CLAIM = `mutation ($i: CreateClaimInput!) { createClaim(input: $i) { ${CLAIM_FIELDS} } }`;
export const UPDATE_CLAIM = `mutation ($i: UpdateClaimInput!) { updateClaim(input: $i) { ${CLAIM_FIELDS} } }`;
export const ATTRIBUTE = `mutation ($i: AttributeClaimInput!) {
  attributeClaim(input: $i) { id passage { id exact } } }`;
export const REMOVE = `mutation ($i: RemoveAttributionInput!) { removeAttribution(input: $i) { id stance } }`;
export const CHANGE_STATUS = `mutation ($i: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $i) { ${CLAIM_FIELDS} } }`;
export const LINK = `mutation ($i: LinkClaimsInput!) {
  linkClaims(input: $i) { relation from { id } to { id } } }`;
const REVIEW_FIELDS = `id rating ratingValue bestRating worstRating summary url publishedAt
  reviewer { id name kind }`;
export const ADD_REVIEW = `mutation ($i: AddReviewInput!) { addReview(input: $i) { ${REVIEW_FIELDS} } }`;
export const SET_CHECKLIST_ITEM = `mutation ($i: SetChecklistItemInput!) {
  setChecklistItem(input: $i) { id } }`;
export const MERGE = `mutation ($i: MergeInput!) { mergeClaims(input: $i) { ${CLAIM_FIELDS} } }`;
const CLAIM = `query ($id: ID!) { claim(id: $id) {
  ${CLAIM_FIELDS}
  attributions(first: 50) { totalCount edges { node { id stance actor { id name } } } }
  stanceSummary { counts { stance count } distinctActors }
  statusHistory { from to rationale at evidence { id exact } }
  relations { relation from { id } to { id } }
  reviews { ${REVIEW_FIELDS} } } }`;
const CLAIMS = `query ($filter: ClaimFilter, $orderBy: ClaimOrder, $first: Int, $after: String) {
  claims(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id text firstSeenAt updatedAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

/** The database key behind a global id (to read the event log, which stores keys). */
export const keyOf = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split(':')[1];

/** The GraphQL calls the tests make, bound to one running app. */
export function api(t: TestApp) {
  const mutate = (query: string, i: Record<string, unknown>) => t.gql(query, { i });
  const ok = async (query: string, i: Record<string, unknown>) => t.ok(query, { i });
  return {
    mutate,
    actor: async (name: string, kind = 'PERSON') =>
      (await ok(CREATE_ACTOR, { name, kind })).createActor.id as string,
    article: async (
      text: string,
      url = `https://example.com/${Math.random().toString(36).slice(2)}`,
    ) => (await ok(INGEST, { url, title: 'An article', text })).ingestArticle.article.id as string,
    createClaim: async (text: string, tags?: string[]) =>
      (await ok(CREATE_CLAIM, { text, tags })).createClaim,
    updateClaim: async (i: Record<string, unknown>) => (await ok(UPDATE_CLAIM, i)).updateClaim,
    attribute: async (i: Record<string, unknown>) =>
      (await ok(ATTRIBUTE, i)).attributeClaim as {
        id: string;
        passage: { id: string; exact: string };
      },
    remove: async (attributionId: string, reason: string) =>
      (await ok(REMOVE, { attributionId, reason })).removeAttribution,
    changeStatus: async (i: Record<string, unknown>) =>
      (await ok(CHANGE_STATUS, i)).changeClaimStatus,
    link: async (i: Record<string, unknown>) => (await ok(LINK, i)).linkClaims,
    /** ticks the checklist's second review, which a verdict (CONFIRMED, REFUTED) needs */
    secondReview: (claimId: string) =>
      ok(SET_CHECKLIST_ITEM, { claimId, key: 'second-review', done: true }),
    addReview: async (i: Record<string, unknown>) => (await ok(ADD_REVIEW, i)).addReview,
    merge: async (keepId: string, mergeId: string) =>
      (await ok(MERGE, { keepId, mergeId })).mergeClaims,
    claim: async (id: string) => (await t.ok(CLAIM, { id })).claim,
    claims: async (variables: Record<string, unknown>) => (await t.ok(CLAIMS, variables)).claims,
  };
}

/** The one error of a failed request, checked for its code and that it carries no stack trace. */
export function failure(
  result: { errors?: { message: string; extensions: Record<string, any> }[] },
  code: string,
) {
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions.code).toBe(code);
  expect(error.extensions.stacktrace).toBeUndefined();
  return error;
}
