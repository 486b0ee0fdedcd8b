/**
 * The HTTP body limit: room for the largest allowed article (4 bytes a character at worst, JSON
 * escaping aside) plus the rest of the request, so an oversized article is refused with a GraphQL
 * error by validation, not with a bare 413 by the HTTP layer.
 */
export function bodyLimitFor(articleMaxChars: number): number {
  return articleMaxChars * 6 + 1024 * 1024;
}
