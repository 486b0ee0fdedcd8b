import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ActorKind } from '@claimtrace/database';

export const ACTOR_NAME_MAX = 300;

@InputType()
export class CreateActorInput {
  @Field()
  @IsString()
  @Length(1, ACTOR_NAME_MAX, { message: `name must be 1 to ${ACTOR_NAME_MAX} characters long` })
  name: string;

  @Field(() => ActorKind)
  kind: ActorKind;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'aliases may hold at most 100 names' })
  @Length(1, ACTOR_NAME_MAX, {
    each: true,
    message: `each alias must be 1 to ${ACTOR_NAME_MAX} characters long`,
  })
  aliases?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  affiliationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  @Matches(/^Q[1-9][0-9]*$/, { message: 'wikidataId must look like Q42' })
  wikidataId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'create even when similarActors finds a likely duplicate (otherwise CONFLICT naming it)',
  })
  @IsOptional()
  allowDuplicate?: boolean | null;
}
