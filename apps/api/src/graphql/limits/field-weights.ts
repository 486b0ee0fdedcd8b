import { AppConfig, SIMILARITY } from '@claimtrace/core';
import { PASSAGE_MAX_CODE_POINTS } from '@claimtrace/articles';
import { MAX_GRAPH_NODES } from '@claimtrace/graph';

/** Characters of text per unit of cost: a field that can answer n characters weighs ⌈n / 10 000⌉. */
export const CHARACTERS_PER_COST = 10_000;

/** Characters of article text per suggested attribution, about: 1,000,000 of the corpus yield 4,577. */
export const CHARACTERS_PER_SUGGESTION = 200;

/** A field whose one instance costs more than 1 (see operationCost); docs/security.md quotes these. */
export interface FieldWeight {
  /** `Type.field`, as in schema.gql */
  field: string;
  weight: number;
  /** how the weight follows from the work the field does */
  reason: string;
}

/** Each weighed field's weight by `Type.field`; a field not in it weighs 1. */
export type FieldWeights = ReadonlyMap<string, number>;

/**
 * The one table of field weights. A field that answers text weighs one per started 10 000
 * characters of the most it can answer (Article.text may hold ARTICLE_MAX_CHARS), so that aliases
 * and pages of big text cost what they send; fields bounded below 10 000 characters weigh 1.
 */
export function fieldWeightTable(config: Pick<AppConfig, 'ARTICLE_MAX_CHARS'>): FieldWeight[] {
  const article = Math.ceil(config.ARTICLE_MAX_CHARS / CHARACTERS_PER_COST);
  const passage = Math.ceil(PASSAGE_MAX_CODE_POINTS / CHARACTERS_PER_COST);
  return [
    {
      field: 'Article.text',
      weight: article,
      reason: `up to ARTICLE_MAX_CHARS characters, 1 per started ${CHARACTERS_PER_COST.toLocaleString('en')}`,
    },
    {
      field: 'Passage.exact',
      weight: passage,
      reason: `at most PASSAGE_MAX_CODE_POINTS (${PASSAGE_MAX_CODE_POINTS.toLocaleString('en')}) characters`,
    },
    {
      field: 'Passage.selectors',
      weight: passage,
      reason: 'its TextQuoteSelector holds `exact`: as Passage.exact',
    },
    {
      field: 'Article.suggestedAttributions',
      weight: Math.ceil(config.ARTICLE_MAX_CHARS / CHARACTERS_PER_SUGGESTION),
      reason:
        'reads the stored suggestions of the article version (the first read of a version may run ' +
        'the extractor) and builds each, with its actor: 1 per suggestion an article of ' +
        `ARTICLE_MAX_CHARS may yield, one per ${CHARACTERS_PER_SUGGESTION} characters`,
    },
    {
      field: 'Mutation.ingestArticle',
      weight: Math.ceil(config.ARTICLE_MAX_CHARS / CHARACTERS_PER_SUGGESTION),
      reason:
        'stores the text and runs the extractor on it once (its suggestions are stored with the ' +
        'version): as Article.suggestedAttributions, so aliases with other texts pay for each run',
    },
    {
      field: 'Query.articlePreview',
      weight: article,
      reason: 'fetches and reads a page, and answers its text: as Article.text',
    },
    {
      field: 'Query.claimGraph',
      weight: MAX_GRAPH_NODES,
      reason: `reads up to ${MAX_GRAPH_NODES} nodes and every edge between them: 1 per node`,
    },
    {
      field: 'Query.similarClaims',
      weight: Math.ceil((2 * SIMILARITY.candidates) / 100),
      reason: `scores up to ${2 * SIMILARITY.candidates} candidate claims (two layers of ${SIMILARITY.candidates}) word by word: 1 per 100`,
    },
    {
      field: 'Query.similarActors',
      weight: Math.ceil((2 * SIMILARITY.candidates) / 100),
      reason: 'compares the name with every current actor’s aliases: as Query.similarClaims',
    },
  ];
}

/** The weights of `fieldWeightTable` for `operationCost`. */
export function fieldWeights(config: Pick<AppConfig, 'ARTICLE_MAX_CHARS'>): FieldWeights {
  return new Map(fieldWeightTable(config).map(({ field, weight }) => [field, weight]));
}
