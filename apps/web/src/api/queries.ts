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
    corrections: sourceChanges(first: 1) {
      totalCount
    }
    toReview: sourceChanges(resolved: false, first: 1) {
      totalCount
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

export const NOTE_FIELDS = graphql(`
  fragment NoteFields on Note {
    id
    body
    createdAt
    updatedAt
    author {
      id
      name
    }
    mentions {
      id
      name
      handle
    }
    claim {
      id
      text
    }
  }
`);

export const SOURCE_CHANGE = graphql(`
  fragment SourceChangeFields on SourceChange {
    id
    status
    score
    reason
    at
    resolved
    resolution
    claim {
      id
      text
    }
    attribution {
      id
      stance
      actor {
        id
        name
      }
    }
    fromArticle {
      id
      title
      publisher {
        id
        name
      }
    }
    toArticle {
      id
      title
    }
    from {
      id
      exact
    }
    to {
      id
      exact
    }
  }
`);

export const CLAIM_DETAIL = graphql(
  `
    query ClaimDetail($id: ID!, $signedIn: Boolean!) {
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
              needsReview
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
        assignee {
          id
          name
        }
        dueAt
        priority
        checklist {
          key
          label
          done
          doneAt
          doneBy {
            id
            name
          }
        }
        # the newsroom's notes: anonymous readers get none (docs/security.md)
        notes(first: 50) @include(if: $signedIn) {
          totalCount
          edges {
            node {
              ...NoteFields
            }
          }
        }
        statusHistory {
          from
          to
          rationale
          at
          by
          person {
            id
            name
          }
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
          inLanguage
          retracted
          retractedAt
          retractedReason
          reviewer {
            id
            name
          }
        }
        sourceChanges(first: 100) {
          totalCount
          edges {
            node {
              ...SourceChangeFields
            }
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
  `,
  [NOTE_FIELDS, SOURCE_CHANGE],
);

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

export const ADD_REVIEW = graphql(`
  mutation AddReview($input: AddReviewInput!) {
    addReview(input: $input) {
      id
    }
  }
`);

export const UPDATE_REVIEW = graphql(`
  mutation UpdateReview($input: UpdateReviewInput!) {
    updateReview(input: $input) {
      id
    }
  }
`);

export const RETRACT_REVIEW = graphql(`
  mutation RetractReview($input: RetractReviewInput!) {
    retractReview(input: $input) {
      id
      retracted
    }
  }
`);

export const REVIEW_QUEUE = graphql(
  `
    query ReviewQueue {
      sourceChanges(resolved: false, first: 100) {
        totalCount
        edges {
          node {
            ...SourceChangeFields
          }
        }
      }
    }
  `,
  [SOURCE_CHANGE],
);

export const RESOLVE_SOURCE_CHANGE = graphql(`
  mutation ResolveSourceChange($input: ResolveSourceChangeInput!) {
    resolveSourceChange(input: $input) {
      id
      resolved
      resolution
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

export const ME = graphql(`
  query Me {
    me {
      id
      name
      handle
    }
  }
`);

export const PEOPLE = graphql(`
  query People($search: String) {
    people(first: 100, search: $search) {
      totalCount
      edges {
        node {
          id
          name
          handle
        }
      }
    }
  }
`);

export const ASSIGN_CLAIM = graphql(`
  mutation AssignClaim($input: AssignClaimInput!) {
    assignClaim(input: $input) {
      id
    }
  }
`);

export const SET_CHECKLIST_ITEM = graphql(`
  mutation SetChecklistItem($input: SetChecklistItemInput!) {
    setChecklistItem(input: $input) {
      id
    }
  }
`);

export const ADD_NOTE = graphql(
  `
    mutation AddNote($input: AddNoteInput!) {
      addNote(input: $input) {
        ...NoteFields
      }
    }
  `,
  [NOTE_FIELDS],
);

export const UPDATE_NOTE = graphql(
  `
    mutation UpdateNote($input: UpdateNoteInput!) {
      updateNote(input: $input) {
        ...NoteFields
      }
    }
  `,
  [NOTE_FIELDS],
);

export const REMOVE_NOTE = graphql(`
  mutation RemoveNote($input: RemoveNoteInput!) {
    removeNote(input: $input) {
      id
      removed
    }
  }
`);

const QUEUE_CLAIM = graphql(`
  fragment QueueClaim on Claim {
    id
    text
    status
    dueAt
    priority
    assignee {
      id
      name
    }
  }
`);

export const WORK_QUEUE = graphql(
  `
    query WorkQueue {
      workQueue {
        person {
          id
          name
        }
        assigned(first: 50) {
          totalCount
          edges {
            node {
              ...QueueClaim
            }
          }
        }
        overdue(first: 50) {
          totalCount
          edges {
            node {
              ...QueueClaim
            }
          }
        }
        mentions(first: 50) {
          totalCount
          edges {
            node {
              ...NoteFields
            }
          }
        }
        awaitingReview(first: 50) {
          totalCount
          edges {
            node {
              ...QueueClaim
            }
          }
        }
      }
    }
  `,
  [QUEUE_CLAIM, NOTE_FIELDS],
);

export const SEARCH = graphql(`
  query Search($query: String!, $types: [SearchHitType!], $first: Int) {
    search(query: $query, types: $types, first: $first) {
      score
      snippet
      highlights {
        start
        end
      }
      claim {
        id
        text
        status
      }
      passage {
        id
        exact
        prefix
        suffix
        article {
          id
          title
          url
        }
      }
      article {
        id
        title
        url
        publishedAt
        publisher {
          name
        }
      }
      actor {
        id
        name
        kind
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
  ADD_REVIEW,
  UPDATE_REVIEW,
  RETRACT_REVIEW,
  REVIEW_QUEUE,
  RESOLVE_SOURCE_CHANGE,
  CLAIM_EVENTS,
  ME,
  PEOPLE,
  ASSIGN_CLAIM,
  SET_CHECKLIST_ITEM,
  ADD_NOTE,
  UPDATE_NOTE,
  REMOVE_NOTE,
  WORK_QUEUE,
  ARTICLE_PREVIEW,
  INGEST_ARTICLE,
  SIMILAR_CLAIMS,
  CREATE_ACTOR,
  ACTOR_LIST,
  SIMILAR_ACTORS,
  UPDATE_ACTOR,
  SEARCH,
};
