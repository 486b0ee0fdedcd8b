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

/** What every resolver finds in the GraphQL context. */
export interface RequestContext {
  loaders: RequestLoaders;
  requestId: string;
  /** who makes the request: a principal's name once access control lands, else null */
  principal: string | null;
}
