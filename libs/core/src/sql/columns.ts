/**
 * A table's columns and the record keys they map to, so that one query can select several tables'
 * columns side by side (prefixed) and map each back to its own record.
 */
export type ColumnSpec<R> = readonly (readonly [column: string, key: keyof R & string])[];

/** `alias.column AS "prefixkey", …` for a SELECT list. */
export function selectColumns<R>(spec: ColumnSpec<R>, alias: string, prefix = ''): string {
  return spec.map(([column, key]) => `${alias}."${column}" AS "${prefix}${key}"`).join(', ');
}

/** The record whose columns were selected with `prefix`. */
export function pickColumns<R>(spec: ColumnSpec<R>, row: Record<string, unknown>, prefix = ''): R {
  const record = {} as Record<string, unknown>;
  for (const [, key] of spec) record[key] = row[prefix + key];
  return record as R;
}
