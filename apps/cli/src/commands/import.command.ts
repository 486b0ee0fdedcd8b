import {
  createReadStream,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import {
  addReports,
  emptyReport,
  ImportedLine,
  ImportReport,
  ImportService,
  parseImportLine,
  VersionOccurrences,
} from '@claimtrace/export';
import { loadConfig } from '@claimtrace/core';
import { withServices } from './with-services';

interface ImportOptions {
  batchSize: string;
  progress: boolean;
  restart?: boolean;
  by: string;
}

/** Where an import keeps its place: beside the file, removed when the import completes. */
interface ImportState {
  size: number;
  mtimeMs: number;
  /** the byte offset and the line number after the last batch that committed */
  offset: number;
  line: number;
  report: ImportReport;
}

/**
 * `claimtrace import FILE.jsonl`: bulk ingest of articles (one JSON object a line, optionally with
 * claims and stances), in batches, with a progress bar. Idempotent (articles by URL + content hash)
 * and resumable: after each batch the position is saved in FILE.import-state.json, and a re-run
 * continues from there.
 */
export function importCommand(): Command {
  return new Command('import')
    .description(
      'bulk-import articles (and optionally claims and stances) from a JSON Lines file; idempotent and resumable',
    )
    .argument('<file>', 'the .jsonl file: one article a line')
    .option('--batch-size <n>', 'articles per batch (one transaction each)', '500')
    .option('--no-progress', 'no progress bar')
    .option('--restart', 'ignore a saved position and start from the first line')
    .option('--by <name>', 'who the import is recorded as', 'claimtrace-import')
    .action(async (file: string, options: ImportOptions) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
        throw new Error('--batch-size must be a whole number from 1 to 10000');
      }
      const report = await runImport(file, { ...options, batchSize });
      process.stdout.write(summary(report));
      if (report.rejected.length > 0) process.exitCode = 2;
    });
}

export async function runImport(
  file: string,
  options: { batchSize: number; progress: boolean; restart?: boolean; by: string },
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<ImportReport> {
  const stat = statSync(file);
  const statePath = `${file}.import-state.json`;
  let state: ImportState = {
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    offset: 0,
    line: 0,
    report: emptyReport(),
  };
  if (!options.restart && existsSync(statePath)) {
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as ImportState;
    if (saved.size === stat.size && saved.mtimeMs === stat.mtimeMs) {
      state = saved;
      log(`Resuming after line ${saved.line} (${statePath}).`);
    } else {
      log(`The file changed since ${statePath} was written; starting from the first line.`);
    }
  }
  const maxChars = loadConfig().ARTICLE_MAX_CHARS;
  const bar =
    options.progress && process.stderr.isTTY
      ? new SingleBar({
          format:
            'import |{bar}| {percentage}% | line {line} | {rate} lines/s | eta {eta_formatted}',
          stream: process.stderr,
        })
      : null;
  bar?.start(stat.size, state.offset, { line: state.line, rate: 0 });
  const started = Date.now();
  const firstLine = state.line;

  await withServices(async (app) => {
    const service = app.get(ImportService);
    // a resumed run counts from where it resumes: a revert in the skipped lines is not seen
    const occurrences = new VersionOccurrences();
    let batch: ImportedLine[] = [];
    let pending: ImportReport = emptyReport();
    const commit = async (offset: number, line: number) => {
      const done = await service.importBatch(batch, options.by, occurrences);
      state = {
        ...state,
        offset,
        line,
        report: addReports(addReports(state.report, pending), done),
      };
      batch = [];
      pending = emptyReport();
      // a name of its own: two imports of one file at once must not rename each other's
      const tmp = `${statePath}.${process.pid}.${randomUUID()}.tmp`;
      writeFileSync(tmp, JSON.stringify(state));
      renameSync(tmp, statePath);
      const seconds = (Date.now() - started) / 1000;
      bar?.update(offset, {
        line,
        rate: Math.round((line - firstLine) / Math.max(seconds, 0.001)),
      });
    };
    let last = { offset: state.offset, line: state.line };
    for await (const { text, end, line } of linesOf(file, state.offset, state.line)) {
      last = { offset: end, line };
      if (text.trim() === '') continue;
      const parsed = parseImportLine(text, maxChars);
      if (parsed.ok) batch.push({ line, article: parsed.article });
      else pending.rejected.push({ line, reason: parsed.reason });
      if (batch.length >= options.batchSize) await commit(end, line);
    }
    await commit(last.offset, last.line);
  }, 'initialises');
  bar?.stop();
  rmSync(statePath, { force: true }); // another import of the file may have removed it
  return state.report;
}

/** The lines of a file from a byte offset, each with its number and the offset after it. */
export async function* linesOf(
  file: string,
  start: number,
  firstLine: number,
): AsyncGenerator<{ text: string; end: number; line: number }> {
  let rest = Buffer.alloc(0);
  let offset = start;
  let line = firstLine;
  for await (const chunk of createReadStream(file, { start })) {
    let data = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let newline = data.indexOf(0x0a);
    while (newline >= 0) {
      const raw = data.subarray(0, newline);
      offset += newline + 1;
      line += 1;
      yield { text: raw.toString('utf8').replace(/\r$/, ''), end: offset, line };
      data = data.subarray(newline + 1);
      newline = data.indexOf(0x0a);
    }
    rest = Buffer.from(data);
  }
  if (rest.length > 0) {
    offset += rest.length;
    yield { text: rest.toString('utf8').replace(/\r$/, ''), end: offset, line: line + 1 };
  }
}

export function summary(report: ImportReport, shown = 1000): string {
  const lines = [
    `Articles: ${report.articlesCreated} added, ${report.articleVersions} new versions, ${report.articlesUnchanged} skipped (already there).`,
    `Claims: ${report.claimsCreated} added, ${report.claimsExisting} already there.`,
    `Stances: ${report.attributionsCreated} added, ${report.attributionsExisting} already there.`,
    `Rejected: ${report.rejected.length}.`,
    ...report.rejected.slice(0, shown).map((r) => `  line ${r.line}: ${r.reason}`),
  ];
  if (report.rejected.length > shown) lines.push(`  … and ${report.rejected.length - shown} more`);
  return `${lines.join('\n')}\n`;
}
