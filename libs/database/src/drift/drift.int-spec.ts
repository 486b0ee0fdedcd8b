import { Client } from 'pg';
import { createTestDatabase } from '@claimtrace/testing';
import { checkDrift, readPrismaSchemaText } from './check-drift';

/** schema.prisma with `replace` swapped for `by` (failing loudly when `replace` is not there). */
function editedSchema(replace: string, by: string): string {
  const schema = readPrismaSchemaText();
  if (!schema.includes(replace)) throw new Error(`schema.prisma no longer contains ${replace}`);
  return schema.replace(replace, by);
}

async function sql(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('schema.prisma and the migrations describe the same database', () => {
  let migrated: string;
  beforeAll(async () => {
    migrated = await createTestDatabase();
  });

  it('has no drift after every migration is applied', async () => {
    expect(await checkDrift(migrated)).toEqual([]);
  });

  it('reports a field added to schema.prisma without a migration', async () => {
    const schema = editedSchema('model Claim {\n', 'model Claim {\n  foo String?\n');
    expect(await checkDrift(migrated, { schema })).toEqual([
      'column claims.foo is in schema.prisma but not in the migrations',
    ]);
  });

  it("reports an index whose sort order differs from the migration's", async () => {
    const schema = editedSchema(
      '@@index([updatedAt(sort: Desc), id(sort: Desc)])',
      '@@index([updatedAt, id])',
    );
    expect(await checkDrift(migrated, { schema })).toEqual([
      'index claims_updated_at_id_idx differs: btree (updated_at, id) in schema.prisma, btree (updated_at DESC, id DESC) in the migrations',
    ]);
  });

  it('reports a column added to the database but not to schema.prisma', async () => {
    const url = await createTestDatabase();
    await sql(url, 'ALTER TABLE "claims" ADD COLUMN "bar" TEXT');
    expect(await checkDrift(url)).toEqual([
      'column claims.bar is in the migrations but not in schema.prisma',
    ]);
  });

  it('reports an object of extra-objects.json that the database lacks', async () => {
    const url = await createTestDatabase();
    await sql(url, 'DROP INDEX "actors_name_trgm_idx"');
    expect(await checkDrift(url)).toEqual([
      'index actors_name_trgm_idx on actors is declared in prisma/extra-objects.json but missing from the migrations',
    ]);
  });
});
