import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ActorKind } from '@claimtrace/database';

@ArgsType()
export class ActorsArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters long' })
  search?: string | null;

  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
