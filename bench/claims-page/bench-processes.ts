/** Starting, asking and stopping the claims-page bench's server processes (bench-server.ts). */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { ChildMessage, ParentMessage, ServerName } from './bench-messages';

export interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  /** a bench-server.ts child, which answers CPU, SQL and profile requests over IPC */
  ipc: boolean;
}

/**
 * The Node.js flags the API runs with (the Dockerfile's CMD and `npm start`): the real server of
 * every bench gets them, as deployed; the baselines run with Node's defaults.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];

/** A bench-server.ts child (`real` or `memory`), on `execPath` (this process's Node.js by default). */
export function startServer(
  name: ServerName,
  env: Record<string, string>,
  execPath = process.execPath,
): Promise<Server> {
  const child = fork(join(__dirname, 'bench-server.js'), [name], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production', ...env },
    execPath,
    execArgv: name === 'real' ? API_NODE_FLAGS : [],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the ${name} server exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (message: ChildMessage) => {
      if (message.type !== 'listening') return;
      child.off('exit', onExit);
      resolve({ name, child, url: `http://127.0.0.1:${message.port}/graphql`, ipc: true });
    });
  });
}

export function ask<T extends ChildMessage['type']>(
  server: Server,
  message: ParentMessage,
  reply: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (answer: ChildMessage) => {
      if (answer.type !== reply) return;
      server.child.off('message', listener);
      resolve(answer as Extract<ChildMessage, { type: T }>);
    };
    server.child.on('message', listener);
    server.child.send(message);
  });
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
    server.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (server.ipc) server.child.disconnect();
    else server.child.kill('SIGTERM');
  });
}
