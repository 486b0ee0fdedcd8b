/** NUL (PostgreSQL text cannot hold it) and UTF-16 surrogates without their pair (not Unicode). */
const INVALID_TEXT = new RegExp(
  // eslint-disable-next-line no-control-regex -- finding NUL is the point
  '\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
);

/** How deep lists and objects may nest in a client's input (the schema's inputs need under 10). */
export const MAX_INPUT_DEPTH = 64;

export function hasInvalidText(text: string): boolean {
  return INVALID_TEXT.test(text);
}

/** What is wrong with a client's input value, and where (`i.tags[2]`). */
export interface InputProblem {
  kind: 'text' | 'depth';
  at: string;
}

interface Visit {
  value: unknown;
  depth: number;
  key: string | number | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) keys.push(at.key);
  let path = '';
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    const key = keys[i];
    path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  }
  return path || '(value)';
}

/**
 * The first problem of a client's input value (variables, JSON, query parameters): a string or
 * object key holding NUL or an unpaired surrogate, or lists and objects nested deeper than
 * `maxDepth`. Iterative, each value visited once: linear time and constant stack, however deep the
 * value (a recursive walk overflowed the stack on a list nested 10,000 levels).
 */
export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH): InputProblem | null {
  const stack: Visit[] = [{ value, depth: 0, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      if (INVALID_TEXT.test(current)) return { kind: 'text', at: pathOf(visit) };
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    if (visit.depth >= maxDepth) return { kind: 'depth', at: pathOf(visit) };
    const depth = visit.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) {
        stack.push({ value: current[i], depth, key: i, parent: visit });
      }
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i];
      const child: Visit = {
        value: (current as Record<string, unknown>)[key],
        depth,
        key,
        parent: visit,
      };
      if (INVALID_TEXT.test(key)) return { kind: 'text', at: pathOf(child) };
      stack.push(child);
    }
  }
  return null;
}

/** The sentence a client gets for an input problem. */
export function inputProblemMessage(problem: InputProblem, maxDepth = MAX_INPUT_DEPTH): string {
  return problem.kind === 'text'
    ? `Text may not contain the NUL character (U+0000) or unpaired UTF-16 surrogates (at ${problem.at}).`
    : `Input is nested too deep: lists and objects may nest at most ${maxDepth} levels (at ${problem.at.length > 200 ? `${problem.at.slice(0, 200)}…` : problem.at}).`;
}
