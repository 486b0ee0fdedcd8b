import { Injectable } from '@nestjs/common';
import { RequestContext } from '../loaders/request-loaders';

export type NodeFetcher = (key: string, ctx: RequestContext) => Promise<object | null>;

/** Which feature loads which type for `node(id)`; each feature module registers its types. */
@Injectable()
export class NodeRegistry {
  private readonly fetchers = new Map<string, NodeFetcher>();

  register(type: string, fetch: NodeFetcher): void {
    this.fetchers.set(type, fetch);
  }

  fetcher(type: string): NodeFetcher | undefined {
    return this.fetchers.get(type);
  }
}
