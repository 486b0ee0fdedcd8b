import { ArticleRow, PassageRow } from '@claimtrace/database';
import { ColumnSpec, columnPicker, selectColumns } from '@claimtrace/core';
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

/** `SELECT` list of a passage (alias `p`) with its article (alias `a`), for `passageReader`. */
export function passageWithArticleColumns(p = 'p', a = 'a', prefix = ''): string {
  return `${selectColumns(PASSAGE_RECORD_COLUMNS, p, prefix)}, ${selectColumns(
    ARTICLE_RECORD_COLUMNS,
    a,
    prefix + PASSAGE_ARTICLE_PREFIX,
  )}`;
}

/** A reader of the passage (with its article) of rows selected with `passageWithArticleColumns`. */
export function passageReader(prefix = ''): (row: Record<string, unknown>) => PassageObject {
  const passage = columnPicker(PASSAGE_RECORD_COLUMNS, prefix);
  const article = columnPicker(ARTICLE_RECORD_COLUMNS, prefix + PASSAGE_ARTICLE_PREFIX);
  return (row) => PassageObject.from(passage(row), ArticleObject.from(article(row)));
}
