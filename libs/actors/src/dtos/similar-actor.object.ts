import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';
import { ActorObject } from './actor.object';
import { ACTOR_NAME_MAX } from './create-actor.input';

@ObjectType('SimilarActor', {
  description:
    'a current actor whose name or an alias is like the name asked about (trigram similarity, ignoring case, accents and a descriptive apposition); 1 is the same name',
})
export class SimilarActorObject {
  @Field(() => ActorObject)
  actor: ActorObject;

  @Field(() => Float)
  score: number;
}

@ArgsType()
export class SimilarActorsArgs {
  @Field()
  @Length(1, ACTOR_NAME_MAX, { message: `name must be 1 to ${ACTOR_NAME_MAX} characters long` })
  name: string;

  @Field(() => Int, { nullable: true, description: 'at most this many, best first (default 5)' })
  @IsOptional()
  first?: number | null;
}
