import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { ActorObject } from '@claimtrace/actors';
import { groupByKey, LoaderKey } from '@claimtrace/core';
import { ExtractedAttribution } from '@claimtrace/extraction';
import { ArticleObject } from '../dtos/article.object';
import { PassageObject, ReanchoredPassageObject } from '../dtos/passage.object';
import { ArticlesRepository } from '../repositories/articles.repository';
import { SuggestionsService } from '../services/suggestions.service';

export interface ArticleLoaders {
  byKey: DataLoader<string, ArticleObject | null>;
  textByKey: DataLoader<string, string | null>;
  /** an article's authors, in order (their actors read in the same statement) */
  authorsOf: DataLoader<string, ActorObject[]>;
  passageByKey: DataLoader<string, PassageObject | null>;
  passagesOf: DataLoader<string, PassageObject[]>;
  reanchoredOf: DataLoader<string, ReanchoredPassageObject[]>;
  /** keyed by URL: every version, oldest first */
  versionsOf: DataLoader<string, ArticleObject[]>;
  /** the extractor's suggestions, stored (computed once when missing) */
  suggestionsOf: DataLoader<string, ExtractedAttribution[]>;
}

function byKey<R extends { id: string }, T>(rows: R[], keys: readonly string[], map: (r: R) => T) {
  const found = new Map(rows.map((row) => [row.id, map(row)]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Per-request batching of articles, their texts, authors, passages and suggestions. */
@Injectable()
export class ArticlesLoaders {
  readonly key: LoaderKey<ArticleLoaders>;

  constructor(repository: ArticlesRepository, suggestions: SuggestionsService) {
    this.key = new LoaderKey('articles', () => {
      const passageByKey = new DataLoader(async (keys: readonly string[]) => {
        const found = new Map((await repository.passagesByIds(keys)).map((p) => [p.key, p]));
        return keys.map((key) => found.get(key) ?? null);
      });
      return {
        byKey: new DataLoader(async (keys: readonly string[]) =>
          byKey(await repository.findByIds(keys), keys, ArticleObject.from),
        ),
        textByKey: new DataLoader(async (keys: readonly string[]) =>
          byKey(await repository.textsByIds(keys), keys, (row) => row.text),
        ),
        authorsOf: new DataLoader(async (keys: readonly string[]) =>
          groupByKey(
            await repository.authorsOf(keys),
            keys,
            (row) => row.articleId,
            (row) => ActorObject.from(row),
          ),
        ),
        passageByKey,
        passagesOf: new DataLoader(async (keys: readonly string[]) =>
          groupByKey(
            await repository.passagesOf(keys),
            keys,
            (passage) => passage.articleKey,
            (passage) => {
              passageByKey.prime(passage.key, passage);
              return passage;
            },
          ),
        ),
        reanchoredOf: new DataLoader(async (keys: readonly string[]) =>
          groupByKey(
            await repository.reanchoredOf(keys),
            keys,
            (row) => row.articleId,
            ReanchoredPassageObject.from,
          ),
        ),
        versionsOf: new DataLoader(async (urls: readonly string[]) =>
          groupByKey(await repository.versionsOf(urls), urls, (row) => row.url, ArticleObject.from),
        ),
        suggestionsOf: new DataLoader((keys: readonly string[]) => suggestions.ofArticles(keys)),
      };
    });
  }
}
