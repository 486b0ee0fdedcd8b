import { Catalogue, Column, ForeignKey, Index, PrimaryKey, Table } from './catalogue';
import { ExtraObjects } from './extra-objects';

export interface CompareOptions {
  /** how the messages name the actual side; 'the migrations' by default */
  actualName?: string;
}

const NO_EXTRAS: ExtraObjects = {
  extensions: [],
  functions: [],
  columns: [],
  indexes: [],
  constraints: [],
  triggers: [],
  views: [],
};

const EXPECTED = 'schema.prisma';
const EXTRAS = 'prisma/extra-objects.json';

/**
 * Every difference between what schema.prisma implies and what the database holds, one sentence
 * each; an empty list means no drift. Objects declared in extra-objects.json must exist in the
 * database and are otherwise left out; anything else the database has and schema.prisma lacks is
 * drift.
 */
export function compareCatalogues(
  expected: Catalogue,
  actualCatalogue: Catalogue,
  extras: ExtraObjects = NO_EXTRAS,
  options: CompareOptions = {},
): string[] {
  const actualName = options.actualName ?? 'the migrations';
  const actual = structuredClone(actualCatalogue);
  const out: string[] = [];
  const onlyIn = (what: string, side: 'expected' | 'actual') =>
    side === 'expected'
      ? `${what} is in ${EXPECTED} but not in ${actualName}`
      : `${what} is in ${actualName} but not in ${EXPECTED}`;

  out.push(...removeExtras(expected, actual, extras, actualName));

  for (const name of union(Object.keys(expected.enums), Object.keys(actual.enums))) {
    const want = expected.enums[name];
    const have = actual.enums[name];
    if (!have) out.push(onlyIn(`enum ${name}`, 'expected'));
    else if (!want) out.push(onlyIn(`enum ${name}`, 'actual'));
    else if (want.join() !== have.join()) {
      out.push(
        `enum ${name} differs: (${want.join(', ')}) in ${EXPECTED}, (${have.join(', ')}) in ${actualName}`,
      );
    }
  }

  for (const name of union(Object.keys(expected.tables), Object.keys(actual.tables))) {
    const want = expected.tables[name];
    const have = actual.tables[name];
    if (!have) out.push(onlyIn(`table ${name}`, 'expected'));
    else if (!want) out.push(onlyIn(`table ${name}`, 'actual'));
    else out.push(...compareTables(want, have, actualName, onlyIn));
  }

  for (const kind of ['extensions', 'functions', 'views'] as const) {
    const singular = kind.slice(0, -1);
    for (const name of actual[kind]) {
      out.push(`${onlyIn(`${singular} ${name}`, 'actual')} (declare it in ${EXTRAS} if intended)`);
    }
  }
  return out;
}

function compareTables(
  want: Table,
  have: Table,
  actualName: string,
  onlyIn: (what: string, side: 'expected' | 'actual') => string,
): string[] {
  const out: string[] = [];
  const t = want.name;

  for (const name of union(Object.keys(want.columns), Object.keys(have.columns))) {
    const a = want.columns[name];
    const b = have.columns[name];
    if (!b) out.push(onlyIn(`column ${t}.${name}`, 'expected'));
    else if (!a) out.push(onlyIn(`column ${t}.${name}`, 'actual'));
    else {
      const differences = columnDifferences(a, b, actualName);
      if (differences.length) out.push(`column ${t}.${name} differs: ${differences.join('; ')}`);
    }
  }

  if (!samePrimaryKey(want.primaryKey, have.primaryKey)) {
    out.push(
      `primary key of ${t} differs: ${describePrimaryKey(want.primaryKey)} in ${EXPECTED}, ${describePrimaryKey(have.primaryKey)} in ${actualName}`,
    );
  }

  for (const name of union(Object.keys(want.indexes), Object.keys(have.indexes))) {
    const a = want.indexes[name];
    const b = have.indexes[name];
    if (!b) out.push(onlyIn(`index ${name} on ${t} [${describeIndex(a)}]`, 'expected'));
    else if (!a) out.push(onlyIn(`index ${name} on ${t} [${describeIndex(b)}]`, 'actual'));
    else if (describeIndex(a) !== describeIndex(b)) {
      out.push(
        `index ${name} differs: ${describeIndex(a)} in ${EXPECTED}, ${describeIndex(b)} in ${actualName}`,
      );
    }
  }

  for (const name of union(Object.keys(want.foreignKeys), Object.keys(have.foreignKeys))) {
    const a = want.foreignKeys[name];
    const b = have.foreignKeys[name];
    if (!b) out.push(onlyIn(`foreign key ${name} [${describeForeignKey(a)}]`, 'expected'));
    else if (!a) out.push(onlyIn(`foreign key ${name} [${describeForeignKey(b)}]`, 'actual'));
    else if (describeForeignKey(a) !== describeForeignKey(b)) {
      out.push(
        `foreign key ${name} differs: ${describeForeignKey(a)} in ${EXPECTED}, ${describeForeignKey(b)} in ${actualName}`,
      );
    }
  }

  for (const constraint of Object.values(have.otherConstraints)) {
    out.push(
      `${onlyIn(`${constraint.kind} ${constraint.name} on ${t}`, 'actual')} (declare it in ${EXTRAS} if intended)`,
    );
  }
  for (const trigger of have.triggers) {
    out.push(
      `${onlyIn(`trigger ${trigger} on ${t}`, 'actual')} (declare it in ${EXTRAS} if intended)`,
    );
  }
  return out;
}

function columnDifferences(a: Column, b: Column, actualName: string): string[] {
  const out: string[] = [];
  if (a.type !== b.type) out.push(`type ${a.type} in ${EXPECTED}, ${b.type} in ${actualName}`);
  if (a.nullable !== b.nullable) {
    const word = (nullable: boolean) => (nullable ? 'nullable' : 'NOT NULL');
    out.push(`${word(a.nullable)} in ${EXPECTED}, ${word(b.nullable)} in ${actualName}`);
  }
  if (a.hasDefault !== b.hasDefault) {
    const word = (has: boolean) => (has ? 'a default' : 'no default');
    out.push(`${word(a.hasDefault)} in ${EXPECTED}, ${word(b.hasDefault)} in ${actualName}`);
  }
  return out;
}

function samePrimaryKey(a: PrimaryKey | null, b: PrimaryKey | null): boolean {
  return describePrimaryKey(a) === describePrimaryKey(b);
}

function describePrimaryKey(key: PrimaryKey | null): string {
  return key ? `${key.name} (${key.columns.join(', ')})` : 'none';
}

export function describeIndex(index: Index): string {
  const columns = index.columns.map((c) => (c.order === 'DESC' ? `${c.name} DESC` : c.name));
  return [
    index.unique ? 'UNIQUE' : null,
    index.method,
    `(${columns.join(', ')})`,
    index.predicate ? `WHERE ${index.predicate}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

export function describeForeignKey(key: ForeignKey): string {
  return `(${key.columns.join(', ')}) → ${key.referencedTable}(${key.referencedColumns.join(', ')}) ON DELETE ${key.onDelete} ON UPDATE ${key.onUpdate}`;
}

/** Checks that each declared extra exists, and takes it out of `actual` (which it mutates). */
function removeExtras(
  expected: Catalogue,
  actual: Catalogue,
  extras: ExtraObjects,
  actualName: string,
): string[] {
  const out: string[] = [];
  const missing = (what: string) =>
    out.push(`${what} is declared in ${EXTRAS} but missing from ${actualName}`);

  for (const kind of ['extensions', 'functions', 'views'] as const) {
    const singular = kind.slice(0, -1);
    for (const name of extras[kind]) {
      if (!actual[kind].includes(name)) missing(`${singular} ${name}`);
      actual[kind] = actual[kind].filter((n) => n !== name);
    }
  }
  for (const { table, column, type } of extras.columns) {
    const found = actual.tables[table]?.columns[column];
    if (expected.tables[table]?.columns[column]) {
      out.push(`column ${table}.${column} is declared in ${EXTRAS} but is in ${EXPECTED} too`);
    }
    if (!found) missing(`column ${table}.${column}`);
    else {
      if (found.type !== type) {
        out.push(
          `column ${table}.${column} is declared in ${EXTRAS} as ${type} but is ${found.type} in ${actualName}`,
        );
      }
      delete actual.tables[table].columns[column];
    }
  }
  for (const { table, name } of extras.indexes) {
    if (expected.tables[table]?.indexes[name]) {
      out.push(`index ${name} is declared in ${EXTRAS} but is in ${EXPECTED} too`);
    }
    if (!actual.tables[table]?.indexes[name]) missing(`index ${name} on ${table}`);
    else delete actual.tables[table].indexes[name];
  }
  for (const { table, name } of extras.constraints) {
    const found = actual.tables[table];
    if (found?.otherConstraints[name]) delete found.otherConstraints[name];
    else if (found?.foreignKeys[name] && !expected.tables[table]?.foreignKeys[name]) {
      delete found.foreignKeys[name];
    } else missing(`constraint ${name} on ${table}`);
  }
  for (const { table, name } of extras.triggers) {
    const found = actual.tables[table];
    if (!found?.triggers.includes(name)) missing(`trigger ${name} on ${table}`);
    else found.triggers = found.triggers.filter((n) => n !== name);
  }
  return out;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
