import { apiAddresses, localBaseUrl, startupBanner } from './startup-banner';

describe('the start-up block', () => {
  const addresses = apiAddresses(localBaseUrl('0.0.0.0', 3000));

  it('derives the dashboard, GraphQL and WebSocket addresses from one base', () => {
    expect(addresses).toEqual({
      dashboard: 'http://localhost:3000/',
      graphql: 'http://localhost:3000/graphql',
      websocket: 'ws://localhost:3000/graphql',
    });
    expect(apiAddresses('https://claims.example.org/').websocket).toBe(
      'wss://claims.example.org/graphql',
    );
    expect(localBaseUrl('::', 80)).toBe('http://localhost:80');
    expect(localBaseUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(localBaseUrl('::1', 8080)).toBe('http://[::1]:8080');
  });

  it('says where the embedded database keeps its data', () => {
    const { message, fields } = startupBanner({
      addresses,
      embedded: { port: 5433, dataDir: '/srv/claimtrace/.data' },
      introspection: true,
    });
    expect(message.split('\n')).toEqual([
      'Claimtrace is ready',
      '  dashboard  http://localhost:3000/',
      '  GraphQL    http://localhost:3000/graphql',
      '  WebSocket  ws://localhost:3000/graphql',
      '  database   embedded PostgreSQL on 127.0.0.1:5433, data in /srv/claimtrace/.data (CLAIMTRACE_DATA_DIR)',
      '  explorer   GraphiQL and introspection are on (GRAPHQL_INTROSPECTION)',
    ]);
    expect(fields).toMatchObject({ ...addresses, introspection: true });
  });

  it("names DATABASE_URL's server without its credentials", () => {
    const { message } = startupBanner({
      addresses,
      embedded: null,
      databaseUrl: 'postgresql://claimtrace:s3cret@db.internal:5432/claimtrace',
      introspection: false,
    });
    expect(message).toContain(
      'database   PostgreSQL at db.internal:5432/claimtrace (DATABASE_URL)',
    );
    expect(message).not.toMatch(/s3cret|explorer/);
  });
});
