import { buildSchema, GraphQLError } from 'graphql';
import { loadConfig } from '@claimtrace/core';
import { OperationGuards } from './operation-guards';

const schema = buildSchema(`
  enum Stance { ASSERTS DENIES }
  type Claim { id: ID! text: String! }
  type Query { claims(first: Int, stance: Stance): [Claim!]! claim(id: ID!): Claim }
`);

const guards = (env: Record<string, string> = {}) =>
  new OperationGuards(
    loadConfig({ QUERY_MAX_TOKENS: '50', RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE: '10', ...env }),
  );

const errors = (result: unknown) =>
  (result as GraphQLError[]).map((error) => [error.extensions.code, error.message]);

describe('OperationGuards', () => {
  it('stops parsing at QUERY_MAX_TOKENS with GRAPHQL_PARSE_FAILED', () => {
    const [[code, message]] = errors(
      guards().prepare(schema, `{ ${'claims { id } '.repeat(20)} }`, null),
    );
    expect(code).toBe('GRAPHQL_PARSE_FAILED');
    expect(message).toMatch(/more that 50 tokens/);
  });

  it('refuses introspection and hides suggestions unless GRAPHQL_INTROSPECTION=true', () => {
    expect(errors(guards().prepare(schema, '{ __schema { types { name } } }', null))[0][0]).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    expect(errors(guards().prepare(schema, '{ claimz { id } }', null))).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "claimz" on type "Query".'],
    ]);
    const open = guards({ GRAPHQL_INTROSPECTION: 'true' });
    expect(open.prepare(schema, '{ __schema { types { name } } }', null)).toHaveProperty(
      'document',
    );
    expect(errors(open.prepare(schema, '{ claimz { id } }', null))[0][1]).toMatch(/Did you mean/);
  });

  it('codes variable errors BAD_USER_INPUT, without suggestions', () => {
    const g = guards();
    const prepared = g.prepare(schema, 'query($s: Stance) { claims(stance: $s) { id } }', null);
    if (!('operation' in prepared)) throw new Error('not prepared');
    expect(errors(g.coerceVariables(schema, prepared.operation, { s: 'DENIEZ' }))).toEqual([
      [
        'BAD_USER_INPUT',
        'Variable "$s" got invalid value "DENIEZ"; Value "DENIEZ" does not exist in "Stance" enum.',
      ],
    ]);
    expect(g.coerceVariables(schema, prepared.operation, { s: 'DENIES' })).toEqual([]);
  });

  it('names an unknown operation with OPERATION_RESOLUTION_FAILURE', () => {
    expect(errors(guards().prepare(schema, 'query A { claims { id } }', 'B'))).toEqual([
      ['OPERATION_RESOLUTION_FAILURE', 'Unknown operation named "B".'],
    ]);
  });

  it('checks text inputs, then cost, then spends one rate budget per client', () => {
    const g = guards();
    const prepared = g.prepare(schema, '{ claims(first: 3) { id } }', null);
    if (!('operation' in prepared)) throw new Error('not prepared');
    const operation = { schema, ...prepared, variables: {}, clientKey: 'ip:1' };
    expect(() => g.check({ ...operation, variables: { x: 'a\u0000' } })).toThrow(/NUL/);
    g.check(operation); // cost 1 + 3 × 1 = 4 of 10
    g.check(operation); // 8 of 10
    expect(() => g.check(operation)).toThrow(/Too many requests/);
    g.check({ ...operation, clientKey: 'ip:2' });
  });
});
