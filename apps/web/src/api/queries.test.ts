/// <reference types="node" />
// Every document the page sends is valid against schema.gql, and the schema's types that the page
// is compiled against (graphql-env.d.ts) are those of the committed schema.gql.
import { readFileSync } from 'node:fs';
import { minifyIntrospection, outputIntrospectionFile } from '@gql.tada/internal';
import { buildSchema, introspectionFromSchema, parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS } from './queries';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const schema = buildSchema(read('../../../../schema.gql'));

describe("the page's GraphQL documents", () => {
  it.each(Object.entries(DOCUMENTS))('%s is valid against schema.gql', (_, document) => {
    const errors = validate(schema, parse(print(document))).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it('are compiled against the schema as committed (else run `npm run web:types`)', () => {
    const current = outputIntrospectionFile(minifyIntrospection(introspectionFromSchema(schema)), {
      fileType: '.d.ts',
      shouldPreprocess: true,
    });
    expect(read('./graphql-env.d.ts')).toBe(current);
  });
});
