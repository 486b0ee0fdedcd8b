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
 * A reader of the record whose columns were selected with `prefix`. Built once per spec and prefix:
 * the prefixed names are made here, not per column per row (rows are read by the hundred).
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
