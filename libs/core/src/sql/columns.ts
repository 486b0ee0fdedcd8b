/**
 * A table's columns and the record keys they map to, so that one query can select several tables'
 * columns side by side (prefixed) and map each back to its own record.
 */
export type ColumnSpec<R> = readonly (readonly [column: string, key: keyof R & string])[];

/** `alias.column AS "prefixkey", …` for a SELECT list. */
export function selectColumns<R>(spec: ColumnSpec<R>, alias: string, prefix = ''): string {
  return spec.map(([column, key]) => `${alias}."${column}" AS "${prefix}${key}"`).join(', ');
}

/**
 * A reader of the record whose columns were selected with `prefix`, for rows read by the hundred:
 * the prefixed names are built once here, where `pickColumns` concatenates (and V8 then hashes) a
 * new string per column per row.
 */
export function columnPicker<R>(
  spec: ColumnSpec<R>,
  prefix = '',
): (row: Record<string, unknown>) => R {
  const keys = spec.map(([, key]) => key);
  const names = keys.map((key) => prefix + key);
  return (row) => {
    const record = {} as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) record[keys[i]] = row[names[i]];
    return record as R;
  };
}

/** The record whose columns were selected with `prefix`. */
export function pickColumns<R>(spec: ColumnSpec<R>, row: Record<string, unknown>, prefix = ''): R {
  const record = {} as Record<string, unknown>;
  for (const [, key] of spec) record[key] = row[prefix + key];
  return record as R;
}
