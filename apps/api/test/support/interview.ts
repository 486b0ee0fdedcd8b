import { Database } from '@claimtrace/database';

/**
 * One article of `sentences` sentences with 60 passages on it (a few quotes each of a long
 * interview's answers), written by SQL: what nested passage lists of the cost attacks read.
 */
export async function insertInterview(db: Database, sentences: number): Promise<void> {
  await db.query(
    `INSERT INTO articles (url, title, text, content_hash)
       VALUES ('https://example.org/interview', 'Interview', repeat('Someone said something. ', ${sentences}), md5('i'));
     INSERT INTO passages (article_id, start, "end", exact, prefix, suffix)
       SELECT (SELECT id FROM articles), i, i + 14, 'said something', '', ''
       FROM generate_series(1, 60) i;`,
  );
}
