// The claim graph the graph view draws. The server computes it (`claimGraph`); when it cannot,
// these build the same shape from a claim's (or an actor's) attributions.
import type { GraphEdgeT, GraphNodeT, GraphT } from '../api/types';

interface ActorLite {
  id: string;
  name: string;
  affiliation?: { id: string; name: string } | null;
}
interface ArticleLite {
  id: string;
  title: string;
  publisher: { id: string; name: string } | null;
}

export interface ClaimForGraph {
  id: string;
  text: string;
  attributions: {
    edges: {
      node: {
        id: string;
        stance: string;
        actor: ActorLite;
        passage: { article: ArticleLite };
        reportedVia?: { actor: { id: string } } | null;
      };
    }[];
  };
  relations: {
    relation: string;
    from: { id: string; text: string };
    to: { id: string; text: string };
  }[];
}

export interface ActorForGraph {
  id: string;
  name: string;
  affiliation: { id: string; name: string } | null;
  attributions: {
    edges: {
      node: {
        id: string;
        stance: string;
        claim: { id: string; text: string };
        passage: { article: ArticleLite };
      };
    }[];
  };
}

class GraphBuilder {
  private readonly nodes = new Map<string, GraphNodeT>();
  private readonly edges = new Map<string, GraphEdgeT>();

  node(id: string, type: GraphNodeT['type'], label: string): void {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, type, label });
  }

  edge(edge: Omit<GraphEdgeT, 'stance' | 'relation'> & Partial<GraphEdgeT>): void {
    const full: GraphEdgeT = { stance: null, relation: null, ...edge };
    const key = `${full.source}|${full.target}|${full.type}|${full.stance ?? ''}|${full.relation ?? ''}`;
    if (!this.edges.has(key)) this.edges.set(key, full);
  }

  article(article: ArticleLite): void {
    this.node(article.id, 'ARTICLE', article.title);
    if (article.publisher) {
      this.node(article.publisher.id, 'ACTOR', article.publisher.name);
      this.edge({ source: article.id, target: article.publisher.id, type: 'PUBLISHED_BY' });
    }
  }

  build(): GraphT {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** One claim, its actors (with their stance), the articles that evidence them, related claims. */
export function graphFromClaim(claim: ClaimForGraph): GraphT {
  const g = new GraphBuilder();
  g.node(claim.id, 'CLAIM', claim.text);
  for (const { node: a } of claim.attributions.edges) {
    g.node(a.actor.id, 'ACTOR', a.actor.name);
    g.edge({ source: a.actor.id, target: claim.id, type: 'STANCE', stance: a.stance });
    if (a.actor.affiliation) {
      g.node(a.actor.affiliation.id, 'ACTOR', a.actor.affiliation.name);
      g.edge({ source: a.actor.id, target: a.actor.affiliation.id, type: 'AFFILIATED_WITH' });
    }
    if (a.reportedVia) {
      g.edge({ source: a.actor.id, target: a.reportedVia.actor.id, type: 'REPORTED_VIA' });
    }
    g.article(a.passage.article);
    g.edge({ source: a.actor.id, target: a.passage.article.id, type: 'STANCE', stance: a.stance });
  }
  for (const r of claim.relations) {
    g.node(r.from.id, 'CLAIM', r.from.text);
    g.node(r.to.id, 'CLAIM', r.to.text);
    g.edge({ source: r.from.id, target: r.to.id, type: 'RELATION', relation: r.relation });
  }
  return g.build();
}

/** One actor, the claims it took a stance on, and where. */
export function graphFromActor(actor: ActorForGraph): GraphT {
  const g = new GraphBuilder();
  g.node(actor.id, 'ACTOR', actor.name);
  if (actor.affiliation) {
    g.node(actor.affiliation.id, 'ACTOR', actor.affiliation.name);
    g.edge({ source: actor.id, target: actor.affiliation.id, type: 'AFFILIATED_WITH' });
  }
  for (const { node: a } of actor.attributions.edges) {
    g.node(a.claim.id, 'CLAIM', a.claim.text);
    g.edge({ source: actor.id, target: a.claim.id, type: 'STANCE', stance: a.stance });
    g.article(a.passage.article);
  }
  return g.build();
}

/** Stance colours for edges: agreement green, denial red, relaying grey, the rest amber. */
export function stanceColor(stance: string | null): string {
  switch (stance) {
    case 'ASSERTS':
    case 'CONFIRMS':
      return '#15803d';
    case 'DENIES':
    case 'DISPUTES':
    case 'RETRACTS':
      return '#b91c1c';
    case 'REPORTS':
      return '#475569';
    case null:
      return '#94a3b8';
    default:
      return '#b45309';
  }
}
