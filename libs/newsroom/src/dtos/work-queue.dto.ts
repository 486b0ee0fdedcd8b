import { ObjectType } from '@nestjs/graphql';

@ObjectType('WorkQueue', {
  description:
    "one person's work: what is assigned to them, overdue, where they are mentioned, and what awaits a second review",
})
export class WorkQueueObject {
  /** whose queue (a Person's database key) */
  personKey: string;
}
