import type { DocumentNode } from 'graphql';

/** What the guards compute of an operation before it runs: its cost and its largest page. */
export interface OperationMeasure {
  cost: number;
  largestPage: number;
}

/** Variables longer than this (as JSON) are measured every time rather than kept. */
const MAX_KEY_LENGTH = 1024;
/** Variable sets kept per document; the oldest is dropped first. */
const MAX_PER_DOCUMENT = 64;

/**
 * The measure of each (document, variables) already checked, so that a page asked again is not
 * walked and costed again (~0.4 ms of a 7 ms page). Apollo hands the same parsed document object
 * to every request with the same query text (its document store), hence the WeakMap: a document
 * Apollo forgets is forgotten here too. Measuring is a pure function of the document, the
 * operation and the variables (and of the schema and weights, fixed for a server), and only
 * operations that passed the text-input check and coerced are measured, so a kept measure is the
 * one the same request would compute; the rate limiter still charges it on every request.
 */
export class OperationMeasures {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, OperationMeasure>>();

  measure(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Readonly<Record<string, unknown>> | undefined,
    compute: () => OperationMeasure | null,
  ): OperationMeasure | null {
    const key = keyOf(operationName, variables);
    if (key === null || key.length > MAX_KEY_LENGTH) return compute();
    let kept = this.byDocument.get(document);
    const found = kept?.get(key);
    if (found) return found;
    const measured = compute();
    if (!measured) return measured;
    if (!kept) this.byDocument.set(document, (kept = new Map()));
    kept.set(key, measured);
    if (kept.size > MAX_PER_DOCUMENT) kept.delete(kept.keys().next().value as string);
    return measured;
  }
}

/**
 * The key of an operation's name and variables, or null for variables JSON cannot write (nested
 * deeper than its stack allows: `compute` refuses those with a coded error).
 */
function keyOf(
  operationName: string | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): string | null {
  try {
    return `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  } catch {
    return null;
  }
}
