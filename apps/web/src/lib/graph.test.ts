import { describe, expect, it } from 'vitest';
import { graphFromActor, graphFromClaim, stanceColor } from './graph';

const article = { id: 'art', title: 'Milei denies', publisher: { id: 'perfil', name: 'Perfil' } };

describe('graph built by the page', () => {
  it('connects a claim to its actors by stance, their articles and related claims', () => {
    const graph = graphFromClaim({
      id: 'c1',
      text: 'Talks',
      attributions: {
        edges: [
          {
            node: {
              id: 'a1',
              stance: 'REPORTS',
              actor: { id: 'nyt', name: 'NYT' },
              passage: { article },
            },
          },
          {
            node: {
              id: 'a2',
              stance: 'ASSERTS',
              actor: { id: 'src', name: 'sources' },
              passage: { article },
              reportedVia: { actor: { id: 'nyt' } },
            },
          },
          {
            node: {
              id: 'a3',
              stance: 'DENIES',
              actor: { id: 'milei', name: 'Milei' },
              passage: { article },
            },
          },
        ],
      },
      relations: [
        {
          relation: 'SUPPORTS',
          from: { id: 'c2', text: 'Proposal' },
          to: { id: 'c1', text: 'Talks' },
        },
      ],
    });
    const ids = graph.nodes.map((n) => `${n.type}:${n.id}`).sort();
    expect(ids).toEqual(
      [
        'ACTOR:milei',
        'ACTOR:nyt',
        'ACTOR:perfil',
        'ACTOR:src',
        'ARTICLE:art',
        'CLAIM:c1',
        'CLAIM:c2',
      ].sort(),
    );
    expect(graph.edges).toContainEqual({
      source: 'milei',
      target: 'c1',
      type: 'STANCE',
      stance: 'DENIES',
      relation: null,
    });
    expect(graph.edges).toContainEqual({
      source: 'src',
      target: 'nyt',
      type: 'REPORTED_VIA',
      stance: null,
      relation: null,
    });
    expect(graph.edges.filter((e) => e.type === 'PUBLISHED_BY')).toHaveLength(1);
    expect(graph.edges).toContainEqual({
      source: 'c2',
      target: 'c1',
      type: 'RELATION',
      stance: null,
      relation: 'SUPPORTS',
    });
  });

  it('draws an actor with the claims it took a stance on', () => {
    const graph = graphFromActor({
      id: 'milei',
      name: 'Milei',
      affiliation: { id: 'casa', name: 'Casa Rosada' },
      attributions: {
        edges: [
          {
            node: {
              id: 'a',
              stance: 'DENIES',
              claim: { id: 'c1', text: 'Talks' },
              passage: { article },
            },
          },
        ],
      },
    });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['art', 'c1', 'casa', 'milei', 'perfil']);
    expect(graph.edges).toContainEqual({
      source: 'milei',
      target: 'casa',
      type: 'AFFILIATED_WITH',
      stance: null,
      relation: null,
    });
  });

  it('colours denial and assertion apart', () => {
    expect(stanceColor('DENIES')).not.toBe(stanceColor('ASSERTS'));
  });
});
