// The shapes of the answers to the documents in queries.ts, named for the components that show
// them. All are derived from the documents (and so from schema.gql); none is written by hand.
import type { ResultOf, VariablesOf } from './graphql';
import type {
  ACTORS,
  ARTICLE,
  BOARD,
  BOARD_CLAIM,
  CLAIM_DETAIL,
  CLAIM_GRAPH,
  ME,
  NOTE_FIELDS,
  PEOPLE,
  WORK_QUEUE,
  SOURCE_CHANGE,
} from './queries';

type Detail = NonNullable<ResultOf<typeof CLAIM_DETAIL>['claim']>;

export type BoardClaim = ResultOf<typeof BOARD_CLAIM>;
export type ClaimStatus = BoardClaim['status'];
export type ClaimFilter = NonNullable<VariablesOf<typeof BOARD>['filter']>;
export type ActorRef = ResultOf<typeof ACTORS>['actors']['edges'][number]['node'];
export type ActorKind = ActorRef['kind'];
export type ClaimDetailT = Detail;
export type AttributionT = Detail['attributions']['edges'][number]['node'];
export type Stance = AttributionT['stance'];
export type ReviewT = Detail['reviews'][number];
export type ArticleT = NonNullable<ResultOf<typeof ARTICLE>['article']>;
export type SuggestionT = ArticleT['suggestedAttributions'][number];
export type GraphT = ResultOf<typeof CLAIM_GRAPH>['claimGraph'];
export type GraphNodeT = GraphT['nodes'][number];
export type GraphEdgeT = GraphT['edges'][number];
export type Me = NonNullable<ResultOf<typeof ME>['me']>;
export type NoteT = ResultOf<typeof NOTE_FIELDS>;
export type PersonRef = ResultOf<typeof PEOPLE>['people']['edges'][number]['node'];
export type ChecklistItemT = Detail['checklist'][number];
export type WorkQueueT = ResultOf<typeof WORK_QUEUE>['workQueue'];
export type QueueClaimT = WorkQueueT['assigned']['edges'][number]['node'];
export type SourceChangeT = ResultOf<typeof SOURCE_CHANGE>;
