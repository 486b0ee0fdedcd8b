/**
 * The query shapes of the claims-page bench: each is a data set (options of ./generate.ts) and a
 * page query over it, with its variables read from the data (the commonest tag, the busiest actor).
 * Shapes with the same data set share one database. `BENCH_SHAPES=page,relays,…` picks them
 * (`page` by default; `all` for every one); `BENCH_SCALE` multiplies the default data set's rows.
 */
import type { GenerateOptions } from './generate';

export interface Shape {
  name: string;
  /** one line for the report */
  about: string;
  data: GenerateOptions;
  /** a page query with `$after: String` and the variables `variables` answers */
  query: string;
  /** variables beside `after`, read from the generated database */
  variables?: (sql: <R extends object>(text: string) => Promise<R[]>) => Promise<object>;
}

const scale = Number(process.env.BENCH_SCALE || 1);

/** The default data set: 10,000 claims, 50,000 attributions, 2,000 articles (× BENCH_SCALE). */
export const DEFAULT_DATA: GenerateOptions = {
  actors: Math.round(500 * Math.sqrt(scale)),
  articles: Math.round(2000 * scale),
  claims: Math.round(10_000 * scale),
  attributions: Math.round(50_000 * scale),
};

/** The claims page of issue 3: attributions with actors, passages, articles and relay chains. */
export const PAGE_SELECTION = `totalCount
    edges {
      cursor
      node {
        id text status tags
        stanceSummary { counts { stance count } distinctActors }
        attributions(first: 10) {
          totalCount
          edges {
            node {
              id stance statedAt
              actor { id name kind }
              passage { id start end exact article { id title url } }
              chain { id stance actor { name } }
            }
          }
        }
      }
    }`;

/** Issue 19's second page: every passage's article with its publisher, up to 100 attributions. */
const PUBLISHED_SELECTION = `totalCount
    edges {
      cursor
      node {
        id text status tags
        attributions(first: 100) {
          totalCount
          edges {
            node {
              id stance statedAt
              actor { id name kind }
              passage { id start end exact article { id title url publisher { id name kind } } }
              chain { id stance actor { name } }
            }
          }
        }
      }
    }`;

/** Every field of the page's types, relations included (publishers, authors, affiliations). */
const EVERY_FIELD_SELECTION = `totalCount
    edges {
      cursor
      node {
        id text status version tags language firstSeenAt updatedAt
        stanceSummary { counts { stance count } distinctActors }
        attributions(first: 10) {
          totalCount
          edges {
            cursor
            node {
              id stance statedAt confidence
              claim { id status }
              actor { id name kind aliases wikidataId affiliation { id name kind } }
              passage {
                id start end exact prefix suffix selectors
                article {
                  id title url publishedAt language contentHash
                  publisher { id name kind } authors { id name kind }
                }
              }
              reportedVia { id stance }
              chain { id stance actor { name affiliation { name } } }
            }
          }
        }
      }
    }`;

/** Long articles, their text asked: the page of three attributions per claim. */
const TEXT_SELECTION = `totalCount
    edges {
      cursor
      node {
        id text status
        attributions(first: 3) {
          totalCount
          edges { node { id stance passage { id start end exact article { id title text } } } }
        }
      }
    }`;

const page = (selection: string, filter = '', declared = '') =>
  `query ClaimsPage($after: String${declared}) { claims(first: 20, after: $after${filter}) { ${selection} } }`;

const commonestTag = async (sql: <R extends object>(text: string) => Promise<R[]>) => {
  const [{ tag }] = await sql<{ tag: string }>(
    `SELECT t AS tag FROM claims, unnest(tags) t GROUP BY t ORDER BY count(*) DESC, t LIMIT 1`,
  );
  return { tag };
};

const TAG_FILTER = ', filter: { tag: $tag }';

export const SHAPES: Shape[] = [
  {
    name: 'page',
    about: 'the claims page of issue 3 (first: 20, 10 attributions each, chains)',
    data: DEFAULT_DATA,
    query: page(PAGE_SELECTION),
  },
  {
    name: 'relays',
    about:
      '80 claims, 4,400 attributions (~1,000 relayed); 20 claims by tag, every attribution, chains, publishers',
    data: { actors: 300, articles: 120, claims: 80, perClaim: 55, relayChance: 0.27, tags: 3 },
    query: page(PUBLISHED_SELECTION, TAG_FILTER, ', $tag: String'),
    variables: commonestTag,
  },
  {
    name: 'every-field',
    about: 'every field of the page types: publishers, authors, affiliations, claims, chains',
    data: { ...DEFAULT_DATA, authors: 3 },
    query: page(EVERY_FIELD_SELECTION),
  },
  {
    name: 'long-articles',
    about: '400 articles of 20,000-40,000 code points, their text asked (3 attributions a claim)',
    data: {
      actors: 300,
      articles: 400,
      claims: 4000,
      attributions: 20_000,
      articleLength: [20_000, 40_000],
    },
    query: page(TEXT_SELECTION),
  },
  {
    name: 'wide',
    about: '100 attributions per claim (2,000 claims), all on the page, with publishers',
    data: { actors: 500, articles: 2000, claims: 2000, perClaim: 100, relayChance: 0.3 },
    query: page(PUBLISHED_SELECTION),
  },
  {
    name: 'tag',
    about: 'the page of issue 3 filtered by the commonest tag',
    data: DEFAULT_DATA,
    query: page(PAGE_SELECTION, TAG_FILTER, ', $tag: String'),
    variables: commonestTag,
  },
  {
    name: 'actor-stance',
    about: 'the page of issue 3 filtered by the busiest actor and ASSERTS',
    data: DEFAULT_DATA,
    query: page(PAGE_SELECTION, ', filter: { actorId: $actor, stance: ASSERTS }', ', $actor: ID'),
    variables: async (sql) => {
      const [{ id }] = await sql<{ id: string }>(
        `SELECT actor_id AS id FROM attributions WHERE stance = 'ASSERTS'
         GROUP BY actor_id ORDER BY count(*) DESC, actor_id LIMIT 1`,
      );
      return { actor: Buffer.from(`Actor:${id}`).toString('base64url') };
    },
  },
  {
    name: 'status',
    about: 'the page of issue 3 filtered by status CONTESTED',
    data: DEFAULT_DATA,
    query: page(PAGE_SELECTION, ', filter: { status: [CONTESTED] }'),
  },
];

/** The shapes BENCH_SHAPES names, in the table's order. */
export function chosenShapes(): Shape[] {
  const names = (process.env.BENCH_SHAPES || 'page').split(',').map((name) => name.trim());
  if (names.includes('all')) return SHAPES;
  const unknown = names.filter((name) => !SHAPES.some((shape) => shape.name === name));
  if (unknown.length) {
    throw new Error(
      `unknown shape(s) ${unknown.join(', ')}; known: ${SHAPES.map((s) => s.name).join(', ')}, all`,
    );
  }
  return SHAPES.filter((shape) => names.includes(shape.name));
}
