import { readPrismaSchemaText } from './check-drift';
import { parsePrismaSchema, PrismaSchemaError } from './prisma-schema';

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';

const SCHEMA = `${DATASOURCE}
enum Kind {
  PERSON
  ORGANIZATION @map("organisation")

  @@map("actor_kind")
}

/// Someone who says things.
model Actor {
  id        String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  name      String
  kind      Kind     @default(PERSON)
  aliases   String[] @default([])
  bossId    String?  @map("boss_id") @db.Uuid
  email     String   @unique(map: "actors_email_uq")
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  boss     Actor?  @relation("Boss", fields: [bossId], references: [id], onDelete: SetNull)
  reports  Actor[] @relation("Boss")
  members  Membership[]

  @@index([createdAt(sort: Desc), id(sort: Desc)])
  @@index([aliases], type: Gin)
  @@unique([name, kind], map: "actors_name_kind_uq")
  @@map("actors")
}

model Membership {
  actorId String @map("actor_id") @db.Uuid
  groupId String @map("group_id") @db.Uuid
  actor   Actor  @relation(fields: [actorId], references: [id], onDelete: Cascade)

  @@id([actorId, groupId], map: "membership_pk")
}
`;

const model = (body: string) => `${DATASOURCE}model M {\n  id Int @id\n${body}\n}\n`;

describe('parsePrismaSchema (Prisma’s own parser, through its WebAssembly module)', () => {
  const schema = parsePrismaSchema(SCHEMA);

  it('reads enums with their database names and values in order', () => {
    expect(schema.enums).toEqual([
      {
        name: 'Kind',
        dbName: 'actor_kind',
        values: [
          { name: 'PERSON', dbName: 'PERSON' },
          { name: 'ORGANIZATION', dbName: 'organisation' },
        ],
      },
    ]);
  });

  it('reads fields: type, ?, [], @id, @unique, @default, @map and @db.X', () => {
    const actor = schema.models[0];
    expect(actor).toMatchObject({ name: 'Actor', dbName: 'actors' });
    const field = (name: string) => actor.fields.find((f) => f.name === name)!;
    expect(field('id')).toMatchObject({
      type: 'String',
      id: {},
      nativeType: { name: 'Uuid', args: [] },
      default: { kind: 'call', name: 'dbgenerated' },
    });
    expect(field('name')).toMatchObject({ optional: false, default: null });
    expect(field('kind').default).toEqual({ kind: 'literal' });
    expect(field('aliases')).toMatchObject({ list: true, default: { kind: 'literal' } });
    expect(field('bossId')).toMatchObject({ optional: true, columnName: 'boss_id' });
    expect(field('email').unique).toEqual({ map: 'actors_email_uq' });
    expect(field('createdAt').nativeType).toEqual({ name: 'Timestamptz', args: [3] });
  });

  it('reads relations with name, fields, references and onDelete', () => {
    const boss = schema.models[0].fields.find((f) => f.name === 'boss')!;
    expect(boss.relation).toMatchObject({
      name: 'Boss',
      fields: ['bossId'],
      references: ['id'],
      onDelete: 'SetNull',
    });
    const reports = schema.models[0].fields.find((f) => f.name === 'reports')!;
    expect(reports).toMatchObject({ list: true, relation: { name: 'Boss' } });
    expect(reports.relation?.fields).toBeUndefined();
  });

  it('reads @@index with sort and type, @@unique with map, and @@id', () => {
    expect(schema.models[0].indexes).toEqual(
      expect.arrayContaining([
        {
          kind: 'index',
          fields: [
            { name: 'createdAt', sort: 'Desc' },
            { name: 'id', sort: 'Desc' },
          ],
        },
        { kind: 'index', fields: [{ name: 'aliases', sort: 'Asc' }], type: 'Gin' },
        expect.objectContaining({ kind: 'unique', map: 'actors_name_kind_uq' }),
      ]),
    );
    expect(schema.models[0].indexes).toHaveLength(3);
    expect(schema.models[1].compoundId).toEqual({
      kind: 'id',
      map: 'membership_pk',
      fields: [
        { name: 'actorId', sort: 'Asc' },
        { name: 'groupId', sort: 'Asc' },
      ],
    });
  });

  it("reads the project's schema.prisma", () => {
    const project = parsePrismaSchema(readPrismaSchemaText());
    expect(project.models.map((m) => m.dbName)).toContain('claims');
    expect(project.enums.map((e) => e.dbName)).toContain('claim_status');
  });

  describe('refuses', () => {
    const rejects = (text: string, message: RegExp) => {
      expect(() => parsePrismaSchema(text)).toThrow(PrismaSchemaError);
      expect(() => parsePrismaSchema(text)).toThrow(message);
    };

    it('a schema Prisma finds invalid, with Prisma’s message naming the line', () => {
      rejects(model('  a String @bogus'), /Attribute not known: "@bogus"[^]*schema\.prisma:6/);
      rejects(model('  @@index([nope])'), /nope/);
      rejects(`${DATASOURCE}model M {\n  id Int @id\n`, /schema\.prisma/);
    });

    it('index options the drift check does not model, rather than ignoring them', () => {
      rejects(
        model('  a String\n  @@index([a(ops: raw("gin_trgm_ops"))], type: Gin)'),
        /operator class gin_trgm_ops is not supported \(declare the index in prisma\/extra-objects\.json\)/,
      );
    });
  });

  it('leaves out a field of type Unsupported, as Prisma’s datamodel does', () => {
    // so the drift check reports its column as being in the migrations only, never hides it
    const [m] = parsePrismaSchema(model('  a Unsupported("point")?')).models;
    expect(m.fields.map((f) => f.name)).toEqual(['id']);
  });
});
