import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class ArticlesArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
