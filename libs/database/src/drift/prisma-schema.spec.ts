import { readPrismaSchemaText } from './check-drift';
import { parsePrismaSchema, PrismaSchemaError } from './prisma-schema';

const SCHEMA = `
// a comment
generator client {
  provider = "prisma-client"
}

datasource db {
  provider = "postgresql"
}

enum Kind {
  PERSON
  ORGANIZATION

  @@map("actor_kind")
}

/// Someone who says things.
model Actor {
  id        String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  /// shown to people
  name      String
  kind      Kind     @default(PERSON)
  aliases   String[] @default([])
  bossId    String?  @map("boss_id") @db.Uuid
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)

  boss     Actor?  @relation("Boss", fields: [bossId], references: [id], onDelete: SetNull)
  reports  Actor[] @relation("Boss")

  @@index([createdAt(sort: Desc), id(sort: Desc)])
  @@index([aliases], type: Gin)
  @@unique([name, kind], map: "actors_name_kind_uq")
  @@map("actors")
}

model Membership {
  actorId String @map("actor_id") @db.Uuid
  groupId String @map("group_id") @db.Uuid
  actor   Actor  @relation(fields: [actorId], references: [id], onDelete: Cascade)

  @@id([actorId, groupId])
}
`;

const model = (body: string) => `model M {\n  id Int @id\n${body}\n}\n`;

describe('parsePrismaSchema', () => {
  const schema = parsePrismaSchema(SCHEMA);

  it('reads enums with their database name and values in order', () => {
    expect(schema.enums).toEqual([
      {
        name: 'Kind',
        dbName: 'actor_kind',
        values: [
          { name: 'PERSON', dbName: 'PERSON' },
          { name: 'ORGANIZATION', dbName: 'ORGANIZATION' },
        ],
        documentation: undefined,
      },
    ]);
  });

  it('reads fields: type, ?, [], @id, @default, @map, @db.X and doc comments', () => {
    const actor = schema.models[0];
    expect(actor).toMatchObject({ name: 'Actor', dbName: 'actors' });
    expect(actor.documentation).toBe('Someone who says things.');
    const field = (name: string) => actor.fields.find((f) => f.name === name)!;
    expect(field('id')).toMatchObject({
      type: 'String',
      id: {},
      nativeType: { name: 'Uuid', args: [] },
      default: { kind: 'call', name: 'dbgenerated', args: [{ value: { kind: 'string' } }] },
    });
    expect(field('name')).toMatchObject({ optional: false, documentation: 'shown to people' });
    expect(field('kind').default).toEqual({ kind: 'identifier', name: 'PERSON' });
    expect(field('aliases')).toMatchObject({ list: true, default: { kind: 'array', items: [] } });
    expect(field('bossId')).toMatchObject({ optional: true, columnName: 'boss_id' });
    expect(field('createdAt').nativeType).toEqual({ name: 'Timestamptz', args: [3] });
  });

  it('reads relations with name, fields, references and onDelete', () => {
    const boss = schema.models[0].fields.find((f) => f.name === 'boss')!;
    expect(boss.relation).toEqual({
      name: 'Boss',
      fields: ['bossId'],
      references: ['id'],
      onDelete: 'SetNull',
    });
    const reports = schema.models[0].fields.find((f) => f.name === 'reports')!;
    expect(reports).toMatchObject({ list: true, relation: { name: 'Boss' } });
  });

  it('reads @@index with sort and type, @@unique with map, and @@id', () => {
    expect(schema.models[0].indexes).toEqual([
      expect.objectContaining({
        kind: 'index',
        fields: [
          { name: 'createdAt', sort: 'Desc' },
          { name: 'id', sort: 'Desc' },
        ],
      }),
      expect.objectContaining({
        kind: 'index',
        fields: [{ name: 'aliases', sort: 'Asc' }],
        type: 'Gin',
      }),
      expect.objectContaining({ kind: 'unique', map: 'actors_name_kind_uq' }),
    ]);
    expect(schema.models[1].compoundId).toMatchObject({
      kind: 'id',
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

  describe('refuses what it does not understand, naming the line', () => {
    const rejects = (text: string, message: RegExp) => {
      expect(() => parsePrismaSchema(text)).toThrow(PrismaSchemaError);
      expect(() => parsePrismaSchema(text)).toThrow(message);
    };

    it('an unknown field attribute', () => {
      rejects(
        model('  at DateTime @updatedAt'),
        /line 3: .*does not understand @updatedAt \(on M\.at\)/,
      );
    });

    it('an unknown block attribute', () => {
      rejects(model('  text String\n  @@fulltext([text])'), /line 4: .*@@fulltext/);
    });

    it('an unknown argument of a known attribute', () => {
      rejects(model('  a String\n  @@index([a], where: "a > 1")'), /argument where of @@index/);
      rejects(model('  a String\n  @@index([a(ops: raw("x"))])'), /ops/);
      rejects(model('  a String @unique(length: 10)'), /argument length of @unique/);
      rejects(
        model('  a M? @relation(fields: [a], references: [id], foo: 1)'),
        /argument foo of @relation/,
      );
    });

    it('an unknown type, block or index method', () => {
      rejects(model('  a Money'), /M\.a has the unknown type Money/);
      rejects(model('  a Unsupported("point")'), /type Unsupported/);
      rejects('view V {\n  id Int\n}\n', /line 1: .*"view" blocks/);
      rejects(model('  a String\n  @@index([a], type: Fancy)'), /unknown index type Fancy/);
    });

    it('a reference to a field that does not exist', () => {
      rejects(model('  @@index([nope])'), /unknown field nope/);
      rejects(model('  m M? @relation(fields: [nope], references: [id])'), /unknown field nope/);
    });

    it('broken syntax', () => {
      rejects('model M {\n  id Int @id\n', /line 3: model M is not closed/);
      rejects(model('  a String @map("x'), /unterminated string/);
      rejects(model('  a String @default(now(),'), /line 4: expected a value but found "}"/);
    });
  });
});
