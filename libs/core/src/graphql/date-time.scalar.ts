import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parse(value: unknown): Date {
  if (typeof value === 'string' && ISO_8601.test(value)) {
    const date = new Date(value);
    // Reject dates that JavaScript silently rolls over (2026-02-30 → March 2).
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10)) {
      return date;
    }
    if (!Number.isNaN(date.getTime()) && value.length > 10) return date;
  }
  throw new GraphQLError(
    `Expected a date-time in ISO 8601 form such as 2026-03-14 or 2026-03-14T09:30:00Z, got ${JSON.stringify(value)}.`,
    { extensions: { code: 'BAD_USER_INPUT' } },
  );
}

/** A date-time in ISO 8601; anything else in input is a BAD_USER_INPUT error, never an Invalid Date. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2026-03-14T09:30:00.000Z (ISO 8601).',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Expected a date-time string in ISO 8601 form.', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});
