/** `@handle` after the start, a space or punctuation: not after a letter, digit or mark of any script. */
const MENTION =
  /(?:^|[^\p{L}\p{N}\p{M}_@.])@([A-Za-z0-9][A-Za-z0-9_-]{0,39})(?![\p{L}\p{N}\p{M}_-])/gu;

/**
 * The handles a note mentions (not inside an e-mail address such as josé@host or a word),
 * lower-cased, each once, in order of first mention. One pass, linear in the text.
 */
export function mentionedHandles(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    found.add(match[1].toLowerCase());
  }
  return [...found];
}
