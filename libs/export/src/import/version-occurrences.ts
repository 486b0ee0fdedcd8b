/**
 * Over one import run, how many lines so far carried each URL with each text. A publisher's revert
 * stores a text again as a new version, so the n-th line with a URL and text is the n-th stored
 * version with them: already there (skipped) when the database holds n such versions, else the
 * revert still to ingest. One entry per distinct URL and text of the run.
 */
export class VersionOccurrences {
  private readonly seen = new Map<string, number>();

  /** The line's occurrence of its URL and text in this run: 1 for the first. */
  next(url: string, contentHash: string): number {
    const key = `${contentHash}\u0000${url}`;
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    return occurrence;
  }
}
