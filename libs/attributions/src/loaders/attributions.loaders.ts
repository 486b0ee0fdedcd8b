import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { encodeCursor, LoaderKey, Page, toPage } from '@claimtrace/core';
import { Stance } from '@claimtrace/database';
import {
  AttributionObject,
  AttributionRecord,
  StanceSummaryObject,
} from '../dtos/attribution.object';
import { AttributionsRepository } from '../repositories/attributions.repository';
import { AttributionPageRequest } from '../services/attributions.service';

export interface AttributionLoaders {
  byKey: DataLoader<string, AttributionObject | null>;
  chain: DataLoader<string, AttributionObject[]>;
  stanceSummary: DataLoader<string, StanceSummaryObject>;
  /** keyed by owner key and page request: one statement per distinct request shape */
  page: DataLoader<
    { key: string; request: AttributionPageRequest },
    Page<AttributionObject>,
    string
  >;
}

/** Per-request batching of attributions, their relay chains, pages and summaries. */
@Injectable()
export class AttributionsLoaders {
  readonly key: LoaderKey<AttributionLoaders>;

  constructor(repository: AttributionsRepository) {
    this.key = new LoaderKey('attributions', () => {
      const byKey = new DataLoader(async (keys: readonly string[]) => {
        const found = new Map(
          (await repository.findByIds(keys)).map((row) => [row.id, AttributionObject.from(row)]),
        );
        return keys.map((key) => found.get(key) ?? null);
      });
      const object = (row: AttributionRecord) => {
        const attribution = AttributionObject.from(row);
        byKey.prime(attribution.key, attribution);
        return attribution;
      };

      const chain = new DataLoader(async (keys: readonly string[]) => {
        const chains = new Map<string, AttributionObject[]>(keys.map((key) => [key, []]));
        for (const row of await repository.chains(keys)) chains.get(row.startId)?.push(object(row));
        return keys.map((key) => chains.get(key)!);
      });

      const stanceSummary = new DataLoader(async (keys: readonly string[]) => {
        const summaries = new Map<string, StanceSummaryObject>(
          keys.map((key) => [key, { counts: [], distinctActors: 0 }]),
        );
        for (const row of await repository.stanceSummaries(keys)) {
          const summary = summaries.get(row.claimId)!;
          if (row.stance === null) summary.distinctActors = row.actors;
          else summary.counts.push({ stance: row.stance, count: row.count });
        }
        const order = Object.values(Stance);
        for (const summary of summaries.values()) {
          summary.counts.sort((a, b) => order.indexOf(a.stance) - order.indexOf(b.stance));
        }
        return keys.map((key) => summaries.get(key)!);
      });

      const page = new DataLoader(
        async (items: readonly { key: string; request: AttributionPageRequest }[]) => {
          const shapes = new Map<string, { request: AttributionPageRequest; keys: string[] }>();
          for (const { key, request } of items) {
            const shape = JSON.stringify(request);
            if (!shapes.has(shape)) shapes.set(shape, { request, keys: [] });
            shapes.get(shape)!.keys.push(key);
          }
          const pages = new Map<string, Page<AttributionObject>>();
          for (const [shape, { request, keys }] of shapes) {
            const { rows, totals } = await repository.pages({ ...request, keys });
            const byOwner = new Map<string, AttributionRecord[]>(keys.map((key) => [key, []]));
            for (const row of rows) byOwner.get(row.owner)?.push(row);
            for (const key of keys) {
              pages.set(
                `${key}|${shape}`,
                toPage(
                  byOwner.get(key)!,
                  request.limit,
                  request.after ? 'after' : null,
                  totals.get(key) ?? 0,
                  (row) => encodeCursor([row.createdAt.toISOString(), row.id]),
                  object,
                ),
              );
            }
          }
          return items.map(({ key, request }) => pages.get(`${key}|${JSON.stringify(request)}`)!);
        },
        { cacheKeyFn: ({ key, request }) => `${key}|${JSON.stringify(request)}` },
      );
      return { byKey, chain, stanceSummary, page };
    });
  }
}
