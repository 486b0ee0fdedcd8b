import { createRequire } from 'node:module';
import { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { watch, watchLine, watchTarget } from './watch.command';

// graphql-ws's ws adapter is a subpath export, which this TypeScript setup cannot resolve by type.
const { useServer } = createRequire(__filename)('graphql-ws/use/ws') as {
  useServer: (options: object, server: WebSocketServer) => { dispose(): Promise<void> };
};

/**
 * `claimtrace watch` against a small graphql-ws server (loopback) that serves a fixed log of five
 * events and drops the connection after two, as a restarting instance would.
 */
describe('claimtrace watch', () => {
  const schema = buildSchema(`
    scalar JSON
    type Claim { id: ID! }
    type Person { id: ID! name: String! }
    type ClaimEvent { id: ID! cursor: String! kind: String! at: String! by: String person: Person payload: JSON claim: Claim }
    type Query { ok: Boolean }
    type Subscription { claimEvents(claimId: ID, actorId: ID, after: String): ClaimEvent! }
  `);
  const log = [1, 2, 3, 4, 5].map((n) => ({
    id: `e${n}`,
    cursor: `c${n}`,
    kind: 'CLAIM_UPDATED',
    at: `2026-01-0${n}T00:00:00.000Z`,
    by: n === 1 ? 'ana-laptop' : null,
    person: n === 1 ? { id: 'p1', name: 'Ana Lima' } : null,
    payload: { n },
    claim: { id: 'claim-1' },
  }));
  const afters: (string | null)[] = [];
  let connections = 0;
  let server: WebSocketServer;
  let url: string;

  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/graphql' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    useServer(
      {
        schema,
        context: (ctx: unknown) => ctx,
        onConnect: () => {
          connections += 1;
        },
        roots: {
          subscription: {
            claimEvents: async function* (
              args: { after?: string | null },
              ctx: { extra: { socket: { close(code: number): void } } },
            ) {
              afters.push(args.after ?? null);
              if (args.after === 'nope') throw new Error('`after` is not an event cursor');
              const start = args.after ? log.findIndex((e) => e.cursor === args.after) + 1 : 0;
              const first = connections === 1;
              for (const [i, event] of log.slice(start).entries()) {
                if (first && i === 2) {
                  ctx.extra.socket.close(1012); // the instance restarts mid-stream
                  return;
                }
                yield { claimEvents: event };
              }
            },
          },
        },
      },
      server,
    );
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('prints JSON lines and resumes after the last printed cursor when the connection drops', async () => {
    const lines: string[] = [];
    const logs: string[] = [];
    const controller = new AbortController();
    await watch({
      url,
      claimId: 'claim-1',
      write: (line) => {
        lines.push(line);
        if (lines.length === 5) controller.abort();
      },
      log: (line) => logs.push(line),
      signal: controller.signal,
      retryDelayMs: 10,
    });
    expect(lines.map((line) => JSON.parse(line).payload.n)).toEqual([1, 2, 3, 4, 5]);
    expect(afters.slice(0, 2)).toEqual([null, 'c2']);
    expect(JSON.parse(lines[0])).toEqual({
      cursor: 'c1',
      kind: 'CLAIM_UPDATED',
      at: '2026-01-01T00:00:00.000Z',
      by: 'ana-laptop',
      person: 'Ana Lima',
      claimId: 'claim-1',
      payload: { n: 1 },
    });
  });

  it('ends with the server message when the request itself is wrong', async () => {
    await expect(
      watch({
        url,
        after: 'nope',
        write: () => undefined,
        log: () => undefined,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('is not an event cursor');
  });

  it('formats an event without a claim with claimId null', () => {
    expect(JSON.parse(watchLine({ ...log[0], claim: null })).claimId).toBeNull();
  });
});

describe('which API `claimtrace watch` follows', () => {
  const api = {
    pid: 4242,
    dashboard: 'http://localhost:3001/',
    graphql: 'http://localhost:3001/graphql',
    websocket: 'ws://localhost:3001/graphql',
    startedAt: '2026-12-07T10:00:00.000Z',
  };
  const file = '/srv/claimtrace/.data/api.json';

  it('the one given (--url or CLAIMTRACE_URL) over the one recorded', () => {
    expect(watchTarget('ws://other:3000/graphql', { state: 'running', api, file })).toEqual({
      url: 'ws://other:3000/graphql',
    });
  });

  it('else the API running on the data folder', () => {
    expect(watchTarget(undefined, { state: 'running', api, file })).toEqual({
      url: 'ws://localhost:3001/graphql',
      found: file,
    });
  });

  it('says so when that API has stopped or there is none, and how to point it', () => {
    const stopped = watchTarget(undefined, { state: 'stopped', api, file });
    expect((stopped as { problem: string }).problem).toMatch(
      /process 4242, http:\/\/localhost:3001\/graphql\) is no longer running.*CLAIMTRACE_DATA_DIR.*--url/,
    );
    const none = watchTarget(undefined, { state: 'none', file });
    expect((none as { problem: string }).problem).toMatch(
      /No running Claimtrace API found.*\/srv\/claimtrace\/\.data\/api\.json.*CLAIMTRACE_DATA_DIR/,
    );
  });
});
