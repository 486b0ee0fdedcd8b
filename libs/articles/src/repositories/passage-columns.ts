import { ArticleRow, PassageRow } from '@claimtrace/database';
import { ACTOR_COLUMNS, ActorObject } from '@claimtrace/actors';
import { ColumnSpec, columnPicker, nullColumns, selectColumns } from '@claimtrace/core';
import { ArticleObject, ArticleRecord } from '../dtos/article.object';
import { PassageObject, PassageRecord } from '../dtos/passage.object';

/** The articles table's columns without the text (texts are loaded only when asked for). */
export const ARTICLE_RECORD_COLUMNS: ColumnSpec<ArticleRow, ArticleRecord> = [
  ['id', 'id'],
  ['url', 'url'],
  ['title', 'title'],
  ['publisher_id', 'publisherId'],
  ['published_at', 'publishedAt'],
  ['language', 'language'],
  ['content_hash', 'contentHash'],
  ['previous_version_id', 'previousVersionId'],
  ['fetched_at', 'fetchedAt'],
];
export const PASSAGE_RECORD_COLUMNS: ColumnSpec<PassageRow, PassageRecord> = [
  ['id', 'id'],
  ['article_id', 'articleId'],
  ['start', 'start'],
  ['end', 'end'],
  ['exact', 'exact'],
  ['prefix', 'prefix'],
  ['suffix', 'suffix'],
];
/** Prefix of the article columns selected beside a passage's. */
export const PASSAGE_ARTICLE_PREFIX = 'article_';

/** Prefix of the publisher columns selected beside an article's. */
const PUBLISHER_PREFIX = 'publisher_';

/**
 * `SELECT` list of a passage (alias `p`) with its article (alias `a`), for `passageReader`; with
 * `publisher`, also the article's publisher (that alias, joined by `publisherJoin`), so that
 * `Article.publisher` reads a property instead of loading the actor.
 */
export function passageWithArticleColumns(p = 'p', a = 'a', prefix = '', publisher = ''): string {
  const columns = `${passageColumns(p, prefix)}, ${selectColumns(
    ARTICLE_RECORD_COLUMNS,
    a,
    prefix + PASSAGE_ARTICLE_PREFIX,
  )}`;
  return publisher
    ? `${columns}, ${selectColumns(ACTOR_COLUMNS, publisher, prefix + PASSAGE_ARTICLE_PREFIX + PUBLISHER_PREFIX)}`
    : columns;
}

/** A passage's own columns (alias `p`), as `passageReader(prefix)` reads them; typed NULLs without `p`. */
export function passageColumns(p: string | null, prefix = ''): string {
  return p
    ? selectColumns(PASSAGE_RECORD_COLUMNS, p, prefix)
    : nullColumns(PASSAGE_RECORD_COLUMNS, 'passages', prefix);
}

/**
 * An article's columns (alias `a`) with its publisher's (alias `publisher`), as `passageReader(prefix,
 * true)` reads them beside a passage, and `articleReader(prefix)` alone; typed NULLs without `a`.
 */
export function articleWithPublisherColumns(
  a: string | null,
  publisher: string | null,
  prefix = '',
): string {
  const article = prefix + PASSAGE_ARTICLE_PREFIX;
  return a && publisher
    ? `${selectColumns(ARTICLE_RECORD_COLUMNS, a, article)}, ${selectColumns(ACTOR_COLUMNS, publisher, article + PUBLISHER_PREFIX)}`
    : `${nullColumns(ARTICLE_RECORD_COLUMNS, 'articles', article)}, ${nullColumns(ACTOR_COLUMNS, 'actors', article + PUBLISHER_PREFIX)}`;
}

/** A reader of the article (with its publisher) of rows selected with `articleWithPublisherColumns`. */
export function articleReader(prefix = ''): (row: Record<string, unknown>) => ArticleObject {
  const article = columnPicker(ARTICLE_RECORD_COLUMNS, prefix + PASSAGE_ARTICLE_PREFIX);
  const publisher = columnPicker(ACTOR_COLUMNS, prefix + PASSAGE_ARTICLE_PREFIX + PUBLISHER_PREFIX);
  return (row) => {
    const record = article(row);
    const read = ArticleObject.from(record);
    read.publisher = record.publisherId ? ActorObject.from(publisher(row)) : null;
    return read;
  };
}

/** The join of an article's publisher (alias `publisher`) to its article (alias `a`). */
export function publisherJoin(a: string, publisher: string): string {
  return `LEFT JOIN actors ${publisher} ON ${publisher}.id = ${a}.publisher_id`;
}

/**
 * A reader of the passage (with its article) of rows selected with `passageWithArticleColumns`;
 * `withPublisher` when they were selected with the publisher too. Given `articles`, each article is
 * built once per map (a page's passages share a few articles; the objects are read-only).
 */
export function passageReader(
  prefix = '',
  withPublisher = false,
): (row: Record<string, unknown>, articles?: Map<string, ArticleObject>) => PassageObject {
  const passage = columnPicker(PASSAGE_RECORD_COLUMNS, prefix);
  const article = columnPicker(ARTICLE_RECORD_COLUMNS, prefix + PASSAGE_ARTICLE_PREFIX);
  const readArticle = withPublisher
    ? articleReader(prefix)
    : (row: Record<string, unknown>) => ArticleObject.from(article(row));
  return (row, articles) => {
    const record = passage(row);
    let read = articles?.get(record.articleId);
    if (!read) {
      read = readArticle(row);
      articles?.set(read.key, read);
    }
    return PassageObject.from(record, read);
  };
}
