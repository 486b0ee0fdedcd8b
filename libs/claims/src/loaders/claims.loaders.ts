import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, LoaderKey } from '@claimtrace/core';
import { ClaimObject, ClaimRelationObject, StatusChangeObject } from '../dtos/claim.object';
import { ReviewObject } from '../dtos/review.object';
import { ChecklistTickRecord, ClaimDeskRepository } from '../repositories/claim-desk.repository';
import { ClaimsRepository } from '../repositories/claims.repository';
import { ReviewsRepository } from '../repositories/reviews.repository';

export interface ClaimLoaders {
  byKey: DataLoader<string, ClaimObject | null>;
  statusHistory: DataLoader<string, StatusChangeObject[]>;
  relations: DataLoader<string, ClaimRelationObject[]>;
  reviews: DataLoader<string, ReviewObject[]>;
  reviewByKey: DataLoader<string, ReviewObject | null>;
  ticks: DataLoader<string, ChecklistTickRecord[]>;
}

/** Per-request batching of claims and what hangs off them. */
@Injectable()
export class ClaimsLoaders {
  readonly key: LoaderKey<ClaimLoaders>;

  constructor(repository: ClaimsRepository, reviews: ReviewsRepository, desk: ClaimDeskRepository) {
    this.key = new LoaderKey('claims', () => ({
      byKey: new DataLoader(async (keys: readonly string[]) => {
        const found = new Map(
          (await repository.findByIds(keys)).map((row) => [row.id, ClaimObject.from(row)]),
        );
        return keys.map((key) => found.get(key) ?? null);
      }),
      statusHistory: new DataLoader(async (keys: readonly string[]) =>
        groupByKey(
          await repository.statusHistoryOf(keys),
          keys,
          (row) => row.claimId,
          StatusChangeObject.from,
        ),
      ),
      relations: new DataLoader(async (keys: readonly string[]) =>
        groupByKey(
          await repository.relationsOf(keys),
          keys,
          (row) => row.claimId,
          ClaimRelationObject.from,
        ),
      ),
      reviews: new DataLoader(async (keys: readonly string[]) =>
        groupByKey(await reviews.reviewsOf(keys), keys, (row) => row.claimId, ReviewObject.from),
      ),
      reviewByKey: new DataLoader(async (keys: readonly string[]) => {
        const found = new Map(
          (await reviews.reviewsByIds(keys)).map((row) => [row.id, ReviewObject.from(row)]),
        );
        return keys.map((key) => found.get(key) ?? null);
      }),
      ticks: new DataLoader(async (keys: readonly string[]) =>
        groupByKey(
          await desk.ticksOf(keys),
          keys,
          (row) => row.claimId,
          (row) => row,
        ),
      ),
    }));
  }
}
