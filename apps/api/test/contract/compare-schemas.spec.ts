import { buildSchema } from 'graphql';
import { compareSchemas } from './compare-schemas';

describe('the contract comparison', () => {
  const CONTRACT = `
    scalar DateTime
    interface Node { id: ID! }
    enum Color { RED GREEN }
    type Thing implements Node { id: ID! name: String tags: [String!]! at: DateTime }
    input ThingInput { url: String! name: String color: Color }
    type Query { thing(id: ID!, color: Color): Thing things(input: ThingInput!): [Thing!]! }
  `;
  const compare = (ours: string, scalars: Record<string, string> = {}) =>
    compareSchemas(buildSchema(CONTRACT), buildSchema(ours), scalars).map((p) => p.message);

  it('accepts an equal schema and additions', () => {
    expect(compare(`${CONTRACT} type Extra { a: Int } extend enum Color { BLUE }`)).toEqual([]);
  });

  it('accepts stricter outputs and looser inputs', () => {
    const ours = CONTRACT.replace('name: String tags', 'name: String! tags')
      .replace('url: String!', 'url: String')
      .replace('thing(id: ID!', 'thing(id: ID');
    expect(compare(ours)).toEqual([]);
  });

  it('reports looser outputs, stricter inputs and new required inputs', () => {
    const ours = CONTRACT.replace('tags: [String!]!', 'tags: [String]!')
      .replace('name: String color', 'name: String! color')
      .replace('color: Color): Thing', 'color: Color, limit: Int!): Thing');
    expect(compare(ours)).toEqual([
      'field Thing.tags is [String]! in schema.gql, [String!]! in the contract',
      'input field ThingInput.name is String! in schema.gql, String in the contract',
      'argument Query.thing(limit) is required but not in the contract',
    ]);
  });

  it('reports missing types, fields, arguments, enum values and interfaces', () => {
    const ours = `
      interface Node { id: ID! }
      enum Color { RED }
      type Thing { id: ID! name: String tags: [String!]! }
      input ThingInput { url: String! color: Color }
      type Query { thing(id: ID!): Thing things(input: ThingInput!): [Thing!]! }
    `;
    expect(compare(ours)).toEqual([
      'scalar DateTime is missing',
      'enum value Color.GREEN is missing',
      'Thing does not implement Node',
      'field Thing.at is missing',
      'input field ThingInput.name is missing',
      'argument Query.thing(color) is missing',
    ]);
  });

  it('accepts a custom scalar for a String only where allowed', () => {
    const ours = `scalar URL ${CONTRACT.replace('url: String!', 'url: URL!')}`;
    expect(compare(ours)).toEqual([
      'input field ThingInput.url is URL! in schema.gql, String! in the contract',
    ]);
    expect(compare(ours, { 'ThingInput.url': 'URL' })).toEqual([]);
  });
});
