import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { ErrorCode, findInputProblem, hasInvalidText, inputProblemMessage } from '@claimtrace/core';

/** Where in `value` a string holds invalid text (`input.tags[2]`), or null when none does. */
export function invalidTextPath(value: unknown): string | null {
  const problem = findInputProblem(value, Infinity);
  return problem?.kind === 'text' ? problem.at : null;
}

/**
 * Refuses any string argument, in the variables or written in the document, that holds NUL or an
 * unpaired surrogate — PostgreSQL would refuse the first with an internal error, and the second
 * would be stored silently changed (as U+FFFD) — and variables nested deeper than MAX_INPUT_DEPTH
 * (graphql-js coerces them recursively: 10,000 levels overflowed the stack). One check for every
 * argument of every operation, on every transport; linear in the size of the input.
 */
export function checkTextInputs(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): void {
  const problem = findInputProblem(variables ?? {});
  let message = problem ? inputProblemMessage({ ...problem, at: `$${problem.at}` }) : null;
  let at = problem ? `$${problem.at}` : null;
  if (!problem) {
    visit(document, {
      [Kind.STRING](node) {
        if (!at && hasInvalidText(node.value)) {
          at = 'a string in the query';
          message = inputProblemMessage({ kind: 'text', at });
        }
      },
    });
  }
  if (message) {
    throw new GraphQLError(message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, at, http: { status: 400 } },
    });
  }
}
