import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LoaderKey } from '@claimtrace/core';
import { ActorObject } from '../dtos/actor.object';
import { ActorsRepository } from '../repositories/actors.repository';

export interface ActorLoaders {
  byKey: DataLoader<string, ActorObject | null>;
  /** the existing actor a name most likely refers to (exact name or alias, else fuzzy) */
  byName: DataLoader<string, ActorObject | null>;
}

/** Per-request batching of actor look-ups (affiliations, publishers, attribution actors). */
@Injectable()
export class ActorsLoaders {
  readonly key: LoaderKey<ActorLoaders>;

  constructor(repository: ActorsRepository) {
    this.key = new LoaderKey('actors', () => {
      const byKey = new DataLoader(async (keys: readonly string[]) => {
        const byId = new Map(
          (await repository.findByIds(keys)).map((row) => [row.id, ActorObject.from(row)]),
        );
        return keys.map((key) => byId.get(key) ?? null);
      });
      const byName = new DataLoader(async (names: readonly string[]) => {
        const matches = new Map(
          (await repository.matchNames(names)).map((row) => [row.name, row.actorId]),
        );
        return Promise.all(
          names.map((name) => (matches.has(name) ? byKey.load(matches.get(name)!) : null)),
        );
      });
      return { byKey, byName };
    });
  }
}
