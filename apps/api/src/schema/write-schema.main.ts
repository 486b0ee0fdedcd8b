import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createSchemaApp, printAppSchema, schemaFilePath } from './print-schema';

/** `npm run schema:write`: regenerates schema.gql at the repository root from the code. */
async function main(): Promise<void> {
  const app = await createSchemaApp();
  try {
    const file = schemaFilePath();
    writeFileSync(file, printAppSchema(app));
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`schema:write failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
