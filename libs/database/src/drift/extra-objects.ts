import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prismaDir } from '../migrations/migration-files';

/**
 * Database objects that schema.prisma cannot express, declared in prisma/extra-objects.json. The
 * drift check requires each to exist and leaves them out of the comparison.
 */
export interface ExtraObjects {
  extensions: string[];
  functions: string[];
  columns: { table: string; column: string; type: string }[];
  indexes: { table: string; name: string }[];
  constraints: { table: string; name: string }[];
  triggers: { table: string; name: string }[];
  views: string[];
}

const LIST_KEYS = ['extensions', 'functions', 'views'] as const;
const OBJECT_KEYS = {
  columns: ['table', 'column', 'type'],
  indexes: ['table', 'name'],
  constraints: ['table', 'name'],
  triggers: ['table', 'name'],
} as const;

export function extraObjectsPath(): string {
  return join(prismaDir(), 'extra-objects.json');
}

export function readExtraObjects(file: string = extraObjectsPath()): ExtraObjects {
  return parseExtraObjects(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Validates the file's content strictly: an unknown key would silently exempt nothing. */
export function parseExtraObjects(json: unknown, source = 'extra-objects.json'): ExtraObjects {
  const fail = (message: string): never => {
    throw new Error(`${source}: ${message}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected an object');
  const input = json as Record<string, unknown>;
  const result: ExtraObjects = {
    extensions: [],
    functions: [],
    columns: [],
    indexes: [],
    constraints: [],
    triggers: [],
    views: [],
  };
  for (const [key, value] of Object.entries(input)) {
    if (key === '$comment') continue;
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        fail(`"${key}" must be a list of names`);
      }
      result[key as (typeof LIST_KEYS)[number]] = value as string[];
    } else if (key in OBJECT_KEYS) {
      const fields = OBJECT_KEYS[key as keyof typeof OBJECT_KEYS];
      if (!Array.isArray(value)) fail(`"${key}" must be a list`);
      for (const entry of value as unknown[]) {
        const record = entry as Record<string, unknown>;
        const ok =
          typeof entry === 'object' &&
          entry !== null &&
          Object.keys(record).length === fields.length &&
          fields.every((field) => typeof record[field] === 'string');
        if (!ok) fail(`each entry of "${key}" must have exactly ${fields.join(', ')} (strings)`);
      }
      (result as unknown as Record<string, unknown>)[key] = value;
    } else {
      fail(
        `unknown key "${key}" (known: ${[...LIST_KEYS, ...Object.keys(OBJECT_KEYS)].join(', ')})`,
      );
    }
  }
  return result;
}
