import { ArgsType, Field } from '@nestjs/graphql';
import { PageArgs } from '@claimtrace/core';

@ArgsType()
export class ArticlesArgs extends PageArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'also list the versions a newer version replaced (by default only the latest)',
  })
  includeSuperseded?: boolean | null;
}
