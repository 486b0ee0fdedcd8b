import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The least time between two full collections forced by a first hold. */
export const MIN_COLLECTION_INTERVAL_MS = 10_000;

/** Starts holding a heap-growth cap; answers the function that ends this hold (idempotent). */
export type HeapGrowthHold = (percent: number) => () => void;

/**
 * Caps, while at least one hold is open, how far V8 lets the old generation grow past what survived
 * the last full collection (`--heap-growing-percent`; V8's own factor reaches 4x under a high
 * allocation rate, and 0 gives that back when the last hold ends).
 *
 * Why: a streamed export allocates hundreds of MB of short-lived rows and strings; about a fifth
 * survives two scavenges and waits in the old generation for a full GC, so with V8's factor an API
 * process holding 30 MB grew by 90–140 MB during an export. Capped at 50 % it grows by 25–30 MB for
 * the same export time. The cap is not kept on all the time: on the claims-page benchmark it cost
 * 15–40 % more CPU per request. V8 reads the flag only when it sets the next GC limit, after a full
 * collection, so the first hold runs one (a pause of a few ms before an export of seconds).
 */
export function heapGrowthHolder(
  setFlags: (flags: string) => void = setFlagsFromString,
  collect: () => void = fullCollection,
  now: () => number = Date.now,
) {
  let holders = 0;
  let lastCollection = -Infinity;
  const hold: HeapGrowthHold = (percent) => {
    if (percent <= 0) return () => undefined;
    if (holders === 0) {
      try {
        setFlags(`--heap-growing-percent=${percent}`);
        // At most one forced collection per interval: exports started and cancelled in a loop
        // must not turn into a loop of full GCs that pause every other request.
        if (now() - lastCollection >= MIN_COLLECTION_INTERVAL_MS) {
          lastCollection = now();
          collect();
        }
      } catch {
        // A runtime without these flags exports with V8's own heap growth; nothing is held.
        return () => undefined;
      }
    }
    holders += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holders -= 1;
      if (holders === 0) setFlags('--heap-growing-percent=0');
    };
  };
  return hold;
}

/** One full garbage collection, without starting Node with --expose-gc. */
function fullCollection(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The process's holder (the flag is per process). */
export const holdHeapGrowth: HeapGrowthHold = heapGrowthHolder();
