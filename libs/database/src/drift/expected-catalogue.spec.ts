import { expectedCatalogue, indexName } from './expected-catalogue';
import { parsePrismaSchema, PrismaSchemaError } from './prisma-schema';

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const expected = (text: string) => expectedCatalogue(parsePrismaSchema(DATASOURCE + text));

describe('expectedCatalogue', () => {
  const catalogue = expected(`
enum Status {
  OPEN
  CLOSED
  @@map("status")
}

model Claim {
  id         String    @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  text       String
  status     Status    @default(OPEN)
  tags       String[]  @default([])
  score      Float?
  firstSeen  DateTime? @map("first_seen") @db.Timestamptz(3)
  parentId   String?   @map("parent_id") @db.Uuid
  ownerId    BigInt    @map("owner_id")
  slug       String    @unique
  createdAt  DateTime  @default(now())

  parent   Claim?  @relation("Tree", fields: [parentId], references: [id])
  children Claim[] @relation("Tree")
  owner    Owner   @relation(fields: [ownerId], references: [id])

  @@index([firstSeen(sort: Desc), id(sort: Desc)])
  @@index([tags], type: Gin)
  @@unique([text, status])
  @@map("claims")
}

model Owner {
  id     BigInt  @id @default(autoincrement())
  token  String  @default(uuid())
  claims Claim[]
}
`);
  const claims = catalogue.tables.claims;

  it('maps enums and tables to their database names', () => {
    expect(catalogue.enums).toEqual({ status: ['OPEN', 'CLOSED'] });
    expect(Object.keys(catalogue.tables)).toEqual(['claims', 'Owner']);
  });

  it('gives each scalar field a column of the PostgreSQL type Prisma Migrate would create', () => {
    expect(claims.columns).toEqual({
      id: { name: 'id', type: 'uuid', nullable: false, hasDefault: true },
      text: { name: 'text', type: 'text', nullable: false, hasDefault: false },
      status: { name: 'status', type: 'status', nullable: false, hasDefault: true },
      tags: { name: 'tags', type: 'text[]', nullable: true, hasDefault: true },
      score: { name: 'score', type: 'double precision', nullable: true, hasDefault: false },
      first_seen: {
        name: 'first_seen',
        type: 'timestamp(3) with time zone',
        nullable: true,
        hasDefault: false,
      },
      parent_id: { name: 'parent_id', type: 'uuid', nullable: true, hasDefault: false },
      owner_id: { name: 'owner_id', type: 'bigint', nullable: false, hasDefault: false },
      slug: { name: 'slug', type: 'text', nullable: false, hasDefault: false },
      createdAt: {
        name: 'createdAt',
        type: 'timestamp(3) without time zone',
        nullable: false,
        hasDefault: true,
      },
    });
    // autoincrement() is a database default (BIGSERIAL); uuid() is filled in by Prisma Client
    expect(catalogue.tables.Owner.columns).toEqual({
      id: { name: 'id', type: 'bigint', nullable: false, hasDefault: true },
      token: { name: 'token', type: 'text', nullable: false, hasDefault: false },
    });
  });

  it("names keys and indexes by Prisma's conventions, with order and method", () => {
    expect(claims.primaryKey).toEqual({ name: 'claims_pkey', columns: ['id'] });
    expect(claims.indexes).toEqual({
      claims_slug_key: {
        name: 'claims_slug_key',
        unique: true,
        method: 'btree',
        columns: [{ name: 'slug', order: 'ASC' }],
        predicate: null,
      },
      claims_first_seen_id_idx: {
        name: 'claims_first_seen_id_idx',
        unique: false,
        method: 'btree',
        columns: [
          { name: 'first_seen', order: 'DESC' },
          { name: 'id', order: 'DESC' },
        ],
        predicate: null,
      },
      claims_tags_idx: {
        name: 'claims_tags_idx',
        unique: false,
        method: 'gin',
        columns: [{ name: 'tags', order: 'ASC' }],
        predicate: null,
      },
      claims_text_status_key: {
        name: 'claims_text_status_key',
        unique: true,
        method: 'btree',
        columns: [
          { name: 'text', order: 'ASC' },
          { name: 'status', order: 'ASC' },
        ],
        predicate: null,
      },
    });
  });

  it("creates foreign keys with Prisma's default actions (SetNull if optional, else Restrict)", () => {
    expect(claims.foreignKeys).toEqual({
      claims_parent_id_fkey: {
        name: 'claims_parent_id_fkey',
        columns: ['parent_id'],
        referencedTable: 'claims',
        referencedColumns: ['id'],
        onDelete: 'SET NULL',
        onUpdate: 'CASCADE',
      },
      claims_owner_id_fkey: {
        name: 'claims_owner_id_fkey',
        columns: ['owner_id'],
        referencedTable: 'Owner',
        referencedColumns: ['id'],
        onDelete: 'RESTRICT',
        onUpdate: 'CASCADE',
      },
    });
  });

  it('truncates long generated names to 63 bytes as Prisma does', () => {
    const name = indexName(
      'a_rather_long_table_name',
      ['first_long_column', 'second_long_column'],
      '_idx',
    );
    expect(name).toBe('a_rather_long_table_name_first_long_column_second_long_colu_idx');
    expect(name).toHaveLength(63);
    expect(indexName('t', ['a', 'b'], '_key')).toBe('t_a_b_key');
  });

  it('refuses a native type or a default it does not know', () => {
    expect(() => expected('model M {\n  id Int @id\n  a Decimal @db.Money\n}')).toThrow(
      /M\.a: the drift check does not know the type @db\.Money/,
    );
    expect(() => expected('model M {\n  id String @id @default(cuid2())\n}')).toThrow(
      PrismaSchemaError,
    );
  });
});
