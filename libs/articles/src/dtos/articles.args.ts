import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class ArticlesArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'also list the versions a newer version replaced (by default only the latest)',
  })
  includeSuperseded?: boolean | null;
}
