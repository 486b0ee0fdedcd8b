import WebSocket from 'ws';
import { listen } from './live-client';
import { startTestApp, TestApp } from './test-app';

/** The graphql-ws handshake rules of the security suite, on a real socket. */
describe('graphql-ws access control', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ WS_CONNECTION_INIT_TIMEOUT_MS: '3000' });
    url = await listen(t.app);
  });
  afterAll(() => t.close());

  /** Opens a socket, sends `messages` once open, and answers the first message or the close code. */
  function exchange(messages: object[]): Promise<{ code?: number; message?: any }> {
    return new Promise((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.on('open', () => messages.forEach((m) => socket.send(JSON.stringify(m))));
      socket.on('message', (data) => {
        resolve({ message: JSON.parse(String(data)) });
        socket.close();
      });
      socket.on('close', (code) => resolve({ code }));
    });
  }

  const SUBSCRIBE = {
    id: '1',
    type: 'subscribe',
    payload: { query: 'subscription { claimEvents { cursor } }' },
  };

  it('closes 4401 when a client subscribes before the connection is acknowledged', async () => {
    expect(await exchange([SUBSCRIBE])).toEqual({ code: 4401 });
  });

  it('closes 4403 for an unknown token', async () => {
    const bad = {
      type: 'connection_init',
      payload: { authorization: `Bearer ct_${'x'.repeat(43)}` },
    };
    expect(await exchange([bad])).toEqual({ code: 4403 });
  });

  it('applies the query limits to subscriptions', async () => {
    const long = `subscription { claimEvents { cursor } } # ${'x'.repeat(12_000)}`;
    const answer = await new Promise<any>((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({ ...SUBSCRIBE, payload: { query: long } }));
        } else {
          resolve(message);
          socket.close();
        }
      });
    });
    expect(answer.type).toBe('error');
    expect(JSON.stringify(answer.payload)).toMatch(/characters/);
  });

  it('acknowledges a valid token and an anonymous reader', async () => {
    const token = await t.token('VIEWER');
    const withToken = await exchange([
      { type: 'connection_init', payload: { authorization: `Bearer ${token}` } },
    ]);
    expect(withToken.message).toEqual({ type: 'connection_ack' });
    const anonymous = await exchange([{ type: 'connection_init' }]);
    expect(anonymous.message).toEqual({ type: 'connection_ack' });
  });
});
