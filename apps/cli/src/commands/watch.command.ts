import { Command } from 'commander';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { findRunningApi, loadConfig, RunningApiLookup } from '@claimtrace/core';
import { dataDirOf } from '@claimtrace/database';

const SUBSCRIPTION = `subscription($claimId: ID, $actorId: ID, $after: String) {
  claimEvents(claimId: $claimId, actorId: $actorId, after: $after) {
    id cursor kind at by person { id name } payload claim { id }
  }
}`;

export interface WatchedEvent {
  id: string;
  cursor: string;
  kind: string;
  at: string;
  by: string | null;
  /** who made the change; absent when the API predates people */
  person?: { id: string; name: string } | null;
  payload: unknown;
  claim: { id: string } | null;
}

export interface WatchOptions {
  /** the API's graphql-ws address, e.g. ws://localhost:3000/graphql */
  url: string;
  claimId?: string;
  actorId?: string;
  after?: string;
  /** where each line goes (stdout) */
  write: (line: string) => void;
  /** diagnostics (stderr) */
  log: (line: string) => void;
  /** ends the watch */
  signal: AbortSignal;
  /** pause before reconnecting after the connection drops (ms) */
  retryDelayMs?: number;
}

/** One event as one JSON line: what `claimtrace watch` prints. */
export function watchLine(event: WatchedEvent): string {
  return JSON.stringify({
    cursor: event.cursor,
    kind: event.kind,
    at: event.at,
    by: event.by,
    person: event.person?.name ?? null,
    claimId: event.claim?.id ?? null,
    payload: event.payload,
  });
}

/**
 * Follows `claimEvents` until the signal aborts. When the connection drops (the instance restarts,
 * the network blips), it reconnects and resumes after the last cursor it printed: no event is
 * printed twice or skipped. An error the server reports about the request itself (a bad cursor or
 * id) ends the watch with that message.
 */
export async function watch(options: WatchOptions): Promise<void> {
  let after = options.after;
  while (!options.signal.aborted) {
    const client: Client = createClient({
      url: options.url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    const outcome = await new Promise<{ fatal?: string }>((resolve) => {
      const stop = client.subscribe<{ claimEvents: WatchedEvent }>(
        {
          query: SUBSCRIPTION,
          variables: { claimId: options.claimId, actorId: options.actorId, after },
        },
        {
          next: (result) => {
            if (result.errors?.length) {
              resolve({ fatal: result.errors.map((e) => e.message).join('; ') });
              return;
            }
            const event = result.data?.claimEvents;
            if (!event) return;
            options.write(watchLine(event));
            after = event.cursor;
          },
          error: (error) => {
            if (Array.isArray(error)) {
              resolve({ fatal: error.map((e: { message: string }) => e.message).join('; ') });
            } else {
              const reason = (error as { reason?: string; code?: number })?.code
                ? `closed (${(error as { code: number }).code})`
                : String((error as Error)?.message ?? error);
              options.log(`connection lost: ${reason}; reconnecting after the last cursor`);
              resolve({});
            }
          },
          complete: () => resolve({}),
        },
      );
      options.signal.addEventListener('abort', () => {
        stop();
        resolve({});
      });
    });
    await client.dispose();
    if (outcome.fatal) throw new Error(outcome.fatal);
    if (!options.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
    }
  }
}

export function watchCommand(): Command {
  return new Command('watch')
    .description(
      "print the API's live events as JSON lines (one per event, with its cursor); resumes after the last one across reconnects",
    )
    .option('--claim <id>', 'only the events of this claim')
    .option('--actor <id>', 'only the events of this actor and of claims it holds a stance on')
    .option('--after <cursor>', 'first print every event after this cursor, then follow')
    .option(
      '--url <url>',
      'the API (graphql-ws); default CLAIMTRACE_URL, else the API running on CLAIMTRACE_DATA_DIR',
    )
    .action(async (opts: { claim?: string; actor?: string; after?: string; url?: string }) => {
      const log = (line: string) => process.stderr.write(`claimtrace watch: ${line}\n`);
      const target = watchTarget(
        opts.url ?? process.env.CLAIMTRACE_URL,
        findRunningApi(dataDirOf(loadConfig())),
      );
      if ('problem' in target) throw new Error(target.problem);
      log(`following ${target.url}${target.found ? ` (found in ${target.found})` : ''}`);
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      process.once('SIGTERM', () => controller.abort());
      await watch({
        url: target.url,
        claimId: opts.claim,
        actorId: opts.actor,
        after: opts.after,
        write: (line) => process.stdout.write(`${line}\n`),
        log,
        signal: controller.signal,
      });
    });
}

/**
 * Which API to follow: the one given (--url, else CLAIMTRACE_URL), else the one that runs on the
 * data folder (it records its addresses there while it runs, as the embedded database lives there).
 */
export function watchTarget(
  given: string | undefined,
  running: RunningApiLookup,
): { url: string; found?: string } | { problem: string } {
  if (given) return { url: given };
  const hint =
    'Start it (`npm start`), run this where it runs or set CLAIMTRACE_DATA_DIR to its data folder, or pass --url ws://host:3000/graphql.';
  switch (running.state) {
    case 'running':
      return { url: running.api.websocket, found: running.file };
    case 'stopped':
      return {
        problem: `The API recorded in ${running.file} (process ${running.api.pid}, ${running.api.graphql}) is no longer running. ${hint}`,
      };
    case 'none':
      return {
        problem: `No running Claimtrace API found: a running API records its addresses in ${running.file}, and there is none. ${hint}`,
      };
  }
}
