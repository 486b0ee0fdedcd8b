import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay on a loopback port in front of a real server (PostgreSQL), so a test can cut every
 * connection and refuse new ones (`cut`), as when the database goes away, then let them in again
 * (`restore`) on the same port.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  private targetHost = '127.0.0.1';
  private targetPort = 5432;

  /** Relays to the server of `url` (postgresql://…), and answers `url` pointing at the proxy. */
  route(url: string): string {
    const parsed = new URL(url);
    this.targetHost = parsed.hostname;
    this.targetPort = Number(parsed.port || 5432);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(this.port, '127.0.0.1', done);
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Resets every open connection and stops accepting: new ones are refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.resetAndDestroy();
    if (server) await new Promise((done) => server.close(done));
  }

  /** Accepts connections again, on the same port (when cut). */
  async restore(): Promise<void> {
    if (!this.server) await this.start();
  }
}
