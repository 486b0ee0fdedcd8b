import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, isObjectType, OperationDefinitionNode, parse } from 'graphql';
import { loadConfig } from '@claimtrace/core';
import { fieldWeights, fieldWeightTable } from './field-weights';
import { operationCost } from './query-limits';

// The weights against the real schema, and the example costs that docs/security.md quotes.

const schema = buildSchema(readFileSync(resolve(__dirname, '../../../../../schema.gql'), 'utf8'));
const securityDoc = readFileSync(resolve(__dirname, '../../../../../docs/security.md'), 'utf8');
const config = loadConfig({});
const weights = fieldWeights(config);

const costOf = (query: string) => {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return operationCost(schema, document, operation, { weights }).cost;
};

/** A row of a Markdown table holding `cells`, however Prettier pads them. */
const row = (...cells: string[]) =>
  new RegExp(
    `^\\|${cells.map((cell) => ` *${cell.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} *`).join('\\|')}\\|$`,
    'm',
  );

const repeat = (times: number, item: (i: number) => string) =>
  Array.from({ length: times }, (_, i) => item(i)).join(' ');

/** Real queries (the claims page of bench/claims-page, the dashboard's pages) and attacks. */
const EXAMPLES: [string, string, number][] = [
  [
    'the claims page (bench/claims-page)',
    `{ claims(first: 20) { totalCount edges { cursor node { id text status tags
      stanceSummary { counts { stance count } distinctActors }
      attributions(first: 10) { totalCount edges { node { id stance statedAt
        actor { id name kind }
        passage { id start end exact article { id title url } }
        chain { id stance actor { name } } } } } } } } }`,
    5_081,
  ],
  [
    'the dashboard board (20 claims)',
    `{ claims(first: 20, orderBy: UPDATED_DESC) { totalCount edges { cursor node {
      id text status version tags updatedAt firstSeenAt
      stanceSummary { counts { stance count } distinctActors }
      attributions(first: 20) { edges { node { id stance actor { id name } } } } } } } }`,
    3_141,
  ],
  [
    'the dashboard claim detail',
    `{ claim(id: "c") { id text status version tags firstSeenAt updatedAt
      mergedInto { id text }
      stanceSummary { counts { stance count } distinctActors }
      attributions(first: 100) { totalCount edges { node { id stance statedAt confidence
        actor { id name kind }
        passage { id start end exact article { id title url publisher { id name } } }
        chain { id stance actor { id name kind } } } } }
      statusHistory { from to rationale at by evidence { id exact } }
      reviews { id rating ratingValue bestRating worstRating summary url publishedAt reviewer { id name } }
      relations { relation from { id text status } to { id text status } } } }`,
    3_048,
  ],
  [
    'the dashboard article page, with suggestions',
    `{ article(id: "a") { id title url text publishedAt publisher { id name }
      suggestedAttributions { index reportedViaIndex sourceText cue content stance
        contentStart contentEnd actor { id name } } } }`,
    5_119,
  ],
  [
    'claimGraph, depth 3',
    `{ claimGraph(claimId: "c", depth: 3) { nodes { id } edges { source } } }`,
    5_004,
  ],
  [
    '30 aliases of one article’s text',
    `{ ${repeat(30, (i) => `a${i}: article(id: "a") { text }`)} }`,
    3_030,
  ],
  ['the text of 100 articles', `{ articles(first: 100) { edges { node { text } } } }`, 10_201],
  [
    '30 aliases of one article’s suggestions (refused)',
    `{ ${repeat(30, (i) => `a${i}: article(id: "a") { suggestedAttributions { content } }`)} }`,
    150_060,
  ],
  [
    'the suggestions of 20 articles (refused)',
    `{ articles(first: 20) { edges { node { suggestedAttributions { content } } } } }`,
    100_061,
  ],
  [
    'F0…F40, each spreading the next twice (refused)',
    `{ ...F0 } ${repeat(40, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)}
      fragment F40 on Query { claims(first: 1) { totalCount } }`,
    2 ** 41,
  ],
];

describe('field weights', () => {
  it('name fields of the schema', () => {
    for (const { field } of fieldWeightTable(config)) {
      const [type, name] = field.split('.');
      const owner = schema.getType(type);
      expect(isObjectType(owner) && owner.getFields()[name] ? field : `${field} is missing`).toBe(
        field,
      );
    }
  });

  it('weigh text by the most it can hold: 1 per started 10,000 characters', () => {
    expect(weights.get('Article.text')).toBe(100);
    expect(fieldWeights({ ARTICLE_MAX_CHARS: 10_001 }).get('Article.text')).toBe(2);
    expect(fieldWeights({ ARTICLE_MAX_CHARS: 1 }).get('Passage.exact')).toBe(1);
  });

  it.each(EXAMPLES)('cost %s as docs/security.md says', (name, query, cost) => {
    expect(costOf(query)).toBe(cost);
    expect(securityDoc).toMatch(row(name, cost.toLocaleString('en')));
  });

  it('are quoted in docs/security.md', () => {
    for (const { field, weight, reason } of fieldWeightTable(config)) {
      expect(securityDoc).toMatch(row(`\`${field}\``, weight.toLocaleString('en'), reason));
    }
  });
});
