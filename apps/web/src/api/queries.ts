// The GraphQL documents the page sends, by the contract's names (../shared/contract.graphql).

export const BOARD_CLAIM_FIELDS = `
  id text status version tags updatedAt firstSeenAt
  stanceSummary { counts { stance count } distinctActors }
  attributions(first: 20) { edges { node { id stance actor { id name } } } }`;

export const BOARD = `query Board($filter: ClaimFilter, $first: Int) {
  claims(filter: $filter, first: $first, orderBy: UPDATED_DESC) {
    totalCount
    edges { cursor node { ${BOARD_CLAIM_FIELDS} } }
  }
}`;

export const ACTORS = `query Actors {
  actors(first: 100) { edges { node { id name kind } } }
}`;

export const CLAIM_DETAIL = `query ClaimDetail($id: ID!) {
  claim(id: $id) {
    id text status version tags firstSeenAt updatedAt
    mergedInto { id text }
    stanceSummary { counts { stance count } distinctActors }
    attributions(first: 100) {
      totalCount
      edges { node {
        id stance statedAt confidence
        actor { id name kind }
        passage { id start end exact article { id title url publisher { id name } } }
        chain { id stance actor { id name kind } }
      } }
    }
    statusHistory { from to rationale at by evidence { id exact } }
    reviews { id rating ratingValue bestRating worstRating summary url publishedAt reviewer { id name } }
    relations { relation from { id text status } to { id text status } }
  }
}`;

export const ARTICLE = `query Article($id: ID!) {
  article(id: $id) {
    id title url text publishedAt
    publisher { id name }
    suggestedAttributions {
      index reportedViaIndex sourceText cue content stance
      contentStart contentEnd actor { id name }
    }
  }
}`;

export const ARTICLES = `query Articles {
  articles(first: 100) { edges { node { id title } } }
}`;

export const CLAIM_GRAPH = `query ClaimGraph($claimId: ID, $actorId: ID, $depth: Int) {
  claimGraph(claimId: $claimId, actorId: $actorId, depth: $depth) {
    nodes { id type label }
    edges { source target type stance relation }
  }
}`;

/** what the graph view needs when the server has no claimGraph: claims, actors, articles */
export const GRAPH_CLAIM = `query GraphClaim($id: ID!) {
  claim(id: $id) {
    id text
    attributions(first: 100) { edges { node {
      id stance
      actor { id name affiliation { id name } }
      passage { article { id title publisher { id name } } }
      reportedVia { actor { id } }
    } } }
    relations { relation from { id text } to { id text } }
  }
}`;

export const GRAPH_ACTOR = `query GraphActor($id: ID!) {
  actor(id: $id) {
    id name
    affiliation { id name }
    attributions(first: 100) { edges { node {
      id stance
      claim { id text }
      passage { article { id title publisher { id name } } }
    } } }
  }
}`;

export const NODE_LABEL = `query NodeLabel($id: ID!) {
  node(id: $id) { id ... on Claim { text } ... on Actor { name } }
}`;

export const CHANGE_STATUS = `mutation ChangeStatus($input: ChangeClaimStatusInput!) {
  changeClaimStatus(input: $input) { id status version }
}`;

export const CREATE_CLAIM = `mutation CreateClaim($input: CreateClaimInput!) {
  createClaim(input: $input) { id }
}`;

export const ATTRIBUTE = `mutation Attribute($input: AttributeClaimInput!) {
  attributeClaim(input: $input) { id passage { id exact } }
}`;
