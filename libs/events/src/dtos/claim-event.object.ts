import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionTypes, DateTimeScalar, NodeInterface, toGlobalId } from '@claimtrace/core';
import { ClaimEventKind } from '@claimtrace/database';
import { LogEvent } from '../log/log-event';

registerEnumType(ClaimEventKind, { name: 'ClaimEventKind' });

@ObjectType('ClaimEvent', {
  implements: () => [NodeInterface],
  description: 'one durable entry of the change log, in log order; `cursor` resumes after it',
})
export class ClaimEventObject implements NodeInterface {
  readonly __typename = 'ClaimEvent';

  @Field(() => ID)
  id: string;

  @Field({ description: 'opaque; pass as `after` to `events` or `claimEvents` to resume here' })
  cursor: string;

  @Field(() => ClaimEventKind)
  kind: ClaimEventKind;

  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => String, { nullable: true })
  by: string | null;

  /** resolved by EventsResolver.payload (anonymous readers see no note text) */
  payload: Record<string, unknown>;

  /** the person's database key, for the `person` field (resolved by the claims feature) */
  personKey: string | null;

  /** the claim's database key, for the `claim` field (resolved by the claims feature) */
  claimKey: string | null;

  static from(event: LogEvent): ClaimEventObject {
    const object = new ClaimEventObject();
    object.id = toGlobalId('ClaimEvent', event.id.toString());
    object.cursor = event.cursor;
    object.kind = event.kind;
    object.at = event.at;
    object.by = event.by;
    object.payload = event.payload;
    object.claimKey = event.claimId;
    object.personKey = event.personId;
    return object;
  }
}

export const { Edge: ClaimEventEdge, Connection: ClaimEventConnection } = connectionTypes(
  ClaimEventObject,
  'ClaimEvent',
  { totalCount: false },
);
