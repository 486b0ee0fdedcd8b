import {
  Catalogue,
  Column,
  emptyCatalogue,
  emptyTable,
  ForeignKey,
  Index,
  ReferentialAction,
} from './catalogue';
import {
  isScalarType,
  PrismaField,
  PrismaIndex,
  PrismaModel,
  PrismaReferentialAction,
  PrismaSchema,
  PrismaSchemaError,
} from './prisma-schema';

/** PostgreSQL's limit on identifier length; Prisma truncates generated names to fit. */
const MAX_IDENTIFIER = 63;

/** Prisma's scalar types on PostgreSQL when no `@db.X` is given. */
const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Boolean: 'boolean',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** `@db.X(args)` → the type as `format_type()` prints it. */
const NATIVE_TYPES: Record<string, (args: (string | number)[]) => string> = {
  Text: () => 'text',
  Uuid: () => 'uuid',
  VarChar: (a) => (a.length ? `character varying(${a[0]})` : 'character varying'),
  Char: (a) => `character(${a[0] ?? 1})`,
  Boolean: () => 'boolean',
  SmallInt: () => 'smallint',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  Real: () => 'real',
  DoublePrecision: () => 'double precision',
  Decimal: (a) => (a.length ? `numeric(${a.join(',')})` : 'numeric'),
  Timestamptz: (a) => (a.length ? `timestamp(${a[0]}) with time zone` : 'timestamp with time zone'),
  Timestamp: (a) =>
    a.length ? `timestamp(${a[0]}) without time zone` : 'timestamp without time zone',
  Date: () => 'date',
  JsonB: () => 'jsonb',
  Json: () => 'json',
  ByteA: () => 'bytea',
  Inet: () => 'inet',
};

/** Defaults that Prisma Client fills in itself: they leave no DEFAULT in the database. */
const CLIENT_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

const ACTIONS: Record<PrismaReferentialAction, ReferentialAction> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

/**
 * The catalogue that `prisma migrate dev` would create from this schema: tables and columns, enum
 * types, primary keys, unique and plain indexes, foreign keys, all named by Prisma's conventions.
 */
export function expectedCatalogue(schema: PrismaSchema): Catalogue {
  const catalogue = emptyCatalogue();
  const enums = new Map(schema.enums.map((e) => [e.name, e]));
  const models = new Map(schema.models.map((m) => [m.name, m]));
  for (const e of schema.enums) catalogue.enums[e.dbName] = e.values.map((v) => v.dbName);

  for (const model of schema.models) {
    const table = emptyTable(model.dbName);
    catalogue.tables[model.dbName] = table;
    for (const field of model.fields) {
      if (models.has(field.type)) continue; // a relation field: no column of its own
      const enumType = enums.get(field.type)?.dbName;
      table.columns[field.columnName] = column(model, field, enumType);
    }

    const idField = model.fields.find((f) => f.id);
    if (idField) {
      table.primaryKey = {
        name: idField.id?.map ?? primaryKeyName(model.dbName),
        columns: [idField.columnName],
      };
    } else if (model.compoundId) {
      table.primaryKey = {
        name: model.compoundId.map ?? primaryKeyName(model.dbName),
        columns: model.compoundId.fields.map((f) => columnOf(model, f.name)),
      };
    }

    const indexes: Index[] = [];
    for (const field of model.fields) {
      if (!field.unique) continue;
      indexes.push({
        name: field.unique.map ?? indexName(model.dbName, [field.columnName], '_key'),
        unique: true,
        method: 'btree',
        columns: [{ name: field.columnName, order: 'ASC' }],
        predicate: null,
      });
    }
    for (const index of model.indexes) indexes.push(toIndex(model, index));
    for (const index of indexes) {
      if (table.indexes[index.name]) {
        throw new PrismaSchemaError(`two indexes of ${model.name} are named ${index.name}`);
      }
      table.indexes[index.name] = index;
    }

    for (const field of model.fields) {
      const target = models.get(field.type);
      if (!target || !field.relation?.fields) continue;
      const fk = foreignKey(model, field, target);
      table.foreignKeys[fk.name] = fk;
    }
  }
  return catalogue;
}

function column(model: PrismaModel, field: PrismaField, enumType: string | undefined): Column {
  const where = `${model.name}.${field.name}`;
  let type: string;
  if (enumType) {
    if (field.nativeType) {
      throw new PrismaSchemaError(
        `${where}: an enum field cannot have @db.${field.nativeType.name}`,
      );
    }
    type = quoteTypeName(enumType);
  } else if (field.nativeType) {
    const native = NATIVE_TYPES[field.nativeType.name];
    if (!native) {
      throw new PrismaSchemaError(
        `${where}: the drift check does not know the type @db.${field.nativeType.name}`,
      );
    }
    type = native(field.nativeType.args);
  } else if (isScalarType(field.type)) {
    type = SCALAR_TYPES[field.type];
  } else {
    throw new PrismaSchemaError(`${where} has the unknown type ${field.type}`);
  }

  let hasDefault = false;
  if (field.default) {
    hasDefault = defaultIsInDatabase(field.default, where);
    if (
      isCall(field.default, 'autoincrement') &&
      !['integer', 'bigint', 'smallint'].includes(type)
    ) {
      throw new PrismaSchemaError(`${where}: autoincrement() on a ${type} column`);
    }
  }
  return {
    name: field.columnName,
    type: field.list ? `${type}[]` : type,
    // Prisma creates list columns without NOT NULL
    nullable: field.optional || field.list,
    hasDefault,
  };
}

function defaultIsInDatabase(value: NonNullable<PrismaField['default']>, where: string): boolean {
  if (value.kind !== 'call') return true; // a literal: 'x', 1, true, an enum value, []
  if (CLIENT_DEFAULTS.has(value.name)) return false;
  if (['now', 'dbgenerated', 'autoincrement'].includes(value.name)) return true;
  throw new PrismaSchemaError(
    `${where}: the drift check does not understand @default(${value.name}(...))`,
  );
}

function isCall(value: NonNullable<PrismaField['default']>, name: string): boolean {
  return value.kind === 'call' && value.name === name;
}

function toIndex(model: PrismaModel, index: PrismaIndex): Index {
  const columns = index.fields.map((f) => ({
    name: columnOf(model, f.name),
    order: f.sort === 'Desc' ? ('DESC' as const) : ('ASC' as const),
  }));
  const unique = index.kind === 'unique';
  return {
    name:
      index.map ??
      indexName(
        model.dbName,
        columns.map((c) => c.name),
        unique ? '_key' : '_idx',
      ),
    unique,
    method: (index.type ?? 'BTree').toLowerCase(),
    columns,
    predicate: null,
  };
}

function foreignKey(model: PrismaModel, field: PrismaField, target: PrismaModel): ForeignKey {
  const relation = field.relation!;
  const columns = relation.fields!.map((name) => columnOf(model, name));
  const referencedColumns = relation.references!.map((name) => columnOf(target, name));
  const optional = relation.fields!.some(
    (name) => model.fields.find((f) => f.name === name)?.optional,
  );
  return {
    name: indexName(model.dbName, columns, '_fkey'),
    columns,
    referencedTable: target.dbName,
    referencedColumns,
    // Prisma's defaults: SetNull when the key is optional, Restrict when required; Cascade on update
    onDelete: ACTIONS[relation.onDelete ?? (optional ? 'SetNull' : 'Restrict')],
    onUpdate: ACTIONS[relation.onUpdate ?? 'Cascade'],
  };
}

function columnOf(model: PrismaModel, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new PrismaSchemaError(`${model.name} has no field ${fieldName}`);
  return field.columnName;
}

/** `{table}_pkey`, as Prisma names a primary key. */
export function primaryKeyName(table: string): string {
  return `${truncate(table, MAX_IDENTIFIER - 5)}_pkey`;
}

/** `{table}_{columns}{suffix}`, as Prisma names an index, unique index or foreign key. */
export function indexName(table: string, columns: string[], suffix: string): string {
  return `${truncate(`${table}_${columns.join('_')}`, MAX_IDENTIFIER - suffix.length)}${suffix}`;
}

function truncate(name: string, limit: number): string {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length < limit) return name;
  let end = limit;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1; // stay on a character boundary
  return bytes.subarray(0, end).toString('utf8');
}

/** `format_type()` quotes a type name that is not a plain lower-case identifier. */
function quoteTypeName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
