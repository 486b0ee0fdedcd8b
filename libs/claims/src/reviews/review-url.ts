import { BadInputError, isLocalUrl } from '@claimtrace/core';

/** The longest review URL, as given and as published (after PUBLIC_BASE_URL and escaping). */
export const REVIEW_URL_MAX_LENGTH = 2048;

/**
 * The address a review is published at, as ClaimReview's `url` needs it: an absolute http(s) URL
 * that others can open. A path ("/fact-checks/42") is taken relative to PUBLIC_BASE_URL; a URL on
 * this machine or a private network (localhost, 127.0.0.1, 10.0.0.1, …) is refused, and so is a path while PUBLIC_BASE_URL is one.
 * Mistakes are BAD_USER_INPUT naming `url` and saying what to send.
 */
export function reviewUrl(value: string, publicBaseUrl: string): string {
  const given = value.trim();
  if (!given) {
    throw new BadInputError(
      'url is empty: give the address where the review is published, e.g. https://factchecker.example/reviews/42, or null for none yet.',
      { argument: 'url' },
    );
  }
  const relative = given.startsWith('/') && !given.startsWith('//');
  if (relative && isLocalUrl(publicBaseUrl)) {
    throw new BadInputError(
      `url "${given}" is a path, and PUBLIC_BASE_URL (${publicBaseUrl}) is this machine or a private network: give the absolute address where the review is published, or set PUBLIC_BASE_URL to the public address.`,
      { argument: 'url' },
    );
  }
  let url: URL;
  try {
    url = relative ? new URL(publicBaseUrl + given) : new URL(given);
  } catch {
    url = new URL('invalid:');
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    throw new BadInputError(
      `url "${given}" is not an absolute http or https URL: give e.g. https://factchecker.example/reviews/42 (or a path such as /reviews/42, taken relative to PUBLIC_BASE_URL).`,
      { argument: 'url' },
    );
  }
  if (url.username || url.password) {
    throw new BadInputError(`url must not carry a user name or password.`, { argument: 'url' });
  }
  if (isLocalUrl(url)) {
    throw new BadInputError(
      `url "${given}" points at this machine or a private network (${url.hostname}), which no reader can open: give the public address where the review is published.`,
      { argument: 'url' },
    );
  }
  if (url.href.length > REVIEW_URL_MAX_LENGTH) {
    throw new BadInputError(
      `url is ${url.href.length} characters long as published (${url.href.slice(0, 40)}…); at most ${REVIEW_URL_MAX_LENGTH}: give a shorter address.`,
      { argument: 'url' },
    );
  }
  return url.href;
}
