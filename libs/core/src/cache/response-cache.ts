/**
 * Answers of anonymous queries, each kept with the PostgreSQL snapshot it was computed in
 * (`pg_current_snapshot()` as text), and served again only to a request whose own snapshot, read
 * from PostgreSQL when it starts, is the very same. Why that never serves a stale answer, on any
 * instance (docs/performance.md, "Response cache"):
 *
 * - Two equal snapshots see the same data. A snapshot is (xmin, xmax, the transactions in
 *   progress); every transaction below xmax and not in progress had ended when it was taken, and
 *   an ended transaction's outcome never changes, so what a snapshot sees is fixed by its text.
 *   Any write, to any table, by any instance or by hand, changes the snapshot: starting it takes a
 *   transaction id (xmax moves), committing it takes it out of the in-progress list.
 * - An answer is kept only if the snapshot read before it executed equals the one read after:
 *   then no write started or ended in between, and every statement it ran saw that one state.
 * - A write acknowledged to a client has committed; a request that starts afterwards, on any
 *   instance, reads a snapshot in which that commit is visible, hence different from the snapshot
 *   of every answer kept before it.
 */
export interface CachedAnswer {
  /** the answer's `data`, as plain objects (from its JSON) */
  data: Record<string, unknown>;
  /** what its execution spent from the execution meter: charged again on every hit */
  spent: number;
}

interface Entry {
  snapshot: string;
  answer: CachedAnswer;
  bytes: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  /** `maxBytes`: the JSON size of all kept answers together; the least recently used go first */
  constructor(private readonly maxBytes: number) {}

  /** The key of an operation: its text, its name and its variables. */
  static key(query: string, operationName: string | null | undefined, variables: unknown): string {
    return JSON.stringify([query, operationName ?? null, variables ?? null]);
  }

  /** The answer kept for `key` if it was computed in `snapshot`, else nothing. */
  get(key: string, snapshot: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.snapshot !== snapshot) return undefined;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    return entry.answer;
  }

  /** Keeps `data` (serialised here, so the kept copy is immutable) as computed in `snapshot`. */
  set(key: string, snapshot: string, data: Readonly<Record<string, unknown>>, spent: number): void {
    const json = JSON.stringify(data);
    this.remove(key);
    if (json.length > this.maxBytes) return;
    const entry: Entry = {
      snapshot,
      answer: { data: JSON.parse(json) as Record<string, unknown>, spent },
      bytes: json.length,
    };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** How many answers are kept, and their JSON size. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
  }
}
