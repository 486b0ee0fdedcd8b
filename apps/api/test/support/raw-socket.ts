import WebSocket from 'ws';

/** What the server answered to one operation on a socket: its first result, or the socket's close. */
export interface SocketAnswer {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
  closeCode?: number;
}

/**
 * A graphql-transport-ws socket driven message by message, so a test sees exactly what the server
 * sends (errors as they are, close codes) — graphql-ws's client would retry or hide them.
 */
export class RawSocket {
  /** resolves with the close code once the socket is closed */
  readonly closed: Promise<number>;
  private readonly waiting = new Map<string, (answer: SocketAnswer) => void>();
  private nextId = 0;
  private closeCode: number | null = null;

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) =>
      socket.on('close', (code) => {
        this.closeCode = code;
        for (const done of this.waiting.values()) done({ closeCode: code });
        this.waiting.clear();
        resolve(code);
      }),
    );
    socket.on('error', () => undefined); // a refused frame ends in 'close', which is what we read
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      const done = this.waiting.get(message.id);
      if (!done) return;
      if (message.type === 'next') done(message.payload);
      else if (message.type === 'error') done({ errors: message.payload });
      else if (message.type === 'complete') done({});
      else return;
      this.waiting.delete(message.id);
    });
  }

  /** Opens a socket without initialising it. */
  static async connect(url: string, protocol = 'graphql-transport-ws'): Promise<RawSocket> {
    const socket = new WebSocket(url, protocol);
    const raw = new RawSocket(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return raw;
  }

  /** Opens a socket and initialises it (with `authorization` when given); null when refused. */
  static async open(url: string, authorization?: string): Promise<RawSocket> {
    const raw = await RawSocket.connect(url);
    const acknowledged = new Promise<void>((resolve, reject) => {
      raw.socket.once('message', (data) =>
        JSON.parse(String(data)).type === 'connection_ack'
          ? resolve()
          : reject(new Error(String(data))),
      );
      void raw.closed.then((code) => reject(new Error(`closed ${code} before connection_ack`)));
    });
    raw.send({
      type: 'connection_init',
      ...(authorization ? { payload: { authorization: `Bearer ${authorization}` } } : {}),
    });
    await acknowledged;
    return raw;
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Sends one operation (query, mutation or subscription) and answers its first result. */
  request(query: string, variables?: Record<string, unknown>): Promise<SocketAnswer> {
    if (this.closeCode !== null) return Promise.resolve({ closeCode: this.closeCode });
    this.nextId += 1;
    const id = String(this.nextId);
    const answer = new Promise<SocketAnswer>((resolve) => this.waiting.set(id, resolve));
    this.send({ id, type: 'subscribe', payload: { query, variables } });
    return answer;
  }

  close(): void {
    this.socket.close();
  }
}
