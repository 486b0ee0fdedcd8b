/**
 * The handles a note mentions: `@handle` after the start, a space or punctuation (not inside an
 * e-mail address or a word), lower-cased, each once, in order of first mention. One pass, linear
 * in the text.
 */
export function mentionedHandles(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(/(?:^|[^\w@.])@([A-Za-z0-9][A-Za-z0-9_-]{0,39})(?![\w-])/g)) {
    found.add(match[1].toLowerCase());
  }
  return [...found];
}
