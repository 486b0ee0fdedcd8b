/**
 * Prisma's own schema parser: the WebAssembly module the `prisma` CLI package ships
 * (build/prisma_schema_build_bg.wasm, the prisma-fmt engine that `prisma validate` and the
 * language server use), called directly. Nothing is downloaded; the module is loaded once, on first
 * use, and only by the drift check (a test-time tool: `prisma` is a dev dependency).
 *
 * The module is wasm-bindgen output. Its JavaScript glue lives inside Prisma's CLI bundle, so this
 * file carries the few lines of glue that `get_datamodel` needs. Its imports are matched by name
 * prefix (wasm-bindgen appends a hash that changes between Prisma versions); an import it does not
 * know stops with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface SchemaWasm {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(pointer: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  /** → [pointer, length, error index, failed] */
  get_datamodel(pointer: number, length: number): [number, number, number, number];
}

let instance: SchemaWasm | undefined;

function wasmFile(): string {
  return join(
    dirname(require.resolve('prisma/package.json')),
    'build',
    'prisma_schema_build_bg.wasm',
  );
}

function load(): SchemaWasm {
  const file = wasmFile();
  const module = new WebAssembly.Module(readFileSync(file));
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  const text = (pointer: number, length: number) =>
    decoder.decode(new Uint8Array(wasm.memory.buffer, pointer >>> 0, length));
  const glue: [string, (...args: number[]) => unknown][] = [
    ['__wbg_Error_', (pointer, length) => new Error(text(pointer, length))],
    [
      '__wbg___wbindgen_throw_',
      (pointer, length) => {
        throw new Error(text(pointer, length));
      },
    ],
    // a Rust panic's message, reported before the trap that follows it
    ['__wbg_set_message_', (pointer, length) => void (panic = text(pointer, length))],
    [
      '__wbindgen_init_externref_table',
      () => {
        const table = wasm.__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        [undefined, null, true, false].forEach((value, i) => table.set(offset + i, value));
      },
    ],
  ];
  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    const known = glue.find(([prefix]) => name.startsWith(prefix));
    if (!known) {
      throw new Error(
        `${file} imports ${from}.${name}, which libs/database/src/drift/prisma-schema-wasm.ts does not provide (a new Prisma version?)`,
      );
    }
    (imports[from] ??= {})[name] = known[1];
  }
  const wasm = new WebAssembly.Instance(module, imports).exports as unknown as SchemaWasm;
  wasm.__wbindgen_start();
  return wasm;
}

let panic: string | undefined;

/**
 * Prisma's datamodel (DMMF `datamodel`: enums, models, indexes) of a schema's text, or Prisma's
 * validation message (it names the line) when the schema is not valid.
 */
export function prismaDatamodel(schema: string): { datamodel: unknown } | { invalid: string } {
  instance ??= load();
  const wasm = instance;
  const params = new TextEncoder().encode(
    JSON.stringify({ prismaSchema: [['schema.prisma', schema]], noColor: true }),
  );
  const input = wasm.__wbindgen_malloc(params.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer).set(params, input);
  let result: [number, number, number, number];
  try {
    result = wasm.get_datamodel(input, params.length);
  } catch (error) {
    instance = undefined; // a trapped instance is not reused
    throw new Error(`Prisma's schema parser failed: ${panic ?? (error as Error).message}`);
  }
  const [pointer, length, errorIndex, failed] = result;
  if (failed) {
    const error = wasm.__wbindgen_externrefs.get(errorIndex) as Error;
    wasm.__externref_table_dealloc(errorIndex);
    return { invalid: validationMessage(error) };
  }
  try {
    const json = new TextDecoder().decode(
      new Uint8Array(wasm.memory.buffer, pointer >>> 0, length),
    );
    return { datamodel: JSON.parse(json) };
  } finally {
    wasm.__wbindgen_free(pointer, length, 1);
  }
}

/** Prisma's validation error is JSON with a readable `message`. */
function validationMessage(error: Error): string {
  try {
    return (JSON.parse(error.message) as { message: string }).message;
  } catch {
    return error.message;
  }
}
