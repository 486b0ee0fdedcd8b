import { Client } from 'pg';
import { Catalogue, emptyCatalogue, emptyTable, ReferentialAction, Table } from './catalogue';

/** The migrator's own bookkeeping: never part of the application's schema. */
export const MIGRATIONS_TABLE = '_prisma_migrations';

const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const CONSTRAINT_KINDS: Record<string, string> = {
  c: 'check constraint',
  x: 'exclusion constraint',
  t: 'constraint trigger',
};

/** Objects that belong to an installed extension (they come and go with it). */
const NOT_FROM_EXTENSION = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/**
 * Reads the application's part of a database's catalogue (the current schema, usually `public`):
 * tables, columns, enum types, indexes, constraints, triggers, views, functions and extensions.
 */
export async function readDatabaseCatalogue(connectionString: string): Promise<Catalogue> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await read(client);
  } finally {
    await client.end();
  }
}

async function read(client: Client): Promise<Catalogue> {
  const catalogue = emptyCatalogue();
  const query = async <R extends object>(sql: string) => (await client.query<R>(sql)).rows;
  const schema = `(SELECT oid FROM pg_namespace WHERE nspname = current_schema())`;

  const relations = await query<{ name: string; kind: string }>(`
    SELECT c.relname AS name, c.relkind AS kind
    FROM pg_class c
    WHERE c.relnamespace = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND ${NOT_FROM_EXTENSION('pg_class', 'c.oid')}
    ORDER BY c.relname`);
  const tables = new Map<string, Table>();
  for (const { name, kind } of relations) {
    if (name === MIGRATIONS_TABLE) continue;
    if (kind === 'r' || kind === 'p') {
      const table = emptyTable(name);
      tables.set(name, table);
      catalogue.tables[name] = table;
    } else {
      catalogue.views.push(name);
    }
  }

  const columns = await query<{
    table: string;
    name: string;
    type: string;
    not_null: boolean;
    has_default: boolean;
  }>(`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null,
           (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS has_default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = ${schema} AND c.relkind IN ('r', 'p') AND a.attnum > 0
      AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  for (const row of columns) {
    const table = tables.get(row.table);
    if (!table) continue;
    table.columns[row.name] = {
      name: row.name,
      type: row.type,
      nullable: !row.not_null,
      hasDefault: row.has_default,
    };
  }

  const enums = await query<{ name: string; values: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = ${schema} AND ${NOT_FROM_EXTENSION('pg_type', 't.oid')}
    GROUP BY t.typname
    ORDER BY t.typname`);
  for (const row of enums) catalogue.enums[row.name] = row.values;

  const indexes = await query<{
    table: string;
    name: string;
    primary: boolean;
    unique: boolean;
    method: string;
    predicate: string | null;
    columns: string[];
    descending: boolean[];
  }>(`
    SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary,
           x.indisunique AS unique, am.amname AS method,
           pg_get_expr(x.indpred, x.indrelid) AS predicate,
           ARRAY(
             SELECT CASE WHEN x.indkey[k - 1] = 0 THEN pg_get_indexdef(x.indexrelid, k, true)
                         ELSE (SELECT a.attname::text FROM pg_attribute a
                               WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1]) END
             FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k
           ) AS columns,
           ARRAY(
             SELECT (x.indoption[k - 1] & 1) = 1
             FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k
           ) AS descending
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_am am ON am.oid = i.relam
    WHERE t.relnamespace = ${schema}
    ORDER BY t.relname, i.relname`);
  for (const row of indexes) {
    const table = tables.get(row.table);
    if (!table) continue;
    if (row.primary) {
      table.primaryKey = { name: row.name, columns: row.columns };
      continue;
    }
    table.indexes[row.name] = {
      name: row.name,
      unique: row.unique,
      method: row.method,
      columns: row.columns.map((name, k) => ({
        name,
        order: row.descending[k] ? 'DESC' : 'ASC',
      })),
      predicate: row.predicate,
    };
  }

  const constraints = await query<{
    table: string;
    name: string;
    kind: string;
    columns: string[];
    referenced_table: string | null;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT t.relname AS table, k.conname AS name, k.contype AS kind,
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                 ORDER BY u.n) AS columns,
           r.relname AS referenced_table,
           ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                 ORDER BY u.n) AS referenced_columns,
           k.confdeltype AS on_delete, k.confupdtype AS on_update
    FROM pg_constraint k
    JOIN pg_class t ON t.oid = k.conrelid
    LEFT JOIN pg_class r ON r.oid = k.confrelid
    WHERE t.relnamespace = ${schema} AND k.contype IN ('f', 'c', 'x', 't')
    ORDER BY t.relname, k.conname`);
  for (const row of constraints) {
    const table = tables.get(row.table);
    if (!table) continue;
    if (row.kind === 'f') {
      table.foreignKeys[row.name] = {
        name: row.name,
        columns: row.columns,
        referencedTable: row.referenced_table ?? '?',
        referencedColumns: row.referenced_columns,
        onDelete: ACTIONS[row.on_delete],
        onUpdate: ACTIONS[row.on_update],
      };
    } else {
      table.otherConstraints[row.name] = { name: row.name, kind: CONSTRAINT_KINDS[row.kind] };
    }
  }

  const triggers = await query<{ table: string; name: string }>(`
    SELECT c.relname AS table, g.tgname AS name
    FROM pg_trigger g
    JOIN pg_class c ON c.oid = g.tgrelid
    WHERE c.relnamespace = ${schema} AND NOT g.tgisinternal
    ORDER BY c.relname, g.tgname`);
  for (const row of triggers) tables.get(row.table)?.triggers.push(row.name);

  const functions = await query<{ name: string }>(`
    SELECT DISTINCT p.proname AS name
    FROM pg_proc p
    WHERE p.pronamespace = ${schema} AND ${NOT_FROM_EXTENSION('pg_proc', 'p.oid')}
    ORDER BY 1`);
  catalogue.functions = functions.map((row) => row.name);

  const extensions = await query<{ name: string }>(
    `SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname`,
  );
  catalogue.extensions = extensions.map((row) => row.name);
  return catalogue;
}
