/** Where the API can be reached, derived from one base URL (`http://localhost:3000`). */
export interface ApiAddresses {
  dashboard: string;
  graphql: string;
  websocket: string;
}

export function apiAddresses(base: string): ApiAddresses {
  const root = base.replace(/\/+$/, '');
  return {
    dashboard: `${root}/`,
    graphql: `${root}/graphql`,
    websocket: `${root.replace(/^http/, 'ws')}/graphql`,
  };
}

/**
 * The base URL to show for a server listening on `host:port`: `localhost` for every interface, an
 * IPv6 address in brackets.
 */
export function localBaseUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `http://localhost:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export interface StartupFacts {
  addresses: ApiAddresses;
  /** the embedded PostgreSQL's port and data folder, or null when DATABASE_URL names the server */
  embedded: { port: number; dataDir: string } | null;
  /** DATABASE_URL, when set (shown without its credentials) */
  databaseUrl?: string;
  introspection: boolean;
}

/**
 * The one block printed when the API is ready: where the dashboard, GraphQL and WebSocket are, and
 * where the data is. `fields` carries the same facts for JSON logs.
 */
export function startupBanner(facts: StartupFacts): { message: string; fields: object } {
  const database = facts.embedded
    ? `embedded PostgreSQL on 127.0.0.1:${facts.embedded.port}, data in ${facts.embedded.dataDir} (CLAIMTRACE_DATA_DIR)`
    : `PostgreSQL at ${serverOf(facts.databaseUrl ?? '')} (DATABASE_URL)`;
  const rows: [string, string][] = [
    ['dashboard', facts.addresses.dashboard],
    ['GraphQL', facts.addresses.graphql],
    ['WebSocket', facts.addresses.websocket],
    ['database', database],
  ];
  if (facts.introspection) {
    rows.push(['explorer', 'GraphiQL and introspection are on (GRAPHQL_INTROSPECTION)']);
  }
  const lines = rows.map(([label, value]) => `  ${label.padEnd(10)} ${value}`);
  return {
    message: ['Claimtrace is ready', ...lines].join('\n'),
    fields: { ...facts.addresses, database, introspection: facts.introspection },
  };
}

/** `host:port/database` of a connection URL: never its user or password. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
