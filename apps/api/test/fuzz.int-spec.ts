import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { toGlobalId } from '@claimtrace/core';
import { DemoLoader } from '@claimtrace/demo';
import { fuzzOperations, FuzzOperation, FuzzPools } from './support/fuzz-arbitraries';
import { invariantViolations } from './support/invariants';
import { RawSocket } from './support/raw-socket';
import { listen } from './live-client';
import { startTestApp, TestApp } from './test-app';

// Property-based fuzzing of every query and mutation argument (fast-check): random and malformed
// values, real ids and real quotes mixed in so requests reach deep code. Whatever is sent, the
// answer is never a 5xx nor an INTERNAL_SERVER_ERROR, and the database invariants hold afterwards.
// FUZZ_RUNS sets the runs per property (default 50; .ci/run uses 150), FUZZ_SEED replays a failure.

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (runs: number): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(runs)),
  seed: SEED,
  endOnFailure: true, // report the first failure as found; shrinking over HTTP takes too long
});

jest.setTimeout(Math.max(120_000, RUNS * 2_000));

/** The operations' documents with a random cut and insertion, or any string at all. */
function mangledDocuments(operations: FuzzOperation[]): fc.Arbitrary<string> {
  const mangled = fc
    .tuple(
      fc.constantFrom(...operations.map((o) => o.query)),
      fc.nat(),
      fc.nat({ max: 20 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
    )
    .map(([doc, at, cut, insert]) => {
      const i = at % (doc.length + 1);
      return doc.slice(0, i) + insert + doc.slice(i + cut);
    });
  return fc.oneof(mangled, fc.string({ unit: 'binary' }));
}

describe('fuzzing every argument', () => {
  let t: TestApp;
  let operations: FuzzOperation[];
  let socket: RawSocket;

  /** Sends and answers a description of a server failure, or null when the answer is sound. */
  const failure = async (query: string, variables: unknown): Promise<string | null> => {
    const response = await t.send(query, variables);
    if (response.statusCode >= 500) return `HTTP ${response.statusCode}: ${response.body}`;
    const body = response.json() as { errors?: { extensions?: { code?: string } }[] };
    const internal = body.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
    return internal ? JSON.stringify(body.errors) : null;
  };

  /** The same over graphql-ws: the operation's first answer, and the socket must stay open. */
  const socketFailure = async (query: string, variables: unknown): Promise<string | null> => {
    const answer = await socket.request(query, variables as Record<string, unknown>);
    if (answer.closeCode !== undefined) return `socket closed ${answer.closeCode}`;
    const internal = answer.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
    return internal ? JSON.stringify(answer.errors) : null;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoLoader).load();
    const ids: string[] = [];
    for (const [type, table] of [
      ['Claim', 'claims'],
      ['Actor', 'actors'],
      ['Article', 'articles'],
      ['Passage', 'passages'],
      ['Attribution', 'attributions'],
      ['Review', 'reviews'],
    ]) {
      const rows = await t.db.query<{ id: string }>(`SELECT id FROM ${table} LIMIT 10`);
      ids.push(...rows.map((row) => toGlobalId(type, row.id)));
    }
    const [article] = await t.db.query<{ text: string }>(`SELECT text FROM articles LIMIT 1`);
    const words = article.text.split(/\s+/).filter(Boolean);
    const quotes = [
      ...article.text.split(/(?<=[.!?])\s+/).slice(0, 20),
      ...words.slice(0, 40),
      ...Array.from({ length: 20 }, (_, i) => words.slice(i * 3, i * 3 + 4).join(' ')),
    ];
    const pools: FuzzPools = { ids, quotes };
    operations = fuzzOperations(t.app.get(GraphQLSchemaHost).schema, pools);
    socket = await RawSocket.open(await listen(t.app), t.adminToken);
  });
  afterAll(async () => {
    socket.close();
    await t.close();
  });

  it('covers every query and mutation of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const roots = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ];
    expect(operations.map((o) => o.name).sort()).toEqual(roots.sort());
  });

  it(`sends ${RUNS} typed random inputs to every mutation and query: never a server error`, async () => {
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(operation.variables, async (variables) => {
          const failed = await failure(operation.query, variables);
          if (failed) throw new Error(`${operation.name}: ${failed}`);
        }),
        params(RUNS),
      );
    }
  });

  it('sends malformed variables (any JSON) to every operation: never a server error', async () => {
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.string(), fc.jsonValue())),
          async (variables) => {
            const failed = await failure(operation.query, variables);
            if (failed) throw new Error(`${operation.name}: ${failed}`);
          },
        ),
        params(RUNS / 4),
      );
    }
  });

  it('sends mangled documents: never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(mangledDocuments(operations), async (query) => {
        const failed = await failure(query, {});
        if (failed) throw new Error(`${JSON.stringify(query)}: ${failed}`);
      }),
      params(RUNS),
    );
  });

  it(`sends ${RUNS} typed random inputs, malformed variables and mangled documents over graphql-ws: never a server error`, async () => {
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(operation.variables, fc.dictionary(fc.string(), fc.jsonValue())),
          async (variables) => {
            const failed = await socketFailure(operation.query, variables);
            if (failed) throw new Error(`${operation.name} over graphql-ws: ${failed}`);
          },
        ),
        params(RUNS / 2),
      );
    }
    await fc.assert(
      fc.asyncProperty(mangledDocuments(operations), async (query) => {
        const failed = await socketFailure(query, {});
        if (failed) throw new Error(`${JSON.stringify(query)} over graphql-ws: ${failed}`);
      }),
      params(RUNS),
    );
  });

  it('leaves the database consistent: no orphan passages, acyclic chains, histories and versions agree, ordered events', async () => {
    expect(await invariantViolations(t.db, { sequential: true })).toEqual([]);
    // and the fuzzing did write (so the invariants were put to the test)
    expect(await t.count('claim_events')).toBeGreaterThan(20);
  });
});
