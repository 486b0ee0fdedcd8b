import {
  ExecutionResult,
  GraphQLID,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { sharedSubscribe } from './shared-subscribe';

interface Tick {
  n: number;
}

/** A schema whose subscription streams the given ticks and counts how often `label` runs. */
function tickSchema(ticks: Tick[], closed: string[]) {
  const calls = { label: 0 };
  const TickType = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: { type: GraphQLInt },
      label: {
        type: GraphQLString,
        args: { prefix: { type: GraphQLString } },
        resolve: (tick: Tick, args: { prefix?: string }) => {
          calls.label += 1;
          return `${args.prefix ?? ''}${tick.n}`;
        },
      },
    },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticks: {
          type: TickType,
          args: { id: { type: GraphQLID } },
          subscribe: (_root, args: { id?: string }) => {
            let i = 0;
            const iterator: AsyncIterableIterator<Tick> = {
              next: async () =>
                i < ticks.length
                  ? { value: ticks[i++], done: false }
                  : { value: undefined, done: true },
              return: async () => {
                closed.push(args.id ?? 'none');
                return { value: undefined, done: true };
              },
              [Symbol.asyncIterator]() {
                return iterator;
              },
            };
            return iterator;
          },
          resolve: (tick: Tick) => tick,
        },
      },
    }),
  });
  return { schema, calls };
}

async function collect(
  stream: AsyncIterableIterator<ExecutionResult> | ExecutionResult,
): Promise<ExecutionResult[]> {
  const results: ExecutionResult[] = [];
  for await (const result of stream as AsyncIterableIterator<ExecutionResult>) {
    results.push(result);
  }
  return results;
}

describe('sharedSubscribe', () => {
  const ticks: Tick[] = [{ n: 1 }, { n: 2 }, { n: 3 }];

  it('executes each event once for subscribers of the same operation, sharing the result', async () => {
    const { schema, calls } = tickSchema(ticks, []);
    const subscribe = sharedSubscribe();
    const query = 'subscription { ticks(id: "a") { n label(prefix: "#") } }';
    const streams = await Promise.all(
      [1, 2, 3, 4].map(() =>
        subscribe({ schema, document: parse(query), contextValue: { role: 'EDITOR' } }),
      ),
    );
    const delivered = await Promise.all(streams.map(collect));

    expect(delivered[0].map((r) => r.data)).toEqual([
      { ticks: { n: 1, label: '#1' } },
      { ticks: { n: 2, label: '#2' } },
      { ticks: { n: 3, label: '#3' } },
    ]);
    for (const results of delivered.slice(1)) {
      results.forEach((result, i) => expect(result).toBe(delivered[0][i]));
    }
    expect(calls.label).toBe(3);
  });

  it('executes separately when the variables, the document or the role differ', async () => {
    const { schema, calls } = tickSchema(ticks, []);
    const subscribe = sharedSubscribe();
    const withVariable = parse('subscription($p: String) { ticks { label(prefix: $p) } }');
    const streams = await Promise.all([
      subscribe({ schema, document: withVariable, variableValues: { p: 'a' } }),
      subscribe({ schema, document: withVariable, variableValues: { p: 'b' } }),
      subscribe({ schema, document: parse('subscription { ticks { n label } }') }),
      subscribe({
        schema,
        document: parse('subscription { ticks { n label } }'),
        contextValue: { role: 'ADMIN' },
      }),
    ]);
    const delivered = await Promise.all(streams.map(collect));

    expect(delivered[0][0].data).toEqual({ ticks: { label: 'a1' } });
    expect(delivered[1][0].data).toEqual({ ticks: { label: 'b1' } });
    expect(delivered[2][0].data).toEqual({ ticks: { n: 1, label: '1' } });
    expect(delivered[3][0]).not.toBe(delivered[2][0]);
    expect(delivered[3][0].data).toEqual(delivered[2][0].data);
    expect(calls.label).toBe(12);
  });

  it('passes return() on to the source so a completed subscription unregisters its stream', async () => {
    const closed: string[] = [];
    const { schema } = tickSchema(ticks, closed);
    const stream = (await sharedSubscribe()({
      schema,
      document: parse('subscription { ticks(id: "x") { n } }'),
    })) as AsyncIterableIterator<ExecutionResult>;

    expect((await stream.next()).value).toEqual({ data: { ticks: { n: 1 } } });
    await expect(stream.return!()).resolves.toEqual({ value: undefined, done: true });
    expect(closed).toEqual(['x']);
  });

  it('answers an operation it cannot subscribe to with an error result, not a stream', async () => {
    const { schema } = tickSchema(ticks, []);
    const result = await sharedSubscribe()({
      schema,
      document: parse('subscription { ticks(id: "a") { n } }'),
      operationName: 'Missing',
    });

    expect('errors' in result && result.errors?.[0].message).toContain('Unknown operation named');
  });
});
