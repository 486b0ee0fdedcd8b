import type {
  ByteWriter as ByteWriterType,
  ParquetWriter as ParquetWriterType,
} from 'hyparquet-writer';
import {
  AttributeSpec,
  EDGE_ATTRIBUTES,
  ExportEdge,
  ExportNode,
  NODE_ATTRIBUTES,
} from './graph-model';

type HyparquetWriter = typeof import('hyparquet-writer');
type SchemaElement = ConstructorParameters<typeof ParquetWriterType>[0]['schema'][number];

/**
 * Rows per row group: enough for columnar compression and fast scans, few enough that a group's
 * columns (the most a writer holds) stay a few MB: memory does not grow with the export. At a
 * million edges, 20,000 took +145 MB of RSS, 10,000 +95 MB (bench/README.md).
 */
export const PARQUET_ROW_GROUP = 10_000;

export const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** A column of a Parquet table: its name and how a row's value is read. */
interface ParquetColumn {
  name: string;
  spec: AttributeSpec | null;
}

const columnsOf = (fixed: string[], specs: readonly AttributeSpec[]): ParquetColumn[] => [
  ...fixed.map((name) => ({ name, spec: null })),
  ...specs.map((spec) => ({ name: spec.name, spec })),
];

export const PARQUET_NODE_COLUMNS = columnsOf(['id'], NODE_ATTRIBUTES);
export const PARQUET_EDGE_COLUMNS = columnsOf(['id', 'source', 'target'], EDGE_ATTRIBUTES);

/**
 * The Parquet schema of a table, typed: text as UTF-8 strings, lists as LIST of strings, times as
 * timestamps (milliseconds, UTC), depth INT32, confidence DOUBLE; ids required, the rest optional.
 */
function schemaOf(columns: ParquetColumn[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: 'schema', num_children: columns.length }];
  for (const { name, spec } of columns) {
    if (!spec) {
      schema.push({
        name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: 'REQUIRED',
      });
    } else if (spec.list) {
      schema.push(
        { name, repetition_type: 'OPTIONAL', num_children: 1, converted_type: 'LIST' },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        {
          name: 'element',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'REQUIRED',
        },
      );
    } else if (spec.time) {
      schema.push({
        name,
        type: 'INT64',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
        repetition_type: 'OPTIONAL',
      });
    } else if (spec.type === 'double') {
      schema.push({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
    } else if (spec.type === 'int') {
      schema.push({ name, type: 'INT32', repetition_type: 'OPTIONAL' });
    } else {
      schema.push({
        name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: 'OPTIONAL',
      });
    }
  }
  return schema;
}

function valueOf(row: Record<string, unknown>, column: ParquetColumn): unknown {
  const value = row[column.name];
  if (value === null || value === undefined) return null;
  if (column.spec?.time) return new Date(value as string);
  return value;
}

/**
 * hyparquet-writer, an ES module: `require`d where the runtime can (Jest transforms it), else
 * imported — a real dynamic `import()`, which the CommonJS build would otherwise turn into a
 * `require` that Node 20 refuses for an ES module.
 */
export async function loadParquetWriter(): Promise<HyparquetWriter> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('hyparquet-writer') as HyparquetWriter;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
  }
  const dynamicImport = new Function('specifier', 'return import(specifier)') as (
    specifier: string,
  ) => Promise<HyparquetWriter>;
  return dynamicImport('hyparquet-writer');
}

/** A ByteWriter whose bytes are taken out after each row group instead of kept. */
function streamingWriter(lib: HyparquetWriter): ByteWriterType & { take(): Uint8Array[] } {
  const writer = new lib.ByteWriter(1 << 20) as ByteWriterType & {
    index: number;
    take(): Uint8Array[];
  };
  let out: Uint8Array[] = [];
  const flush = () => {
    if (writer.index > 0) out.push(new Uint8Array(writer.buffer.slice(0, writer.index)));
    writer.index = 0;
  };
  Object.assign(writer, {
    flush,
    finish: flush,
    take() {
      const taken = out;
      out = [];
      return taken;
    },
  });
  return writer;
}

/**
 * One Parquet file of nodes or edges, streamed: rows are gathered into row groups of
 * PARQUET_ROW_GROUP, each written (snappy-compressed, typed columns) and handed on as bytes before
 * the next is read; the footer holds only the groups' offsets and statistics.
 */
export async function* parquetTable(
  table: 'nodes' | 'edges',
  batches: AsyncIterable<readonly (ExportNode | ExportEdge)[]>,
): AsyncGenerator<Uint8Array> {
  const lib = await loadParquetWriter();
  const columns = table === 'nodes' ? PARQUET_NODE_COLUMNS : PARQUET_EDGE_COLUMNS;
  const writer = streamingWriter(lib);
  const parquet = new lib.ParquetWriter({
    writer,
    schema: schemaOf(columns),
    createdBy: 'Claimtrace',
  });
  let group: unknown[][] = columns.map(() => []);
  let rows = 0;
  const writeGroup = async () => {
    if (rows === 0) return;
    await parquet.write({
      columnData: columns.map((column, i) => ({ name: column.name, data: group[i] })),
      rowGroupSize: rows,
    });
    group = columns.map(() => []);
    rows = 0;
  };
  for await (const batch of batches) {
    for (const row of batch) {
      columns.forEach((column, i) =>
        group[i].push(valueOf(row as object as Record<string, unknown>, column)),
      );
      rows += 1;
    }
    if (rows >= PARQUET_ROW_GROUP) {
      await writeGroup();
      yield* writer.take();
    }
  }
  await writeGroup();
  await parquet.finish();
  yield* writer.take();
}
