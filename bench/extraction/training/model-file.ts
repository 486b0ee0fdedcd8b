/**
 * Writes the trained cue model as libs/extraction/data/cue-model.json, the file the extraction
 * library reads at start (libs/extraction/src/model/cue-model-file.ts), with its provenance.
 * Everything in it follows from the corpus and the code, so the same corpus and the same commit
 * give the same file byte for byte.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CueModel } from '../../../libs/extraction/src/cue-model';
import type { AnnotatedText } from './corpus';
import type { Scores } from './evaluate';
import { prf } from './score';

/** The code a model depends on: the extraction rules and features, and this trainer. */
export const MODEL_SOURCES = ['libs/extraction/src', 'bench/extraction/training'];

/**
 * SHA-256 over the files a model was trained on, in name order: for each text its path under the
 * corpus, its bytes, then the same for its annotation file, each followed by a NUL.
 */
export function corpusHash(corpusDir: string, docs: AnnotatedText[]): string {
  const hash = createHash('sha256');
  for (const doc of [...docs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const file of [`text/${doc.name}.txt`, `attributions/${doc.annotationFile}`]) {
      hash.update(`${file}\0`);
      hash.update(fs.readFileSync(path.join(corpusDir, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * The last commit that changed the model's sources, with `-dirty` when they have uncommitted
 * changes (such a file cannot be reproduced from a commit).
 */
export function sourceCommit(repoRoot: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  const commit = git('log', '-1', '--format=%H', '--', ...MODEL_SOURCES);
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', ...MODEL_SOURCES);
  return dirty ? `${commit}-dirty` : commit;
}

export interface Provenance {
  corpus: { name: string; path: string; part: string; texts: number; sha256: string };
  command: string;
  commit: string;
  devScores: Record<
    'cue' | 'source' | 'content',
    { precision: number; recall: number; f1: number }
  >;
}

/** The overlap precision, recall and F1 of cue, source and content, rounded to four places. */
export function roundedScores(scores: Scores): Provenance['devScores'] {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const of = (role: 'cue' | 'source' | 'content') => {
    const { precision, recall, f1 } = prf(scores.spans[role].overlap);
    return { precision: round(precision), recall: round(recall), f1: round(f1) };
  };
  return { cue: of('cue'), source: of('source'), content: of('content') };
}

/** The file's text: stable key order, two-space indent, one weight per line (readable diffs). */
export function cueModelFileText(model: CueModel, provenance: Provenance): string {
  const file = { format: 'claimtrace-cue-model', version: 1, provenance, model };
  return `${JSON.stringify(file, null, 2)}\n`;
}
