import { BadInputError } from '@claimtrace/core';

/** How far ahead of this server's clock a publication date may be: another clock's drift. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Checks a review's publication date: the day it went out, so not in the future — a review dated
 * 2999 would be in the public feed today under a date that is false (a typo for 2026, say). A
 * review not out yet stays a draft: publishedAt is set when it is published. A mistake is a
 * BAD_USER_INPUT naming `publishedAt`.
 */
export function checkPublishedAt(publishedAt: Date | null, now = new Date()): void {
  if (publishedAt === null || publishedAt.getTime() <= now.getTime() + CLOCK_SKEW_MS) return;
  throw new BadInputError(
    `publishedAt ${publishedAt.toISOString()} is in the future: give the date the review was published, or leave publishedAt out (a draft) until it is.`,
    { argument: 'publishedAt' },
  );
}
