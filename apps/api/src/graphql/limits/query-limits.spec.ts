import { buildSchema, Kind, parse, specifiedRules, validate, visit } from 'graphql';
import { WalkCounter } from './fragment-measures';
import {
  coercedVariables,
  depthMeasure,
  MAX_COST,
  operationCost,
  queryLimitRules,
} from './query-limits';
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
      return operationCost(schema, document, operation, { variables, weights: new Map() });
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

  it('costs `first: $n` with the value execution uses, the default of $n when not sent', () => {
    const costWith = (query: string, sent: Record<string, unknown>) => {
      const document = parse(query);
      const operation = document.definitions[0] as never;
      const variables = coercedVariables(schema, operation, sent);
      return (
        variables && operationCost(schema, document, operation, { variables, weights: new Map() })
      );
    };
    const nested = `claims(first: $n) { edges { node { attributions(first: $n) { edges { node { id } } } } } }`;
    const hundred = 1 + 100 * (1 + 1 + 1 + 100 * 3);
    expect(costWith(`query ($n: Int = 100) { ${nested} }`, {})).toEqual({
      cost: hundred,
      largestPage: 100,
    });
    expect(costWith(`query ($n: Int = 100) { ${nested} }`, { n: 100 })?.cost).toBe(hundred);
    // sent as null, `first` is the default page size, default value or not
    expect(costWith(`query ($n: Int = 100) { ${nested} }`, { n: null })?.cost).toBe(
      1 + 20 * (3 + 20 * 3),
    );
    // values execution would refuse are not costed: nothing runs
    for (const n of ['100', 1.5, 1e300, true]) {
      expect(costWith(`query ($n: Int) { ${nested} }`, { n })).toBeUndefined();
    }
  });
});

describe('query limits: fragments are measured once (linear time)', () => {
  const cost = (query: string, weights = new Map<string, number>(), counter?: WalkCounter) => {
    const document = parse(query);
    const operation = document.definitions[0] as never;
    return operationCost(schema, document, operation, { weights, counter });
  };
  /** F0 … F<last>, each spreading the next twice in `twice`, the last holding `leaf`. */
  const doubling = (last: number, type: string, twice: (next: string) => string, leaf: string) =>
    Array.from({ length: last }, (_, i) => `fragment F${i} on ${type}{${twice(`F${i + 1}`)}}`)
      .concat(`fragment F${last} on ${type}{${leaf}}`)
      .join('\n');
  /** The selections (fields, spreads, inline fragments) written in `query`. */
  const selectionsIn = (query: string) => {
    let selections = 0;
    visit(parse(query), {
      enter(node) {
        const { FIELD, FRAGMENT_SPREAD, INLINE_FRAGMENT } = Kind;
        if ([FIELD, FRAGMENT_SPREAD, INLINE_FRAGMENT].includes(node.kind)) selections += 1;
      },
    });
    return selections;
  };

  it('refuses F0…F40 spreading each other twice without walking 2⁴¹ spreads', () => {
    const query = `{...F0}\n${doubling(40, 'Query', (next) => `...${next} ...${next}`, 'claim(id:"1"){id}')}`;
    // 1.5 KB: 2⁴¹ instances of claim { id }
    const counter = { selections: 0 };
    expect(cost(query, new Map(), counter)).toEqual({ cost: 2 ** 40 * 2, largestPage: 0 });
    expect(counter.selections).toBeLessThanOrEqual(3 * selectionsIn(query));
    expect(errorsOf(query)).toEqual([]); // the cost limit refuses it (limits.plugin.ts)

    const deep = `{claim(id:"1"){actor{...F0}}}\n${doubling(40, 'Actor', (next) => `affiliation{...${next}} affiliation{...${next}}`, 'name')}`;
    const depthCounter = { selections: 0 };
    expect(depthMeasure(parse(deep), depthCounter)(parse(deep).definitions[0] as never)).toBe(42);
    expect(depthCounter.selections).toBeLessThanOrEqual(3 * selectionsIn(deep));
    expect(errorsOf(deep)).toContain('The query nests 42 levels deep; the limit is 6.');
  });

  it('measures a fragment cycle as endless, without looping, before NoFragmentCycles runs', () => {
    const query = `{ ...A } fragment A on Query { claim(id: "1") { id } ...B } fragment B on Query { ...A }`;
    expect(errorsOf(query)).toEqual([
      "The query's fragments spread each other in a cycle, so it nests without end.",
      'Cannot spread fragment "A" within itself via "B".',
    ]);
    expect(cost(query).cost).toBe(MAX_COST);
    // a cycle that the operation does not reach costs nothing
    expect(cost(`{ claim(id: "1") { id } } fragment A on Query { ...A }`).cost).toBe(2);
  });

  it('caps costs at MAX_COST without overflowing', () => {
    const pages = Array.from(
      { length: 12 },
      () => 'attributions(first: 1000000) { edges { node { claim {',
    ).join(' ');
    const query = `{ claim(id: "1") { ${pages} id ${'} } } }'.repeat(12)} } }`;
    expect(cost(query)).toEqual({ cost: MAX_COST, largestPage: 1_000_000 });
    expect(
      cost(`{ claims(first: 0) { edges { node { ...A } } } } fragment A on Claim { ...A }`).cost,
    ).toBe(1);
  });

  it('weighs fields by the table, wherever they are reached', () => {
    const weights = new Map([['Claim.text', 50]]);
    expect(cost(`{ claim(id: "1") { id text } }`, weights).cost).toBe(1 + 1 + 50);
    expect(
      cost(`{ claims(first: 3) { edges { node { ...T } } } } fragment T on Claim { text }`, weights)
        .cost,
    ).toBe(1 + 3 * (1 + 1 + 50));
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

  it('drains what work already done spent beyond what was taken, down to empty', () => {
    let now = 0;
    const limiter = new CostRateLimiter(
      () => 600,
      () => now,
    );
    limiter.drain('a', 450);
    expect(limiter.take('a', 200)).toBe(5); // 150 left: 50 missing at 10 per second
    limiter.drain('a', 10_000); // no debt beyond an empty bucket
    now += 60_000;
    expect(limiter.take('a', 600)).toBe(0);
  });

  it('is off at a rate of 0', () => {
    const limiter = new CostRateLimiter(() => 0);
    for (let i = 0; i < 100; i += 1) expect(limiter.take('a', 1e9)).toBe(0);
  });
});
