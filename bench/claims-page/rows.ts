/** Deterministic ids and values, and the multi-row insert, for the generated data set (generate.ts). */
import { createHash } from 'node:crypto';
import type { Client } from 'pg';

/** mulberry32: a small, fast, seeded PRNG (same seed, same sequence). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic UUID for the i-th row of a kind. */
export function uuid(kind: string, i: number): string {
  const h = createHash('md5').update(`claimtrace-bench:${kind}:${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface Column {
  name: string;
  /** the array type of the parameter, e.g. `uuid[]` */
  type: string;
  /** the value inserted, from the unnested `v` (e.g. `v::stance`); `v` by default */
  expr?: (v: string) => string;
}

/** `INSERT INTO table (…) SELECT … FROM unnest($1::t1[], $2::t2[], …)`, `chunk` rows at a time. */
export async function insert(
  client: Client,
  table: string,
  columns: Column[],
  rows: unknown[][],
  chunk = 5000,
): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const values = columns.map((c, i) => (c.expr ? c.expr(`u.c${i}`) : `u.c${i}`)).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const text = `INSERT INTO ${table} (${names}) SELECT ${values} FROM unnest(${params}) AS u(${aliases})`;
  for (let offset = 0; offset < rows.length; offset += chunk) {
    const slice = rows.slice(offset, offset + chunk);
    await client.query(
      text,
      columns.map((_, i) => slice.map((row) => row[i])),
    );
  }
}

export const textArray = (v: string) =>
  `CASE WHEN ${v} = '' THEN ARRAY[]::text[] ELSE string_to_array(${v}, '|') END`;
