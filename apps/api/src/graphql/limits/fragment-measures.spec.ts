import fc from 'fast-check';
import {
  buildSchema,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLNamedType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@claimtrace/core';
import { CostResult, depthMeasure, MAX_COST, operationCost } from './query-limits';

// Random documents whose fragments spread one another (a DAG, or with cycles), measured by the
// linear walks and by the naive ones they replaced (each spread followed anew: exponential).

const schema = buildSchema(`
  type Query { t: T }
  type T { id: ID big: String child: T node: T edges: T pageInfo: T list(first: Int): T }
`);
const weights = new Map([
  ['T.big', 7],
  ['T.list', 3],
]);

type Item =
  | { leaf: 'id' | 'big' }
  | { field: 'child' | 'node' | 'edges' | 'pageInfo' | 'list'; first?: number; body: Item[] }
  | { inline: Item[] }
  | { spread: number };

const items: fc.Arbitrary<Item[]> = fc.letrec<{ item: Item; items: Item[] }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ leaf: fc.constantFrom('id' as const, 'big' as const) }),
    fc.record({ spread: fc.nat({ max: 2 }) }),
    fc.record({ spread: fc.nat() }),
    fc.record(
      {
        field: fc.constantFrom<'child' | 'node' | 'edges' | 'pageInfo' | 'list'>(
          'child',
          'node',
          'edges',
          'pageInfo',
          'list',
        ),
        first: fc.integer({ min: 1, max: 5 }),
        body: tie('items'),
      },
      { requiredKeys: ['field', 'body'] },
    ),
    fc.record({ inline: tie('items') }),
  ),
  items: fc.array(tie('item'), { minLength: 1, maxLength: 4 }),
})).items;

/** `fragments` as a document, spreads pointing forward only (a DAG) unless `cycles`. */
function documentOf(operation: Item[], fragments: Item[][], cycles: boolean): string {
  const n = fragments.length;
  const render = (list: Item[], from: number): string =>
    list
      .map((item) => {
        if ('leaf' in item) return item.leaf;
        if ('inline' in item) return `... on T { ${render(item.inline, from)} }`;
        if ('field' in item) {
          const first = item.field === 'list' && item.first ? `(first: ${item.first})` : '';
          return `${item.field}${first} { ${render(item.body, from)} }`;
        }
        if (cycles) return `...F${item.spread % n}`;
        const targets = n - from - 1;
        return targets > 0 ? `...F${from + 1 + (item.spread % targets)}` : 'id';
      })
      .join(' ');
  return [
    `{ t { ${render(operation, -1)} } }`,
    ...fragments.map((body, i) => `fragment F${i} on T { ${render(body, i)} }`),
  ].join('\n');
}

const fragmentsOf = (document: DocumentNode) =>
  new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );

/** The depth walk that followed every spread anew (the one before fragments were memoised). */
function naiveDepth(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  inEdges = false,
): number {
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet) continue;
      const name = selection.name.value;
      const plumbing = ['edges', 'pageInfo'].includes(name) || (inEdges && name === 'node');
      const child = naiveDepth(selection.selectionSet, fragments, name === 'edges');
      deepest = Math.max(deepest, child + (plumbing ? 0 : 1));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, naiveDepth(selection.selectionSet, fragments, inEdges));
    } else {
      const fragment = fragments.get(selection.name.value)!;
      deepest = Math.max(deepest, naiveDepth(fragment.selectionSet, fragments, inEdges));
    }
  }
  return deepest;
}

/** The cost walk that followed every spread anew, multiplying page sizes down the tree. */
function naiveCost(document: DocumentNode): CostResult {
  const fragments = fragmentsOf(document);
  let largestPage = 0;
  const pageOf = (field: FieldNode, paginated: boolean) => {
    const given = field.arguments?.find((argument) => argument.name.value === 'first');
    if (!given) return paginated ? DEFAULT_PAGE_SIZE : 1;
    const size = valueFromASTUntyped(given.value) as number;
    largestPage = Math.max(largestPage, size);
    return size;
  };
  const costOf = (set: SelectionSetNode, type: GraphQLNamedType, multiplier: number): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = isObjectType(type) ? type.getFields()[selection.name.value] : undefined;
        total += multiplier * (weights.get(`${type.name}.${selection.name.value}`) ?? 1);
        if (selection.selectionSet && definition) {
          const page = pageOf(selection, definition.args.length > 0);
          total += costOf(selection.selectionSet, getNamedType(definition.type), multiplier * page);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, type, multiplier);
      } else {
        const fragment = fragments.get(selection.name.value)!;
        total += costOf(fragment.selectionSet, type, multiplier);
      }
    }
    return total;
  };
  return {
    cost: costOf(operationOf(document).selectionSet, schema.getQueryType()!, 1),
    largestPage,
  };
}

const operationOf = (document: DocumentNode) => document.definitions[0] as OperationDefinitionNode;

/** Whether the operation reaches a fragment that spreads itself, directly or not. */
function reachesCycle(document: DocumentNode): boolean {
  const fragments = fragmentsOf(document);
  const spreadsIn = (node: FragmentDefinitionNode | OperationDefinitionNode) => {
    const names: string[] = [];
    visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
    return names;
  };
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = (name: string): boolean => {
    if (state.get(name) === 'open') return true;
    if (state.get(name) === 'done') return false;
    state.set(name, 'open');
    const found = spreadsIn(fragments.get(name)!).some(cyclic);
    state.set(name, 'done');
    return found;
  };
  return spreadsIn(operationOf(document)).some(cyclic);
}

/** The selections written in `document`: the size that the walks must stay linear in. */
function selectionsIn(document: DocumentNode): number {
  let selections = 0;
  visit(document, {
    Field: () => void (selections += 1),
    FragmentSpread: () => void (selections += 1),
    InlineFragment: () => void (selections += 1),
  });
  return selections;
}

/** Depth and cost by the linear walks, with the selections each visited. */
function measured(document: DocumentNode) {
  const depthCounter = { selections: 0 };
  const costCounter = { selections: 0 };
  const depth = depthMeasure(document, depthCounter)(operationOf(document));
  const cost = operationCost(schema, document, operationOf(document), {
    weights,
    counter: costCounter,
  });
  return { depth, cost, visits: Math.max(depthCounter.selections, costCounter.selections) };
}

/** The same cost as the naive walk, or MAX_COST where that exceeds it (it is inexact there). */
function expectCost(cost: CostResult, naive: CostResult): void {
  expect(cost.largestPage).toBe(naive.largestPage);
  expect(cost.cost).toBe(naive.cost <= MAX_COST ? naive.cost : MAX_COST);
}

describe('fragment measures over random fragment graphs', () => {
  it('equal the naive walks on small DAGs', () => {
    fc.assert(
      fc.property(items, fc.array(items, { minLength: 1, maxLength: 5 }), (operation, bodies) => {
        const document = parse(documentOf(operation, bodies, false));
        const { depth, cost } = measured(document);
        expect(depth).toBe(naiveDepth(operationOf(document).selectionSet, fragmentsOf(document)));
        expectCost(cost, naiveCost(document));
      }),
      { numRuns: 300 },
    );
  });

  it('visit a number of selections linear in the document, however the fragments spread', () => {
    // up to 60 fragments spreading 1–4 later ones (or any, cycles included): the naive walks
    // would follow up to 4⁶⁰ spreads
    const graph = fc.record({
      operation: items,
      bodies: fc.array(items, { minLength: 1, maxLength: 60 }),
      cycles: fc.boolean(),
    });
    fc.assert(
      fc.property(graph, ({ operation, bodies, cycles }) => {
        const document = parse(documentOf(operation, bodies, cycles));
        const { depth, cost, visits } = measured(document);
        expect(visits).toBeLessThanOrEqual(3 * selectionsIn(document));
        const endless = reachesCycle(document);
        expect(depth === Infinity).toBe(endless);
        if (endless) expect(cost.cost).toBe(MAX_COST);
        else expect(cost.cost).toBeLessThanOrEqual(MAX_COST);
      }),
      { numRuns: 300 },
    );
  });

  it('equal the naive walks when the cycles are out of reach of the operation', () => {
    fc.assert(
      fc.property(items, fc.array(items, { minLength: 1, maxLength: 5 }), (operation, bodies) => {
        const document = parse(documentOf(operation, bodies, true));
        fc.pre(!reachesCycle(document));
        const { depth, cost } = measured(document);
        expect(depth).toBe(naiveDepth(operationOf(document).selectionSet, fragmentsOf(document)));
        expectCost(cost, naiveCost(document));
      }),
      { numRuns: 200 },
    );
  });
});
