import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey, RequestLoaders } from '@claimtrace/core';
import { PersonObject } from '../dtos/person.object';
import { PeopleRepository } from '../repositories/people.repository';

export interface PersonLoaders {
  byKey: DataLoader<string, PersonObject | null>;
}

/** Per-request batching of people (event authors, assignees, note authors, mentions). */
@Injectable()
export class PeopleLoaders {
  readonly key: LoaderKey<PersonLoaders>;

  constructor(repository: PeopleRepository) {
    this.key = new LoaderKey('people', () => ({
      byKey: new DataLoader(async (keys: readonly string[]) => {
        const found = new Map(
          (await repository.findByIds(keys)).map((row) => [row.id, PersonObject.from(row)]),
        );
        return keys.map((key) => found.get(key) ?? null);
      }),
    }));
  }

  /** The person with this database key, batched in the request; null for none. */
  load(ctx: { loaders: RequestLoaders }, key: string | null): Promise<PersonObject | null> | null {
    return key ? ctx.loaders.get(this.key).byKey.load(key) : null;
  }
}
