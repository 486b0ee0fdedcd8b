// The shapes of the documents in queries.ts.

export interface StanceCountT {
  stance: string;
  count: number;
}

export interface BoardClaim {
  id: string;
  text: string;
  status: string;
  version: number;
  tags: string[];
  updatedAt: string;
  firstSeenAt: string | null;
  stanceSummary: { counts: StanceCountT[]; distinctActors: number };
  attributions: { edges: { node: { id: string; stance: string; actor: ActorRef } }[] };
}

export interface ActorRef {
  id: string;
  name: string;
  kind?: string;
}

export interface PassageT {
  id: string;
  start: number;
  end: number;
  exact: string;
  article: { id: string; title: string; url: string; publisher: ActorRef | null };
}

export interface AttributionT {
  id: string;
  stance: string;
  statedAt: string | null;
  confidence: number | null;
  actor: ActorRef;
  passage: PassageT;
  chain: { id: string; stance: string; actor: ActorRef }[];
}

export interface StatusChangeT {
  from: string;
  to: string;
  rationale: string;
  at: string;
  by: string | null;
  evidence: { id: string; exact: string }[];
}

export interface ReviewT {
  id: string;
  rating: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  summary: string | null;
  url: string | null;
  publishedAt: string | null;
  reviewer: ActorRef;
}

export interface ClaimRef {
  id: string;
  text: string;
  status?: string;
}

export interface ClaimDetailT {
  id: string;
  text: string;
  status: string;
  version: number;
  tags: string[];
  firstSeenAt: string | null;
  updatedAt: string;
  mergedInto: ClaimRef | null;
  stanceSummary: { counts: StanceCountT[]; distinctActors: number };
  attributions: { totalCount: number; edges: { node: AttributionT }[] };
  statusHistory: StatusChangeT[];
  reviews: ReviewT[];
  relations: { relation: string; from: ClaimRef; to: ClaimRef }[];
}

export interface SuggestionT {
  index: number;
  reportedViaIndex: number | null;
  sourceText: string;
  cue: string;
  content: string;
  stance: string;
  contentStart: number;
  contentEnd: number;
  actor: ActorRef | null;
}

export interface ArticleT {
  id: string;
  title: string;
  url: string;
  text: string;
  publishedAt: string | null;
  publisher: ActorRef | null;
  suggestedAttributions: SuggestionT[];
}

export interface GraphNodeT {
  id: string;
  type: 'CLAIM' | 'ACTOR' | 'ARTICLE';
  label: string;
}

export interface GraphEdgeT {
  source: string;
  target: string;
  type: string;
  stance: string | null;
  relation: string | null;
}

export interface GraphT {
  nodes: GraphNodeT[];
  edges: GraphEdgeT[];
}
