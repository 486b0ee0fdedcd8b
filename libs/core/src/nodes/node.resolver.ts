import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { NotFoundError } from '../errors/domain.errors';
import { NodeInterface } from '../graphql/node.interface';
import { RequestContext } from '../loaders/request-loaders';
import { parseGlobalId } from '../relay/global-id';
import { BadInputError } from '../errors/domain.errors';
import { NodeRegistry } from './node.registry';

@Resolver()
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Query(() => NodeInterface, { nullable: true, description: 'any record by its global id' })
  async node(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    const decoded = parseGlobalId(id);
    if (!decoded) {
      throw new BadInputError(`"${id.slice(0, 60)}" is not an id this API issued.`, {
        argument: 'id',
      });
    }
    const fetch = this.registry.fetcher(decoded.type);
    const node = fetch ? await fetch(decoded.key, ctx) : null;
    if (!node) throw new NotFoundError(decoded.type, id);
    return node;
  }
}
