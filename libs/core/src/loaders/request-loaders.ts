/**
 * The per-request home of DataLoaders. A feature declares a `LoaderKey` with a factory; the first
 * `get` in a request builds its loaders, later ones reuse them, so batching spans the whole request
 * and caching never outlives it.
 */
export class LoaderKey<T> {
  constructor(
    readonly name: string,
    readonly create: () => T,
  ) {}
}

export class RequestLoaders {
  private readonly built = new Map<LoaderKey<unknown>, unknown>();

  get<T>(key: LoaderKey<T>): T {
    let loaders = this.built.get(key) as T | undefined;
    if (loaders === undefined) {
      loaders = key.create();
      this.built.set(key, loaders);
    }
    return loaders;
  }
}

/** The roles a token can have, each including the ones before it. */
export type PrincipalRole = 'VIEWER' | 'EDITOR' | 'ADMIN';

/** The work an executing operation may still do (apps/api's ExecutionMeter). */
export interface ExecutionBudget {
  /** Spends the weight of one resolved field; throws once the operation has done too much. */
  spend(weight: number): void;
  /** Counts work done without resolving fields (an answer from the response cache). */
  add(weight: number): void;
  /** What the operation has spent so far. */
  readonly total: number;
}

/** What every resolver finds in the GraphQL context. */
export interface RequestContext {
  loaders: RequestLoaders;
  requestId: string;
  /** who makes the request: the name of the token's principal (recorded as `by`), null when anonymous */
  principal: string | null;
  /** the person the token belongs to (their database key), null when anonymous */
  personId?: string | null;
  /** the role of that token, null when anonymous */
  role?: PrincipalRole | null;
  /** why the credentials sent were refused (unknown, revoked or expired token); thrown by the guard */
  authError?: Error | null;
  /** whom rate limiting counts against: `token:<id>`, else `ip:<address>` */
  clientKey?: string;
  /** what every resolved field spends from (HTTP operations; see ExecutionBudget) */
  meter?: ExecutionBudget;
}
