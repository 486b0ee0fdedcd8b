import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Length } from 'class-validator';
import { connectionTypes, DateTimeScalar, NodeInterface, toGlobalId } from '@claimtrace/core';
import type { NoteRow } from '@claimtrace/database';

export type NoteRecord = Pick<
  NoteRow,
  | 'id'
  | 'claimId'
  | 'attributionId'
  | 'authorId'
  | 'body'
  | 'mentionIds'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'removedAt'
>;

const BODY = { message: 'body must be 1 to 10000 characters long' };

@ObjectType('Note', {
  implements: () => [NodeInterface],
  description: 'markdown; @handle mentions are resolved to people',
})
export class NoteObject implements NodeInterface {
  readonly __typename = 'Note';

  @Field(() => ID)
  id: string;

  key: string;
  claimKey: string;
  attributionKey: string | null;
  authorKey: string;
  mentionKeys: string[];

  @Field()
  body: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar)
  updatedAt: Date;

  @Field({ description: 'removed with a reason (removeNote); kept, gone from the lists' })
  removed: boolean;

  static from(record: NoteRecord): NoteObject {
    const note = new NoteObject();
    note.id = toGlobalId('Note', record.id);
    note.key = record.id;
    note.claimKey = record.claimId;
    note.attributionKey = record.attributionId;
    note.authorKey = record.authorId;
    note.mentionKeys = record.mentionIds ?? [];
    note.body = record.body;
    note.createdAt = record.createdAt;
    note.updatedAt = record.updatedAt;
    note.removed = record.removedAt !== null;
    return note;
  }
}

export const { Edge: NoteEdge, Connection: NoteConnection } = connectionTypes(NoteObject, 'Note', {
  totalCount: true,
});

@InputType()
export class AddNoteInput {
  @Field(() => ID)
  claimId: string;

  @Field(() => ID, { nullable: true, description: 'a note on one of the claim’s attributions' })
  attributionId?: string | null;

  @Field({ description: 'markdown; @handle mentions a person' })
  @Length(1, 10_000, BODY)
  body: string;
}

@InputType()
export class UpdateNoteInput {
  @Field(() => ID)
  noteId: string;

  @Field()
  @Length(1, 10_000, BODY)
  body: string;
}

@InputType()
export class RemoveNoteInput {
  @Field(() => ID)
  noteId: string;

  @Field()
  @Length(1, 2000, { message: 'reason must be 1 to 2000 characters long' })
  reason: string;
}
