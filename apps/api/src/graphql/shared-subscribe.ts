import { createSourceEventStream, execute, ExecutionArgs, ExecutionResult, print } from 'graphql';
import { RequestContext } from '@claimtrace/core';

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * graphql-ws's `subscribe`, executing each event once per distinct operation instead of once per
 * subscriber. Thousands of dashboards follow the same claims with the same subscription document;
 * graphql's own `subscribe` would run the selection set for every one of them. Here the results
 * are shared by event object (the log tailer pushes one object to every stream) and by operation:
 * the printed document, the operation name, the variables and the caller's role, which is all a
 * result depends on. What stays per subscriber is the source stream (its filter and cursor) and
 * the socket write.
 */
export function sharedSubscribe(): (
  args: ExecutionArgs,
) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const results = new WeakMap<object, Map<string, Result>>();
  const printed = new WeakMap<object, string>();
  return async (args) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source as ExecutionResult;
    let document = printed.get(args.document);
    if (document === undefined) printed.set(args.document, (document = print(args.document)));
    const key = operationKey(document, args);
    return mapEvents(source, (event) => {
      if (event === null || typeof event !== 'object')
        return execute({ ...args, rootValue: event });
      let byOperation = results.get(event);
      if (!byOperation) results.set(event, (byOperation = new Map()));
      let result = byOperation.get(key);
      if (!result) byOperation.set(key, (result = execute({ ...args, rootValue: event })));
      return result;
    });
  };
}

/** What a subscription's result depends on besides the event. */
export function operationKey(document: string, args: ExecutionArgs): string {
  const context = args.contextValue as Partial<RequestContext> | undefined;
  return JSON.stringify([
    document,
    args.operationName ?? null,
    args.variableValues ?? null,
    context?.role ?? null,
  ]);
}

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown>)?.[Symbol.asyncIterator] === 'function';
}

/**
 * The source's events mapped through `map`, one at a time; `return` and `throw` reach the source
 * (closing a subscription unregisters its stream). A mapping that throws closes the source and
 * ends the subscription with that error.
 */
export function mapEvents(
  source: AsyncIterable<unknown>,
  map: (event: unknown) => Result,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped = async (
    step: IteratorResult<unknown>,
  ): Promise<IteratorResult<ExecutionResult>> => {
    if (step.done) return { value: undefined, done: true };
    try {
      return { value: await map(step.value), done: false };
    } catch (error) {
      await iterator.return?.().catch(() => undefined);
      throw error;
    }
  };
  return {
    next: async () => mapped(await iterator.next()),
    return: async () => {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      if (iterator.throw) return mapped(await iterator.throw(error));
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
