import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { operationCost, queryLimitRules } from './query-limits';
import { CostRateLimiter } from './rate-limiter';

const schema = buildSchema(`
  type Query { claims(first: Int, after: String): ClaimConnection! claim(id: ID!): Claim }
  type ClaimConnection { totalCount: Int! edges: [ClaimEdge!]! pageInfo: PageInfo! }
  type ClaimEdge { cursor: String! node: Claim! }
  type PageInfo { hasNextPage: Boolean! }
  type Claim { id: ID! text: String! actor: Actor attributions(first: Int): ClaimConnection! }
  type Actor { name: String! affiliation: Actor }
`);

const limits = { maxLength: 2_000, maxDepth: 6, maxAliases: 30, maxDirectives: 20 };
const errorsOf = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ...queryLimitRules(limits)]).map(
    (e) => e.message,
  );

describe('query limits', () => {
  it('counts depth without the Relay plumbing and without leaves', () => {
    expect(
      errorsOf(
        `{ claims { edges { node { attributions { edges { node { actor { affiliation { affiliation { affiliation { name } } } } } } } } } } }`,
      ),
    ).toEqual([]);
    expect(
      errorsOf(
        `{ claims { edges { node { attributions { edges { node { actor { affiliation { affiliation { affiliation { affiliation { name } } } } } } } } } } } }`,
      ),
    ).toEqual(['The query nests 7 levels deep; the limit is 6.']);
  });

  it('follows fragments when measuring depth', () => {
    const query = `{ claim(id: "1") { ...A } }
      fragment A on Claim { actor { affiliation { affiliation { affiliation { affiliation { affiliation { name } } } } } } }`;
    expect(errorsOf(query)).toEqual(['The query nests 7 levels deep; the limit is 6.']);
  });

  it('counts aliases and directives', () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: claim(id: "1") { id }`).join(' ');
    expect(errorsOf(`{ ${aliases} }`)).toEqual(['The query uses 31 aliases; the limit is 30.']);
    const directives = Array.from({ length: 21 }, (_, i) => `d${i}: id @include(if: true)`);
    expect(errorsOf(`{ claim(id: "1") { ${directives.join(' ')} } }`)).toEqual([
      'The query uses 21 directives; the limit is 20.',
    ]);
  });

  it('limits the length of the query text', () => {
    expect(errorsOf(`{ claim(id: "1") { id } } # ${'x'.repeat(2_000)}`)[0]).toMatch(
      /characters long; the limit is 2000/,
    );
  });

  it('costs fields by the product of the page sizes above them', () => {
    const cost = (query: string, variables = {}) => {
      const document = parse(query);
      const operation = document.definitions[0] as never;
      return operationCost(schema, document, operation, variables);
    };
    expect(cost(`{ claim(id: "1") { id text } }`).cost).toBe(3);
    // claims 1, then everything inside it 10 times (an upper bound: totalCount is really once)
    expect(cost(`{ claims(first: 10) { totalCount edges { node { id } } } }`).cost).toBe(41);
    expect(
      cost(
        `query ($n: Int) { claims(first: $n) { edges { node { attributions(first: 100) { edges { node { id } } } } } } }`,
        { n: 50 },
      ),
    ).toEqual({ cost: 1 + 50 + 50 + 50 + 5_000 * 3, largestPage: 100 });
    // without `first`, a paginated field counts its default page (20)
    expect(cost(`{ claims { edges { node { id } } } }`).cost).toBe(1 + 60);
  });
});

describe('rate limiting by cost', () => {
  it('spends a token bucket and answers how long to wait', () => {
    let now = 0;
    const limiter = new CostRateLimiter(
      () => 600,
      () => now,
    );
    expect(limiter.take('a', 500)).toBe(0);
    expect(limiter.take('a', 200)).toBe(10); // 100 missing at 10 per second
    expect(limiter.take('b', 200)).toBe(0); // another client has its own bucket
    now += 10_000;
    expect(limiter.take('a', 200)).toBe(0);
  });

  it('is off at a rate of 0', () => {
    const limiter = new CostRateLimiter(() => 0);
    for (let i = 0; i < 100; i += 1) expect(limiter.take('a', 1e9)).toBe(0);
  });
});
