// The GraphQL documents the page sends. Their result and variables types come from schema.gql
// (graphql.ts); queries.test.ts validates each one against the schema.
import { graphql } from './graphql';

export const BOARD_CLAIM = graphql(`
  fragment BoardClaim on Claim {
    id
    text
    status
    version
    language
    tags
    updatedAt
    firstSeenAt
    stanceSummary {
      counts {
        stance
        count
      }
      distinctActors
    }
    attributions(first: 20) {
      edges {
        node {
          id
          stance
          actor {
            id
            name
          }
        }
      }
    }
  }
`);

export const BOARD = graphql(
  `
    query Board($filter: ClaimFilter, $first: Int) {
      claims(filter: $filter, first: $first, orderBy: UPDATED_DESC) {
        totalCount
        edges {
          cursor
          node {
            ...BoardClaim
          }
        }
      }
    }
  `,
  [BOARD_CLAIM],
);

export const ACTORS = graphql(`
  query Actors {
    actors(first: 100) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

export const CLAIM_DETAIL = graphql(`
  query ClaimDetail($id: ID!) {
    claim(id: $id) {
      id
      text
      status
      version
      language
      tags
      firstSeenAt
      updatedAt
      mergedInto {
        id
        text
      }
      stanceSummary {
        counts {
          stance
          count
        }
        distinctActors
      }
      attributions(first: 100) {
        totalCount
        edges {
          node {
            id
            stance
            statedAt
            confidence
            actor {
              id
              name
              kind
            }
            passage {
              id
              start
              end
              exact
              article {
                id
                title
                url
                publisher {
                  id
                  name
                }
              }
            }
            chain {
              id
              stance
              actor {
                id
                name
                kind
              }
            }
          }
        }
      }
      statusHistory {
        from
        to
        rationale
        at
        by
        evidence {
          id
          exact
        }
      }
      reviews {
        id
        rating
        ratingValue
        bestRating
        worstRating
        summary
        url
        publishedAt
        reviewer {
          id
          name
        }
      }
      relations {
        relation
        from {
          id
          text
          status
        }
        to {
          id
          text
          status
        }
      }
    }
  }
`);

export const ARTICLE = graphql(`
  query Article($id: ID!) {
    article(id: $id) {
      id
      title
      url
      text
      publishedAt
      language
      publisher {
        id
        name
      }
      suggestedAttributions {
        index
        reportedViaIndex
        sourceText
        cue
        content
        stance
        contentStart
        contentEnd
        passageStart
        passageEnd
        sourceName
        actor {
          id
          name
        }
      }
    }
  }
`);

export const ARTICLE_PREVIEW = graphql(`
  query ArticlePreview($input: IngestArticleInput!) {
    articlePreview(input: $input) {
      url
      title
      text
      publisherName
      authorNames
      publishedAt
      language
      fetchedAt
    }
  }
`);

export const INGEST_ARTICLE = graphql(`
  mutation IngestArticle($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      outcome
      article {
        id
      }
    }
  }
`);

export const SIMILAR_CLAIMS = graphql(`
  query SimilarClaims($text: String!, $language: String) {
    similarClaims(text: $text, language: $language, first: 3) {
      score
      claim {
        id
        text
      }
    }
  }
`);

export const ACTOR_LIST = graphql(`
  query ActorList($search: String) {
    actors(search: $search, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          kind
          aliases
          affiliation {
            id
            name
          }
        }
      }
    }
  }
`);

export const SIMILAR_ACTORS = graphql(`
  query SimilarActors($name: String!) {
    similarActors(name: $name, first: 3) {
      score
      actor {
        id
        name
        kind
      }
    }
  }
`);

export const UPDATE_ACTOR = graphql(`
  mutation UpdateActor($input: UpdateActorInput!) {
    updateActor(input: $input) {
      id
    }
  }
`);

export const CREATE_ACTOR = graphql(`
  mutation CreateActor($input: CreateActorInput!) {
    createActor(input: $input) {
      id
      name
    }
  }
`);

export const ARTICLES = graphql(`
  query Articles {
    articles(first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const CLAIM_GRAPH = graphql(`
  query ClaimGraph($claimId: ID, $actorId: ID, $depth: Int) {
    claimGraph(claimId: $claimId, actorId: $actorId, depth: $depth) {
      nodes {
        id
        type
        label
      }
      edges {
        source
        target
        type
        stance
        relation
      }
    }
  }
`);

export const CHANGE_STATUS = graphql(`
  mutation ChangeStatus($input: ChangeClaimStatusInput!) {
    changeClaimStatus(input: $input) {
      id
      status
      version
    }
  }
`);

export const CREATE_CLAIM = graphql(`
  mutation CreateClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      id
    }
  }
`);

export const ATTRIBUTE = graphql(`
  mutation Attribute($input: AttributeClaimInput!) {
    attributeClaim(input: $input) {
      id
      passage {
        id
        exact
      }
    }
  }
`);

export const CLAIM_EVENTS = graphql(`
  subscription ClaimEvents($after: String) {
    claimEvents(after: $after) {
      id
      cursor
      kind
      at
      by
      claim {
        id
      }
    }
  }
`);

/** every document the page sends, for the test that validates them against the schema */
export const DOCUMENTS = {
  BOARD,
  ACTORS,
  CLAIM_DETAIL,
  ARTICLE,
  ARTICLES,
  CLAIM_GRAPH,
  CHANGE_STATUS,
  CREATE_CLAIM,
  ATTRIBUTE,
  CLAIM_EVENTS,
  ARTICLE_PREVIEW,
  INGEST_ARTICLE,
  SIMILAR_CLAIMS,
  CREATE_ACTOR,
  ACTOR_LIST,
  SIMILAR_ACTORS,
  UPDATE_ACTOR,
};
