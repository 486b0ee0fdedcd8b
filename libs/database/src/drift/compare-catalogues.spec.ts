import { Catalogue } from './catalogue';
import { compareCatalogues } from './compare-catalogues';
import { expectedCatalogue } from './expected-catalogue';
import { ExtraObjects, parseExtraObjects } from './extra-objects';
import { parsePrismaSchema } from './prisma-schema';

const SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Status {
  OPEN
  CLOSED
  @@map("status")
}

model Claim {
  id       String   @id @db.Uuid
  text     String
  status   Status   @default(OPEN)
  tags     String[] @default([])
  parentId String?  @map("parent_id") @db.Uuid
  parent   Claim?   @relation("Tree", fields: [parentId], references: [id], onDelete: Restrict)
  children Claim[]  @relation("Tree")

  @@index([tags], type: Gin)
  @@map("claims")
}
`;

const expected = () => expectedCatalogue(parsePrismaSchema(SCHEMA));
/** A database that matches the schema exactly; each test breaks one thing. */
const database = (): Catalogue => structuredClone(expected());

const noExtras = parseExtraObjects({});

describe('compareCatalogues', () => {
  it('finds nothing when the database matches', () => {
    expect(compareCatalogues(expected(), database())).toEqual([]);
  });

  it('reports a column missing on either side', () => {
    const db = database();
    delete db.tables.claims.columns.text;
    db.tables.claims.columns.foo = { name: 'foo', type: 'text', nullable: true, hasDefault: false };
    expect(compareCatalogues(expected(), db)).toEqual([
      'column claims.foo is in the migrations but not in schema.prisma',
      'column claims.text is in schema.prisma but not in the migrations',
    ]);
  });

  it("reports a column's type, nullability and default", () => {
    const db = database();
    db.tables.claims.columns.text = {
      name: 'text',
      type: 'character varying(10)',
      nullable: true,
      hasDefault: true,
    };
    expect(compareCatalogues(expected(), db)).toEqual([
      'column claims.text differs: type text in schema.prisma, character varying(10) in the migrations; NOT NULL in schema.prisma, nullable in the migrations; no default in schema.prisma, a default in the migrations',
    ]);
  });

  it('reports tables and enums on either side, and enum values in a different order', () => {
    const db = database();
    db.enums.status = ['CLOSED', 'OPEN'];
    db.enums.mood = ['HAPPY'];
    db.tables.notes = { ...structuredClone(db.tables.claims), name: 'notes' };
    const want = expected();
    delete db.tables.claims;
    expect(compareCatalogues(want, db)).toEqual([
      'enum mood is in the migrations but not in schema.prisma',
      'enum status differs: (OPEN, CLOSED) in schema.prisma, (CLOSED, OPEN) in the migrations',
      'table claims is in schema.prisma but not in the migrations',
      'table notes is in the migrations but not in schema.prisma',
    ]);
  });

  it('reports index differences in columns, order, method and uniqueness', () => {
    const db = database();
    db.tables.claims.indexes.claims_tags_idx.method = 'btree';
    db.tables.claims.indexes.claims_text_idx = {
      name: 'claims_text_idx',
      unique: true,
      method: 'btree',
      columns: [{ name: 'text', order: 'DESC' }],
      predicate: "status = 'OPEN'::status",
    };
    expect(compareCatalogues(expected(), db)).toEqual([
      'index claims_tags_idx differs: gin (tags) in schema.prisma, btree (tags) in the migrations',
      "index claims_text_idx on claims [UNIQUE btree (text DESC) WHERE status = 'OPEN'::status] is in the migrations but not in schema.prisma",
    ]);
  });

  it('reports primary keys and foreign keys that differ', () => {
    const db = database();
    db.tables.claims.primaryKey = { name: 'claims_pkey', columns: ['id', 'text'] };
    db.tables.claims.foreignKeys.claims_parent_id_fkey.onDelete = 'CASCADE';
    expect(compareCatalogues(expected(), db)).toEqual([
      'primary key of claims differs: claims_pkey (id) in schema.prisma, claims_pkey (id, text) in the migrations',
      'foreign key claims_parent_id_fkey differs: (parent_id) → claims(id) ON DELETE RESTRICT ON UPDATE CASCADE in schema.prisma, (parent_id) → claims(id) ON DELETE CASCADE ON UPDATE CASCADE in the migrations',
    ]);
  });

  describe('objects schema.prisma cannot express', () => {
    const withExtras = (): Catalogue => {
      const db = database();
      db.extensions = ['pg_trgm'];
      db.functions = ['fold'];
      db.tables.claims.columns.search = {
        name: 'search',
        type: 'tsvector',
        nullable: true,
        hasDefault: true,
      };
      db.tables.claims.indexes.claims_search_idx = {
        name: 'claims_search_idx',
        unique: false,
        method: 'gin',
        columns: [{ name: 'search', order: 'ASC' }],
        predicate: null,
      };
      db.tables.claims.otherConstraints.claims_text_check = {
        name: 'claims_text_check',
        kind: 'check constraint',
      };
      db.tables.claims.triggers = ['claims_touch'];
      return db;
    };
    const extras: ExtraObjects = parseExtraObjects({
      extensions: ['pg_trgm'],
      functions: ['fold'],
      columns: [{ table: 'claims', column: 'search', type: 'tsvector' }],
      indexes: [{ table: 'claims', name: 'claims_search_idx' }],
      constraints: [{ table: 'claims', name: 'claims_text_check' }],
      triggers: [{ table: 'claims', name: 'claims_touch' }],
    });

    it('are drift when undeclared', () => {
      expect(compareCatalogues(expected(), withExtras(), noExtras)).toEqual([
        'column claims.search is in the migrations but not in schema.prisma',
        'index claims_search_idx on claims [gin (search)] is in the migrations but not in schema.prisma',
        'check constraint claims_text_check on claims is in the migrations but not in schema.prisma (declare it in prisma/extra-objects.json if intended)',
        'trigger claims_touch on claims is in the migrations but not in schema.prisma (declare it in prisma/extra-objects.json if intended)',
        'extension pg_trgm is in the migrations but not in schema.prisma (declare it in prisma/extra-objects.json if intended)',
        'function fold is in the migrations but not in schema.prisma (declare it in prisma/extra-objects.json if intended)',
      ]);
    });

    it('are left out when declared in extra-objects.json', () => {
      expect(compareCatalogues(expected(), withExtras(), extras)).toEqual([]);
    });

    it('must exist, with the declared type', () => {
      const db = withExtras();
      db.tables.claims.columns.search.type = 'text';
      delete db.tables.claims.indexes.claims_search_idx;
      db.extensions = [];
      expect(compareCatalogues(expected(), db, extras)).toEqual([
        'extension pg_trgm is declared in prisma/extra-objects.json but missing from the migrations',
        'column claims.search is declared in prisma/extra-objects.json as tsvector but is text in the migrations',
        'index claims_search_idx on claims is declared in prisma/extra-objects.json but missing from the migrations',
      ]);
    });
  });

  it('refuses an extra-objects.json it does not understand', () => {
    expect(() => parseExtraObjects({ sequences: ['s'] })).toThrow(/unknown key "sequences"/);
    expect(() => parseExtraObjects({ indexes: [{ name: 'x' }] })).toThrow(
      /each entry of "indexes" must have exactly table, name/,
    );
  });
});
