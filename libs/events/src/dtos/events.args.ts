import { ArgsType, Field, ID, Int } from '@nestjs/graphql';

@ArgsType()
export class EventsArgs {
  @Field(() => String, { nullable: true, description: 'an event cursor: start after that event' })
  after?: string | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => ID, { nullable: true, description: 'only the events of this claim' })
  claimId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'only the events naming this actor or of claims the actor holds a stance on',
  })
  actorId?: string | null;
}

@ArgsType()
export class ClaimEventsArgs {
  @Field(() => ID, { nullable: true, description: 'only the events of this claim' })
  claimId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'only the events naming this actor or of claims the actor holds a stance on',
  })
  actorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'an event cursor: first replay every matching event after it, then go live',
  })
  after?: string | null;
}
