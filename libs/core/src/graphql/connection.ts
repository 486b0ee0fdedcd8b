import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoObject } from './page-info.object';

/** `first` and `after` of a connection field (checked by `pageSize` and `decodeCursor`). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export interface ConnectionTypes<T> {
  Edge: Type<{ cursor: string; node: T }>;
  Connection: Type<{ edges: { cursor: string; node: T }[]; pageInfo: PageInfoObject }>;
}

/**
 * The Relay edge and connection types for a node type, named `<Name>Edge` and
 * `<Name>Connection` as the contract spells them. `totalCount` is optional per connection.
 */
export function connectionTypes<T>(
  nodeType: Type<T>,
  name: string,
  options: { totalCount: boolean },
): ConnectionTypes<T> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionWithoutCount {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfoObject)
    pageInfo: PageInfoObject;
  }

  if (!options.totalCount) return { Edge, Connection: ConnectionWithoutCount };

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfoObject)
    pageInfo: PageInfoObject;

    @Field(() => Int)
    totalCount: number;
  }
  return { Edge, Connection };
}
