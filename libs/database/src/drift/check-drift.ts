import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prismaDir } from '../migrations/migration-files';
import { compareCatalogues } from './compare-catalogues';
import { readDatabaseCatalogue } from './database-catalogue';
import { expectedCatalogue } from './expected-catalogue';
import { ExtraObjects, readExtraObjects } from './extra-objects';
import { parsePrismaSchema } from './prisma-schema';

export interface DriftCheckOptions {
  /** schema.prisma's text; the repository's file by default */
  schema?: string;
  /** the declared extra objects; prisma/extra-objects.json by default */
  extras?: ExtraObjects;
}

export function readPrismaSchemaText(): string {
  return readFileSync(join(prismaDir(), 'schema.prisma'), 'utf8');
}

/**
 * Compares schema.prisma with a migrated database and answers every difference in words; an empty
 * list means the hand-written migrations create exactly what schema.prisma describes.
 */
export async function checkDrift(
  connectionString: string,
  options: DriftCheckOptions = {},
): Promise<string[]> {
  const expected = expectedCatalogue(parsePrismaSchema(options.schema ?? readPrismaSchemaText()));
  const actual = await readDatabaseCatalogue(connectionString);
  return compareCatalogues(expected, actual, options.extras ?? readExtraObjects());
}
