import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { createSchemaApp, printAppSchema, schemaFilePath } from '../src/schema/print-schema';

const WRITE_COMMAND = 'npm run schema:write';

/** The first few lines that differ, for a failure message a person can act on. */
function firstDifferences(committed: string, generated: string, limit = 10): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < limit; i += 1) {
    if (a[i] !== b[i]) {
      out.push(
        `  line ${i + 1}:\n    committed: ${a[i] ?? '(end of file)'}\n    generated: ${b[i] ?? '(end of file)'}`,
      );
    }
  }
  return out.join('\n');
}

describe('schema.gql', () => {
  it('is what the code generates', async () => {
    const app = await createSchemaApp();
    let generated: string;
    try {
      generated = printAppSchema(app);
    } finally {
      await app.close();
    }
    const file = schemaFilePath();
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`${WRITE_COMMAND}\` and commit schema.gql.`);
    }
    const committed = readFileSync(file, 'utf8');
    if (committed !== generated) {
      throw new Error(
        `schema.gql differs from the schema the code builds: run \`${WRITE_COMMAND}\` and commit schema.gql.\n` +
          firstDifferences(committed, generated),
      );
    }
  }, 30_000);
});
