import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, NodeInterface, toGlobalId } from '@claimtrace/core';
import { ActorKind, ActorRow } from '@claimtrace/database';

registerEnumType(ActorKind, { name: 'ActorKind' });

/** The database shape of an actor, as repositories answer it. */
export type ActorRecord = Pick<
  ActorRow,
  'id' | 'name' | 'kind' | 'aliases' | 'affiliationId' | 'wikidataId' | 'mergedIntoId'
>;

@ObjectType('Actor', { implements: () => [NodeInterface] })
export class ActorObject implements NodeInterface {
  readonly __typename = 'Actor';

  @Field(() => ID)
  id: string;

  /** the database key (not exposed) */
  key: string;

  @Field()
  name: string;

  @Field(() => ActorKind)
  kind: ActorKind;

  @Field(() => [String])
  aliases: string[];

  @Field(() => String, { nullable: true })
  wikidataId: string | null;

  affiliationKey: string | null;
  mergedIntoKey: string | null;

  static from(record: ActorRecord): ActorObject {
    const actor = new ActorObject();
    actor.id = toGlobalId('Actor', record.id);
    actor.key = record.id;
    actor.name = record.name;
    actor.kind = record.kind;
    actor.aliases = record.aliases ?? [];
    actor.wikidataId = record.wikidataId;
    actor.affiliationKey = record.affiliationId;
    actor.mergedIntoKey = record.mergedIntoId;
    return actor;
  }
}

export const { Edge: ActorEdge, Connection: ActorConnection } = connectionTypes(
  ActorObject,
  'Actor',
  { totalCount: true },
);
