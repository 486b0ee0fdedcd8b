import { AnchoringError } from '@claimtrace/anchoring';
import { BadInputError } from '@claimtrace/core';
import { ARTICLE_URL_MAX } from './url';

export class InvalidArticleUrl extends BadInputError {
  constructor(url: string) {
    super(
      `url must be an absolute URI starting with http://, https:// or urn: (got "${url.slice(0, 80)}").`,
      { argument: 'url' },
    );
  }
}

export class ArticleUrlTooLong extends BadInputError {
  constructor() {
    super(`url must be at most ${ARTICLE_URL_MAX} characters long.`, { argument: 'url' });
  }
}

export class ArticleUrlWithCredentials extends BadInputError {
  constructor() {
    super(
      'url must not carry a user name or password: an article’s URL is stored and published with it. Give the page’s public URL, or paste its text (input.text).',
      { argument: 'url' },
    );
  }
}

export class ArticleTooLarge extends BadInputError {
  constructor(length: number, max: number) {
    super(
      `The article text has ${length} characters; the limit is ${max} (ARTICLE_MAX_CHARS). Split the article or raise the limit.`,
      { argument: 'text', length, max },
    );
  }
}

export class ConflictingPublisher extends BadInputError {
  constructor() {
    super('Give either publisherId or publisherName, not both.', { argument: 'publisherId' });
  }
}

/** A quote or position that does not pick exactly one span of the article. */
export class PassageNotAnchored extends BadInputError {
  constructor(error: AnchoringError) {
    super(error.message, {
      reason: error.code,
      ...(error.matchCount !== undefined ? { matchCount: error.matchCount } : {}),
      ...(error.nearest !== undefined ? { nearest: error.nearest } : {}),
    });
  }
}

/** The most code points a passage may hold: evidence is a sentence or a few, not an article. */
export const PASSAGE_MAX_CODE_POINTS = 10_000;

/** A position that spans more than PASSAGE_MAX_CODE_POINTS (a quote is capped by its input). */
export class PassageTooLong extends BadInputError {
  constructor(length: number) {
    super(
      `The passage spans ${length} characters; a passage may hold at most ${PASSAGE_MAX_CODE_POINTS}. Pick the sentence or sentences that evidence the stance.`,
      { argument: 'position', length, max: PASSAGE_MAX_CODE_POINTS },
    );
  }
}

export class PassageSelectorMissing extends BadInputError {
  constructor() {
    super('Give exactly one of `quote` and `position` to pick the passage.', {
      argument: 'quote',
    });
  }
}

/** Why a page could not be read by ingestArticle (extensions.reason). */
export type PageProblem =
  | 'BLOCKED_ADDRESS'
  | 'DNS_FAILED'
  | 'CONNECTION_FAILED'
  | 'TIMEOUT'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'HTTP_STATUS'
  | 'NOT_HTML'
  | 'TOO_LARGE'
  | 'TOO_COMPLEX'
  | 'NO_ARTICLE';

/** ingestArticle without text, and the page at `url` could not be fetched or read. */
export class PageNotReadable extends BadInputError {
  constructor(
    readonly reason: PageProblem,
    detail: string,
    url: string,
  ) {
    super(
      `Could not read the page at ${url.slice(0, 200)}: ${detail} Paste the article's text (input.text) to ingest it anyway.`,
      { argument: 'url', reason },
    );
  }
}
