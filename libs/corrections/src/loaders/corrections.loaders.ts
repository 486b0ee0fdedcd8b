import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ArticlesLoaders, PassageObject } from '@claimtrace/articles';
import { groupByKey, LoaderKey, Page, RequestContext } from '@claimtrace/core';
import { PassageMoveObject, SourceChangeObject } from '../dtos/source-change.object';
import {
  SourceChangesQuery,
  SourceChangesRepository,
} from '../repositories/source-changes.repository';
import { toSourceChangePage } from '../services/corrections.service';

/** A move as stored: passage keys, resolved to passages by the articles' loader. */
interface StoredMove {
  fromPassageKey: string;
  toPassageKey: string;
  status: PassageMoveObject['status'];
  score: number;
  reason: string | null;
  at: Date;
}

export interface CorrectionLoaders {
  byKey: DataLoader<string, SourceChangeObject | null>;
  /** keyed by claim key and page request: one statement pair per distinct request shape */
  pageOfClaim: DataLoader<
    { key: string; query: SourceChangesQuery },
    Page<SourceChangeObject>,
    string
  >;
  /** whether each attribution has a source change awaiting review */
  needsReview: DataLoader<string, boolean>;
  /** the same at a time (an attribution read with its claim `asOf`) */
  needsReviewAt: DataLoader<{ key: string; asOf: string }, boolean, string>;
  /** each attribution's passage moves, oldest first */
  movesOf: DataLoader<string, StoredMove[]>;
}

/** Per-request batching of source changes and attributions' review flags and moves. */
@Injectable()
export class CorrectionsLoaders {
  readonly key: LoaderKey<CorrectionLoaders>;

  constructor(
    repository: SourceChangesRepository,
    private readonly articles: ArticlesLoaders,
  ) {
    this.key = new LoaderKey('corrections', () => {
      const shapeOf = (query: SourceChangesQuery) => JSON.stringify(query);
      return {
        byKey: new DataLoader(async (keys: readonly string[]) => {
          const found = new Map(
            (await repository.findByIds(keys)).map((row) => [row.id, SourceChangeObject.from(row)]),
          );
          return keys.map((key) => found.get(key) ?? null);
        }),
        pageOfClaim: new DataLoader(
          async (items: readonly { key: string; query: SourceChangesQuery }[]) => {
            const shapes = new Map<string, { query: SourceChangesQuery; keys: string[] }>();
            for (const { key, query } of items) {
              const shape = shapeOf(query);
              if (!shapes.has(shape)) shapes.set(shape, { query, keys: [] });
              shapes.get(shape)!.keys.push(key);
            }
            const pages = new Map<string, Page<SourceChangeObject>>();
            for (const [shape, { query, keys }] of shapes) {
              const { rows, totals } = await repository.pages(keys, query);
              const byClaim = groupByKey(
                rows,
                keys,
                (row) => row.claimId,
                (row) => row,
              );
              keys.forEach((key, i) =>
                pages.set(
                  `${key}|${shape}`,
                  toSourceChangePage(byClaim[i], query, totals.get(key) ?? 0),
                ),
              );
            }
            return items.map(({ key, query }) => pages.get(`${key}|${shapeOf(query)}`)!);
          },
          { cacheKeyFn: ({ key, query }) => `${key}|${shapeOf(query)}` },
        ),
        needsReview: new DataLoader(async (keys: readonly string[]) => {
          const awaiting = await repository.awaitingReview(keys);
          return keys.map((key) => awaiting.has(key));
        }),
        needsReviewAt: new DataLoader(
          async (items: readonly { key: string; asOf: string }[]) => {
            const awaiting = new Set<string>();
            for (const asOf of new Set(items.map((item) => item.asOf))) {
              const keys = items.filter((item) => item.asOf === asOf).map((item) => item.key);
              for (const key of await repository.awaitingReview(keys, asOf)) {
                awaiting.add(`${key}|${asOf}`);
              }
            }
            return items.map(({ key, asOf }) => awaiting.has(`${key}|${asOf}`));
          },
          { cacheKeyFn: ({ key, asOf }) => `${key}|${asOf}` },
        ),
        movesOf: new DataLoader(async (keys: readonly string[]) =>
          groupByKey(
            await repository.movesOf(keys),
            keys,
            (row) => row.attributionId!,
            (row) => ({
              fromPassageKey: row.fromPassageId,
              toPassageKey: row.toPassageId,
              status: row.status,
              score: row.score,
              reason: row.reason,
              at: row.at,
            }),
          ),
        ),
      };
    });
  }

  /** An attribution's moves (made by `asOf`, when given) with their passages (two batched loads). */
  async passageHistory(
    attributionKey: string,
    ctx: RequestContext,
    asOf?: Date,
  ): Promise<PassageMoveObject[]> {
    const all = await ctx.loaders.get(this.key).movesOf.load(attributionKey);
    const moves = asOf ? all.filter((move) => move.at <= asOf) : all;
    const passages = ctx.loaders.get(this.articles.key).passageByKey;
    return Promise.all(
      moves.map(async (move) => ({
        from: (await passages.load(move.fromPassageKey)) as PassageObject,
        to: (await passages.load(move.toPassageKey)) as PassageObject,
        status: move.status,
        score: move.score,
        reason: move.reason,
        at: move.at,
      })),
    );
  }
}
