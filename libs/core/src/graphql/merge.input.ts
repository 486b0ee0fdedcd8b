import { Field, ID, InputType } from '@nestjs/graphql';

/** Merges `mergeId` into `keepId`: the merged record's links move over, and it keeps resolving. */
@InputType('MergeInput')
export class MergeInput {
  @Field(() => ID)
  keepId: string;

  @Field(() => ID)
  mergeId: string;
}
