import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  BadInputError,
  detectLanguage,
  isPublicAddress,
} from '@claimtrace/core';
import { PageNotReadable } from '../articles.errors';
import { IngestArticleInput } from '../dtos/ingest-article.input';
import { extractArticleOffThread, PageTooComplex, ReadersBusy } from '../reader/extract-article';
import { fetchPage } from '../reader/page-fetcher';
import { ARTICLE_URL_MAX } from '../url';

/** An ingest input with its text and title known, and where the text came from. */
export type CompleteIngestInput = IngestArticleInput & {
  title: string;
  text: string;
  /** when the page was fetched, and the SHA-256 of its HTML; null for pasted text */
  fetchedAt: Date | null;
  htmlHash: string | null;
};

const TITLE_MAX = 1000;
const NAME_MAX = 300;
const AUTHORS_MAX = 50;
/** Fewer words than this is a page of links or a teaser, not an article. */
const MIN_ARTICLE_WORDS = 30;

/**
 * Completes an ingest input: pasted text as given (its title the first line when none is given,
 * its language detected when none is given); without text, the page at `url` fetched and read
 * (fetchPage, then extractArticle off the event loop), what the page says filling what the input leaves out.
 */
@Injectable()
export class ArticleReaderService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async complete(input: IngestArticleInput): Promise<CompleteIngestInput> {
    if (input.text != null) {
      return {
        ...input,
        text: input.text,
        title: input.title ?? firstLine(input.text),
        language: input.language ?? detectLanguage(input.text),
        fetchedAt: null,
        htmlHash: null,
      };
    }
    if (!/^https?:\/\//i.test(input.url.trim())) {
      throw new BadInputError(
        'Without text, url must be an http:// or https:// page to fetch; give the text of a urn: article.',
        { argument: 'text' },
      );
    }
    const page = await fetchPage(input.url.trim(), {
      timeoutMs: this.config.FETCH_TIMEOUT_MS,
      maxBytes: this.config.FETCH_MAX_BYTES,
      maxRedirects: this.config.FETCH_MAX_REDIRECTS,
      allows: this.config.FETCH_ALLOW_PRIVATE_ADDRESSES ? () => true : isPublicAddress,
    });
    let article;
    try {
      article = await extractArticleOffThread(page.html, page.url, this.config.FETCH_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof PageTooComplex) {
        throw new PageNotReadable('TOO_COMPLEX', `the page ${error.message}.`, input.url);
      }
      if (error instanceof ReadersBusy) {
        throw new PageNotReadable(
          'TIMEOUT',
          `the server is busy reading other pages (${error.message}, FETCH_TIMEOUT_MS); try again in a moment.`,
          input.url,
        );
      }
      throw error;
    }
    if ((article.text.match(/\p{L}+/gu)?.length ?? 0) < MIN_ARTICLE_WORDS) {
      throw new PageNotReadable(
        'NO_ARTICLE',
        'no article text was found on it (a section front, a login wall or a page built by scripts).',
        input.url,
      );
    }
    const publisherGiven = input.publisherId != null || input.publisherName != null;
    const publisher =
      article.publisher && article.publisher.length <= NAME_MAX ? article.publisher : null;
    return {
      ...input,
      // a canonical URL longer than an input's may be is not taken
      url:
        article.canonicalUrl && article.canonicalUrl.length <= ARTICLE_URL_MAX
          ? article.canonicalUrl
          : page.url,
      text: article.text,
      title: input.title ?? (article.title?.slice(0, TITLE_MAX) || firstLine(article.text)),
      publisherName: publisherGiven ? input.publisherName : publisher,
      authorNames:
        input.authorNames ??
        article.authors.filter((name) => name.length <= NAME_MAX).slice(0, AUTHORS_MAX),
      publishedAt: input.publishedAt ?? article.publishedAt,
      language: input.language ?? article.language,
      fetchedAt: page.fetchedAt,
      htmlHash: page.htmlHash,
    };
  }
}

/** The first non-blank line of a text, cut to a title's length. */
function firstLine(text: string): string {
  const line = text.split('\n').find((candidate) => candidate.trim()) ?? text;
  return Array.from(line.trim()).slice(0, 200).join('') || 'Untitled';
}
