import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { connectionTypes, NodeInterface, toGlobalId } from '@claimtrace/core';
import type { PersonRow } from '@claimtrace/database';

export type PersonRecord = Pick<PersonRow, 'id' | 'name' | 'handle' | 'email' | 'createdAt'>;

/** What @mentions match: lower-case letters, digits, `_` and `-`, starting with a letter or digit. */
export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

@ObjectType('Person', {
  implements: () => [NodeInterface],
  description: 'a member of the team; API tokens belong to a person',
})
export class PersonObject implements NodeInterface {
  readonly __typename = 'Person';

  @Field(() => ID)
  id: string;

  key: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'what @mentions in notes name' })
  handle: string | null;

  /** resolved by PeopleResolver.email (only for requests with a token) */
  email: string | null;

  static from(record: PersonRecord): PersonObject {
    const person = new PersonObject();
    person.id = toGlobalId('Person', record.id);
    person.key = record.id;
    person.name = record.name;
    person.handle = record.handle;
    person.email = record.email;
    return person;
  }
}

export const { Edge: PersonEdge, Connection: PersonConnection } = connectionTypes(
  PersonObject,
  'Person',
  { totalCount: true },
);

@InputType()
export class CreatePersonInput {
  @Field()
  @Length(1, 100, { message: 'name must be 1 to 100 characters long' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'lower case letters, digits, _ and -, up to 40; what @mentions name',
  })
  @IsOptional()
  @MaxLength(40, { message: 'handle must be at most 40 characters long' })
  handle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(254, { message: 'email must be at most 254 characters long' })
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'email must look like name@example.org' })
  email?: string | null;
}
