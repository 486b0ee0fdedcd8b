import { Field, ID, InterfaceType } from '@nestjs/graphql';

/** A record with a global id; every object the API returns from `node(id)` carries `__typename`. */
@InterfaceType('Node', {
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class NodeInterface {
  @Field(() => ID)
  id: string;
}
