/**
 * The column of a model's field: `firstSeenAt` → `first_seen_at`. schema.prisma maps every field
 * to its column so (libs/database's column-names.spec holds it to that).
 */
export type ColumnOf<F extends string> = F extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnOf<Tail>}`
  : F;

/** The fields of record `R` that model `M` has with exactly the same type. */
type SharedField<M, R> = {
  [K in keyof R & keyof M & string]: [R[K]] extends [M[K]]
    ? [M[K]] extends [R[K]]
      ? K
      : never
    : never;
}[keyof R & keyof M & string];

declare const record: unique symbol;

/**
 * A table's columns and the record keys they map to, so that one query can select several tables'
 * columns side by side (prefixed) and map each back to its own record. Checked against the model
 * `M` (a Prisma model type, generated from schema.prisma): each column must be the column of its
 * key, and the key a field of `R` typed as in `M`, or tsc fails.
 */
export type ColumnSpec<M, R = M> = readonly {
  [K in SharedField<M, R>]: readonly [column: ColumnOf<K>, key: K];
}[SharedField<M, R>][] & { readonly [record]?: R };

/** Any spec, read as columns and keys (what the functions below need of one). */
type AnySpec<R> = readonly (readonly [column: string, key: keyof R & string])[] & {
  readonly [record]?: R;
};

/** `alias.column AS "prefixkey", …` for a SELECT list. */
export function selectColumns<R>(spec: AnySpec<R>, alias: string, prefix = ''): string {
  return spec.map(([column, key]) => `${alias}."${column}" AS "${prefix}${key}"`).join(', ');
}

/**
 * Typed NULLs in place of `selectColumns(spec, alias, prefix)`, for the parts of a UNION that do not
 * read `table`: `(NULL::table).column` has the column's type, as a UNION's later parts need.
 */
export function nullColumns<R>(spec: AnySpec<R>, table: string, prefix = ''): string {
  return spec
    .map(([column, key]) => `(NULL::${table})."${column}" AS "${prefix}${key}"`)
    .join(', ');
}

/**
 * `alias.column, alias.column AS "key", …` (AS only where the key differs) for a SELECT list; the
 * columns unqualified without an alias.
 */
export function columnList<R>(spec: AnySpec<R>, alias = ''): string {
  const qualifier = alias ? `${alias}.` : '';
  return spec
    .map(([column, key]) =>
      column === key ? qualifier + column : `${qualifier}${column} AS "${key}"`,
    )
    .join(', ');
}

/**
 * A reader of the record whose columns were selected with `prefix`. Built once per spec and prefix:
 * the prefixed names are made here, not per column per row (rows are read by the hundred).
 */
export function columnPicker<R>(
  spec: AnySpec<R>,
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
