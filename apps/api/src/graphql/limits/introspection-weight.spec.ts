import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, executeSync, getOperationAST, parse } from 'graphql';
import { introspectionWeight } from './introspection-weight';

const schema = buildSchema(readFileSync(join(__dirname, '../../../../../schema.gql'), 'utf8'));

const types = () => Object.keys(schema.getTypeMap()).length;

/** The weight of `query`'s answer on the committed schema. */
function weigh(query: string): number {
  const document = parse(query);
  const { data } = executeSync({ schema, document });
  return introspectionWeight(document, getOperationAST(document)!, data);
}

describe('introspectionWeight', () => {
  it('counts every value the introspection answered, 1 each', () => {
    expect(weigh(`{ __type(name: "Claim") { name } }`)).toBe(2);
    expect(weigh(`{ __schema { types { name } } }`)).toBe(1 + 1 + types()); // __schema, types, names
  });

  it('finds the introspection fields under aliases and fragments, and weighs nothing else', () => {
    const one = weigh(`{ __schema { types { name fields { name } } } }`);
    expect(one).toBeGreaterThan(types());
    expect(
      weigh(`query { a: __schema { types { name fields { name } } } ...F
        ... on Query { c: __schema { types { name fields { name } } } } }
        fragment F on Query { b: __schema { types { name fields { name } } } }`),
    ).toBe(3 * one);
    expect(weigh(`{ __typename }`)).toBe(0);
  });

  it('weighs the types with their fields and arguments at over a thousand', () => {
    const weight = weigh(
      `{ __schema { types { name kind description fields { name description args { name } type { name kind } } } } }`,
    );
    expect(weight).toBeGreaterThan(1_000);
    expect(weight).toBeLessThan(5_000);
  });
});
