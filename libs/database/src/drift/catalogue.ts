/**
 * The part of a PostgreSQL catalogue that schema.prisma describes, in one shape for both sides of
 * the drift check: what schema.prisma implies (expected-catalogue.ts) and what a migrated database
 * holds (database-catalogue.ts). Types are spelled as PostgreSQL's `format_type()` spells them.
 */
export interface Catalogue {
  tables: Record<string, Table>;
  /** enum type name → its values in order */
  enums: Record<string, string[]>;
  extensions: string[];
  functions: string[];
  views: string[];
}

export interface Table {
  name: string;
  columns: Record<string, Column>;
  primaryKey: PrimaryKey | null;
  /** unique and plain indexes, by name (the primary key's index is not listed) */
  indexes: Record<string, Index>;
  foreignKeys: Record<string, ForeignKey>;
  /** check, exclusion and constraint triggers: never expressible in schema.prisma */
  otherConstraints: Record<string, { name: string; kind: string }>;
  triggers: string[];
}

export interface Column {
  name: string;
  /** as `format_type()` prints it: `text`, `uuid[]`, `timestamp(3) with time zone`, `actor_kind` */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface PrimaryKey {
  name: string;
  columns: string[];
}

export interface IndexColumn {
  /** the column name, or the expression text of an expression index */
  name: string;
  order: 'ASC' | 'DESC';
}

export interface Index {
  name: string;
  unique: boolean;
  /** access method: btree, gin, gist, hash, spgist, brin */
  method: string;
  columns: IndexColumn[];
  /** WHERE clause of a partial index */
  predicate: string | null;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKey {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export function emptyCatalogue(): Catalogue {
  return { tables: {}, enums: {}, extensions: [], functions: [], views: [] };
}

export function emptyTable(name: string): Table {
  return {
    name,
    columns: {},
    primaryKey: null,
    indexes: {},
    foreignKeys: {},
    otherConstraints: {},
    triggers: [],
  };
}
