import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { ErrorCode } from '../errors/domain.errors';
import { DATE_TIME_FORMS, InvalidDateTime, parseDateTime } from '../time/parse-date-time';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });
}

function parse(value: unknown): Date {
  if (typeof value !== 'string') {
    throw invalid(
      `Expected ${DATE_TIME_FORMS}, as a string; got ${JSON.stringify(value) ?? typeof value}.`,
    );
  }
  try {
    return parseDateTime(value);
  } catch (error) {
    if (error instanceof InvalidDateTime) throw invalid(error.message);
    throw error;
  }
}

/**
 * A date-time in ISO 8601. In input, one parser (parseDateTime) for every DateTime argument and
 * input field: anything it refuses — not ISO, year 0000 or past 9999, 30 February, 24:00, a leap
 * second, an offset beyond ±14:00 — is a BAD_USER_INPUT saying why, never an Invalid Date nor a
 * date silently rolled over.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2026-03-14T09:30:00.000Z (ISO 8601).',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parse(ast.value);
    throw invalid(`Expected ${DATE_TIME_FORMS}, as a string; got ${print(ast).slice(0, 64)}.`);
  },
});
