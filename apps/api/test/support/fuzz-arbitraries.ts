import fc from 'fast-check';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** Values worth trying in every slot: real ids and real quotes reach deep code, the rest attacks it. */
export interface FuzzPools {
  ids: string[];
  quotes: string[];
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e\u200b\ufeff',
  "'; DROP TABLE claims; --",
  '%',
  '_',
  '\\',
  '(',
  '|',
  ':*',
  '!',
  '&',
  '<->',
  'null',
  'undefined',
  '0',
  '-1',
  'NaN',
  '1e309',
  'http://',
  'javascript:alert(1)',
  'https://example.org/a b',
  'ftp://example.org/',
  'x'.repeat(5_000),
  '😀'.repeat(300),
  'e\u0301'.repeat(50),
];

const string = (pools: FuzzPools): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: pools.quotes.length ? fc.constantFrom(...pools.quotes) : fc.string() },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20 })
        .map((codes) => String.fromCharCode(...codes)),
    },
  );

const id = (pools: FuzzPools): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: pools.ids.length ? fc.constantFrom(...pools.ids) : fc.string() },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('Claim', 'Actor', 'Article', 'Passage', 'Attribution', 'Review', 'X'),
          fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
        )
        .map(([type, key]) => Buffer.from(`${type}:${key}`).toString('base64url')),
    },
    { weight: 2, arbitrary: string(pools) },
  );

const dateTime = (pools: FuzzPools): fc.Arbitrary<string> =>
  fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom(
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '+275760-09-13T00:00:00.000Z',
      '-000001-01-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-01-01',
      '2026-01-01T25:00:00Z',
    ),
    string(pools),
  );

const int = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, 1.5) },
);

/** Values of `type`, mostly well-typed (so they pass GraphQL coercion and reach the resolvers). */
export function arbitraryFor(type: GraphQLInputType, pools: FuzzPools): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType, pools);
  if (isListType(type)) return fc.array(arbitraryFor(type.ofType, pools), { maxLength: 4 });
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(
      fields.map((field) => [
        field.name,
        isNonNullType(field.type)
          ? arbitraryFor(field.type, pools)
          : fc.option(arbitraryFor(field.type, pools), { nil: null, freq: 4 }),
      ]),
    );
    return fc.record(model, {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return id(pools);
      case 'Int':
        return int;
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), int);
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return dateTime(pools);
      case 'JSON':
        return fc.jsonValue({ maxDepth: 2 });
      default:
        return string(pools);
    }
  }
  throw new Error(`no arbitrary for ${String(type)}`);
}

/** A selection of the scalar fields of `type` (and, `depth` levels down, of its object fields). */
export function selectionFor(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} ${selectionFor(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

export interface FuzzOperation {
  name: string;
  kind: 'query' | 'mutation';
  query: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

/** One fuzzable operation per root Query and Mutation field, every argument a variable. */
export function fuzzOperations(schema: GraphQLSchema, pools: FuzzPools): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const params = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const model = Object.fromEntries(
        field.args.map((arg) => [
          arg.name,
          isNonNullType(arg.type)
            ? arbitraryFor(arg.type, pools)
            : fc.option(arbitraryFor(arg.type, pools), { nil: null, freq: 3 }),
        ]),
      );
      operations.push({
        name: field.name,
        kind,
        query: `${kind}${params ? `(${params})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionFor(getNamedType(field.type), 2)} }`,
        variables: fc.record(model, {
          requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
        }),
      });
    }
  }
  return operations;
}
