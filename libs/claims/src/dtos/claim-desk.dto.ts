import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Length } from 'class-validator';
import { DateTimeScalar } from '@claimtrace/core';
import { Priority } from '@claimtrace/database';

@InputType({ description: 'assigneeId null unassigns' })
export class AssignClaimInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID, { nullable: true, description: 'omitted: unchanged; null: unassigned' })
  assigneeId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'omitted: unchanged; null: none' })
  dueAt?: Date | null;

  @Field(() => Priority, { nullable: true, description: 'omitted: unchanged' })
  priority?: Priority | null;
}

@InputType()
export class SetChecklistItemInput {
  @Field(() => ID)
  claimId: string;

  @Field({ description: "the item's key (Claim.checklist)" })
  @Length(1, 40, { message: 'key must be 1 to 40 characters long' })
  key: string;

  @Field()
  done: boolean;
}

@ObjectType('ChecklistItem', {
  description: "one item of a claim's checklist (configured per deployment: CHECKLIST)",
})
export class ChecklistItemObject {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field()
  done: boolean;

  /** who ticked it (a Person's key), resolved by the `doneBy` field */
  doneByKey: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  doneAt: Date | null;
}
