/** The error codes of the cost and rate limits (format-error.ts passes them through). */
export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';
export const RATE_LIMITED = 'RATE_LIMITED';
