/**
 * schema.prisma as the drift check sees it, read by Prisma's own parser (prisma-schema-wasm.ts)
 * and taken from its datamodel (DMMF). The check must never skip something it does not model — an
 * ignored operator class or index option would hide exactly the drift it exists to find — so
 * anything in the datamodel beyond what it models stops it with a message naming the element.
 *
 * Two things the datamodel does not carry: a foreign key's own name (`@relation(map: …)`; the
 * check expects Prisma's default name) and fields of type `Unsupported(…)`. A schema using them is
 * reported as differing from the database, never hidden.
 */
import { prismaDatamodel } from './prisma-schema-wasm';

export class PrismaSchemaError extends Error {
  constructor(message: string) {
    super(`schema.prisma: ${message}`);
    this.name = 'PrismaSchemaError';
  }
}

export interface PrismaSchema {
  enums: PrismaEnum[];
  models: PrismaModel[];
}

export interface PrismaEnum {
  name: string;
  /** the PostgreSQL type name (`@@map`, else the enum's name) */
  dbName: string;
  values: { name: string; dbName: string }[];
}

export interface PrismaModel {
  name: string;
  /** the table name (`@@map`, else the model's name) */
  dbName: string;
  fields: PrismaField[];
  /** `@@id`, or null (then a field may carry `@id`) */
  compoundId: PrismaIndex | null;
  /** `@@index` and `@@unique`, in schema order */
  indexes: PrismaIndex[];
}

export interface PrismaField {
  name: string;
  /** `String`, `Int`, an enum's or a model's name */
  type: string;
  optional: boolean;
  list: boolean;
  /** the column name (`@map`, else the field's name) */
  columnName: string;
  /** `@id`, with its `map:` constraint name when given */
  id: { map?: string } | null;
  /** `@unique`, with its `map:` index name when given */
  unique: { map?: string } | null;
  /** `@default(…)`: a function such as `now()`, or a literal value */
  default: { kind: 'call'; name: string } | { kind: 'literal' } | null;
  /** `@db.X(args)` */
  nativeType: { name: string; args: (string | number)[] } | null;
  relation: PrismaRelation | null;
}

export type PrismaReferentialAction =
  'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export interface PrismaRelation {
  name?: string;
  /** the Prisma field names of this model that hold the key (only on the owning side) */
  fields?: string[];
  references?: string[];
  onDelete?: PrismaReferentialAction;
  onUpdate?: PrismaReferentialAction;
}

export type IndexMethod = 'BTree' | 'Hash' | 'Gist' | 'Gin' | 'SpGist' | 'Brin';

export interface PrismaIndex {
  kind: 'id' | 'unique' | 'index';
  /** Prisma field names with their sort order */
  fields: { name: string; sort: 'Asc' | 'Desc' }[];
  map?: string;
  type?: IndexMethod;
}

const SCALARS = new Set([
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
]);

export function isScalarType(type: string): boolean {
  return SCALARS.has(type);
}

// The parts of Prisma's datamodel (DMMF) that the check reads.
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: PrismaReferentialAction;
  relationOnUpdate?: PrismaReferentialAction;
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  dbName?: string;
  algorithm?: IndexMethod;
  clustered?: boolean;
  fields: { name: string; sortOrder?: 'asc' | 'desc'; length?: number; operatorClass?: string }[];
}

interface Dmmf {
  enums: {
    name: string;
    dbName?: string | null;
    values: { name: string; dbName?: string | null }[];
  }[];
  models: { name: string; dbName?: string | null; schema?: string | null; fields: DmmfField[] }[];
  types: unknown[];
  indexes: DmmfIndex[];
}

/** Reads schema.prisma's text; throws PrismaSchemaError on what it is not valid or not modelled. */
export function parsePrismaSchema(text: string): PrismaSchema {
  const parsed = prismaDatamodel(text);
  if ('invalid' in parsed) throw new PrismaSchemaError(parsed.invalid);
  const dmmf = parsed.datamodel as Dmmf;
  if (dmmf.types.length) throw new PrismaSchemaError('composite types are not supported');
  return {
    enums: dmmf.enums.map((e) => ({
      name: e.name,
      dbName: e.dbName ?? e.name,
      values: e.values.map((v) => ({ name: v.name, dbName: v.dbName ?? v.name })),
    })),
    models: dmmf.models.map((model) => {
      if (model.schema) throw new PrismaSchemaError(`${model.name}: @@schema is not supported`);
      const indexes = dmmf.indexes.filter((index) => index.model === model.name);
      return {
        name: model.name,
        dbName: model.dbName ?? model.name,
        fields: model.fields.map((field) => toField(model.name, field, indexes)),
        compoundId: toIndexes(model.name, indexes, 'id')[0] ?? null,
        indexes: toIndexes(model.name, indexes, 'unique', 'normal', 'fulltext'),
      };
    }),
  };
}

function toField(model: string, field: DmmfField, indexes: DmmfIndex[]): PrismaField {
  const where = `${model}.${field.name}`;
  const onField = (type: DmmfIndex['type']) =>
    indexes.find((i) => i.isDefinedOnField && i.type === type && i.fields[0]?.name === field.name);
  const id = field.isId ? onField('id') : undefined;
  const unique = field.isUnique ? onField('unique') : undefined;
  for (const index of [id, unique]) if (index) checkIndexOptions(where, index);
  const relation: PrismaRelation | null =
    field.kind === 'object'
      ? {
          name: field.relationName,
          ...(field.relationFromFields?.length
            ? { fields: field.relationFromFields, references: field.relationToFields }
            : {}),
          onDelete: field.relationOnDelete,
          onUpdate: field.relationOnUpdate,
        }
      : null;
  return {
    name: field.name,
    type: field.type,
    optional: !field.isRequired,
    list: field.isList,
    columnName: field.dbName ?? field.name,
    id: field.isId ? withMap(id?.dbName) : null,
    unique: field.isUnique ? withMap(unique?.dbName) : null,
    default: toDefault(field.default),
    nativeType: field.nativeType
      ? {
          name: field.nativeType[0],
          args: field.nativeType[1].map((a) => (/^\d+$/.test(a) ? Number(a) : a)),
        }
      : null,
    relation,
  };
}

function toDefault(value: unknown): PrismaField['default'] {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'name' in value) {
    return { kind: 'call', name: String(value.name) };
  }
  return { kind: 'literal' };
}

function toIndexes(
  model: string,
  indexes: DmmfIndex[],
  ...types: DmmfIndex['type'][]
): PrismaIndex[] {
  return indexes
    .filter((index) => !index.isDefinedOnField && types.includes(index.type))
    .map((index) => {
      const where = `${model} ${index.dbName ?? `(${index.fields.map((f) => f.name).join(', ')})`}`;
      if (index.type === 'fulltext')
        throw new PrismaSchemaError(`${where}: @@fulltext is not supported`);
      checkIndexOptions(where, index);
      return {
        kind: index.type === 'normal' ? 'index' : index.type,
        fields: index.fields.map((f) => ({
          name: f.name,
          sort: f.sortOrder === 'desc' ? ('Desc' as const) : ('Asc' as const),
        })),
        ...(index.dbName ? { map: index.dbName } : {}),
        ...(index.algorithm ? { type: index.algorithm } : {}),
      };
    });
}

/** Options the catalogue does not model: refused rather than ignored. */
function checkIndexOptions(where: string, index: DmmfIndex): void {
  if (index.clustered !== undefined)
    throw new PrismaSchemaError(`${where}: clustered is not supported`);
  for (const field of index.fields) {
    if (field.operatorClass) {
      throw new PrismaSchemaError(
        `${where}: the operator class ${field.operatorClass} is not supported (declare the index in prisma/extra-objects.json)`,
      );
    }
    if (field.length !== undefined)
      throw new PrismaSchemaError(`${where}: length is not supported`);
  }
}

function withMap(map: string | undefined): { map?: string } {
  return map ? { map } : {};
}
