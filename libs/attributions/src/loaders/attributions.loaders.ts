import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { encodeCursor, LoaderKey, Page, toPage } from '@claimtrace/core';
import { Stance } from '@claimtrace/database';
import { AttributionObject, StanceSummaryObject } from '../dtos/attribution.object';
import { AttributionHydrator } from '../repositories/attribution-hydrator';
import { AttributionsRepository } from '../repositories/attributions.repository';
import { AttributionPageRequest } from '../services/attributions.service';

export interface AttributionLoaders {
  byKey: DataLoader<string, AttributionObject | null>;
  stanceSummary: DataLoader<string, StanceSummaryObject>;
  /** keyed by claim key and ISO time: the summary of the attributions that existed then */
  stanceSummaryAsOf: DataLoader<{ key: string; asOf: string }, StanceSummaryObject, string>;
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

  constructor(repository: AttributionsRepository, hydrator: AttributionHydrator) {
    this.key = new LoaderKey('attributions', () => {
      const byKey = new DataLoader(async (keys: readonly string[]) => {
        const found = new Map(
          (await hydrator.hydrate(await repository.findByIds(keys))).map((a) => [a.key, a]),
        );
        return keys.map((key) => found.get(key) ?? null);
      });

      const summarise = async (keys: readonly string[], asOf: string | null) => {
        const summaries = new Map<string, StanceSummaryObject>(
          keys.map((key) => [key, { counts: [], distinctActors: 0 }]),
        );
        for (const row of await repository.stanceSummaries(keys, asOf)) {
          const summary = summaries.get(row.claimId)!;
          if (row.stance === null) summary.distinctActors = row.actors;
          else summary.counts.push({ stance: row.stance, count: row.count });
        }
        const order = Object.values(Stance);
        for (const summary of summaries.values()) {
          summary.counts.sort((a, b) => order.indexOf(a.stance) - order.indexOf(b.stance));
        }
        return keys.map((key) => summaries.get(key)!);
      };
      const stanceSummary = new DataLoader((keys: readonly string[]) => summarise(keys, null));
      const stanceSummaryAsOf = new DataLoader(
        async (items: readonly { key: string; asOf: string }[]) => {
          const byTime = new Map<string, string[]>();
          for (const { key, asOf } of items) byTime.set(asOf, [...(byTime.get(asOf) ?? []), key]);
          const found = new Map<string, StanceSummaryObject>();
          for (const [asOf, keys] of byTime) {
            const summaries = await summarise(keys, asOf);
            keys.forEach((key, i) => found.set(`${key}|${asOf}`, summaries[i]));
          }
          return items.map(({ key, asOf }) => found.get(`${key}|${asOf}`)!);
        },
        { cacheKeyFn: ({ key, asOf }) => `${key}|${asOf}` },
      );

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
            const page = await repository.pages({ ...request, keys });
            const { rows, totals } = page;
            const attributions = hydrator.withChains(rows, page.chains, page.actors, page.articles);
            const byOwner = new Map<string, AttributionObject[]>(keys.map((key) => [key, []]));
            rows.forEach((row, i) => byOwner.get(row.owner)?.push(attributions[i]));
            for (const key of keys) {
              pages.set(
                `${key}|${shape}`,
                toPage(
                  byOwner.get(key)!,
                  request.limit,
                  request.after ? 'after' : null,
                  totals.get(key) ?? 0,
                  (attribution) =>
                    encodeCursor([attribution.createdAt.toISOString(), attribution.key]),
                  (attribution) => {
                    byKey.prime(attribution.key, attribution);
                    return attribution;
                  },
                ),
              );
            }
          }
          return items.map(({ key, request }) => pages.get(`${key}|${JSON.stringify(request)}`)!);
        },
        { cacheKeyFn: ({ key, request }) => `${key}|${JSON.stringify(request)}` },
      );
      return { byKey, stanceSummary, stanceSummaryAsOf, page };
    });
  }
}
