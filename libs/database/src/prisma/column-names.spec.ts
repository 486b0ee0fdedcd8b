import { readPrismaSchemaText } from '../drift/check-drift';
import { isScalarType, parsePrismaSchema } from '../drift/prisma-schema';

/** What `ColumnOf` (libs/core/src/sql/columns.ts) computes at compile time, at run time. */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`);

/**
 * Repositories map columns to Prisma's generated row types by the column's name (a typed
 * ColumnSpec): that holds only while schema.prisma names every column after its field.
 */
describe('schema.prisma column names', () => {
  it('name every column after its field, in snake_case', () => {
    const schema = parsePrismaSchema(readPrismaSchemaText());
    const enums = new Set(schema.enums.map((e) => e.name));
    const columns = schema.models.flatMap((model) =>
      model.fields
        .filter((field) => isScalarType(field.type) || enums.has(field.type))
        .map((field) => ({ model, field })),
    );
    const fields = columns.map(
      ({ model, field }) => `${model.dbName}.${field.columnName} ← ${model.name}.${field.name}`,
    );
    const named = columns.map(
      ({ model, field }) => `${model.dbName}.${columnOf(field.name)} ← ${model.name}.${field.name}`,
    );
    expect(fields.length).toBeGreaterThan(80);
    expect(fields).toEqual(named);
  });
});
