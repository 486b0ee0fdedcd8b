/**
 * For a DataLoader batch: the rows of each key, in the order of `keys` (an empty list for a key
 * without rows), each mapped by `map`.
 */
export function groupByKey<R, T>(
  rows: R[],
  keys: readonly string[],
  keyOf: (row: R) => string,
  map: (row: R) => T,
): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(map(row));
  return keys.map((key) => groups.get(key)!);
}
