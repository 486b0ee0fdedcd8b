/** Characters per chunk written to the response. */
const CHUNK = 16 * 1024;

/** A piece of an export: a string, or a batch of rows' strings. */
export type Part = string | readonly string[];

/**
 * Joins small strings into chunks of about `size` characters (fewer, larger writes). A batch's rows
 * are added one by one, never joined first: a joined batch of 1,000 rows is a few hundred kB, which
 * V8 puts in its large-object space, freed only by a full GC, so the process grew by a hundred MB
 * of garbage between collections. Chunks of 16k characters die young.
 */
export async function* chunked(parts: AsyncIterable<Part>, size = CHUNK): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    for (const piece of typeof part === 'string' ? [part] : part) {
      buffer += piece;
      if (buffer.length >= size) {
        yield buffer;
        buffer = '';
      }
    }
  }
  if (buffer) yield buffer;
}
