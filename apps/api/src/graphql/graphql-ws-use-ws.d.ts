// graphql-ws ships its `ws` adapter as the package export `graphql-ws/use/ws`, which this
// workspace's `moduleResolution: node` cannot see; this states the one function we call from it.
declare module 'graphql-ws/use/ws' {
  import type { Disposable, ServerOptions } from 'graphql-ws';
  import type { WebSocketServer } from 'ws';

  export function useServer<
    P extends Record<string, unknown>,
    E extends Record<PropertyKey, unknown>,
  >(options: ServerOptions<P, E>, server: WebSocketServer, keepAlive?: number): Disposable;
}
