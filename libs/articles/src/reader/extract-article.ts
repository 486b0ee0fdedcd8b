import { detectLanguage, LANGUAGE_TAG } from '@claimtrace/core';
import { PageReading, readPage } from './read-page';
import { readPageOffThread } from './read-off-thread';

export { MAX_READERS, ReadersBusy } from './read-off-thread';

export { checkComplexity, MAX_ELEMENTS, MAX_NESTING, PageTooComplex } from './read-page';

/** What a page says about its article, and the article's text. */
export interface ExtractedArticle {
  title: string | null;
  /** paragraphs separated by a blank line, each with its whitespace collapsed */
  text: string;
  authors: string[];
  publisher: string | null;
  publishedAt: Date | null;
  /** BCP 47 tag from <html lang>, the page's metadata, or detected from the text */
  language: string | null;
  /** the page's canonical URL when it is on the same site as the page; else null */
  canonicalUrl: string | null;
}

/**
 * Reads an article out of a news page (readPage) on this thread: the text without boilerplate and
 * the metadata, its date parsed and its language the first well-formed one the page declares, else
 * detected from the text. Throws PageTooComplex beyond the page limits.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  return fromReading(readPage(html, pageUrl));
}

/**
 * extractArticle in a worker thread, given up after `timeoutMs` (PageTooComplex): a hostile page
 * can make the DOM and Readability work for minutes, which must hold up no other request.
 */
export async function extractArticleOffThread(
  html: string,
  pageUrl: string,
  timeoutMs: number,
): Promise<ExtractedArticle> {
  return fromReading(await readPageOffThread(html, pageUrl, timeoutMs));
}

function fromReading(reading: PageReading): ExtractedArticle {
  const declared = reading.declaredLanguages.find((tag) => LANGUAGE_TAG.test(tag)) ?? null;
  return {
    title: reading.title,
    text: reading.text,
    authors: reading.authors,
    publisher: reading.publisher,
    publishedAt: reading.publishedDates.map(date).find((value) => value !== null) ?? null,
    language: declared ?? (reading.text ? detectLanguage(reading.text) : null),
    canonicalUrl: reading.canonicalUrl,
  };
}

function date(value: string | null): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  const year = parsed.getUTCFullYear();
  return Number.isNaN(parsed.getTime()) || year < 1000 || year > 9999 ? null : parsed;
}
