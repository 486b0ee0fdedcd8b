/**
 * The trained cue model is data: libs/extraction/data/cue-model.json, written by the trainer
 * (bench/extraction/train-cue-model.ts, see docs/extraction.md) with its provenance — the corpus
 * and its hash, the training command, the commit of the extraction code it was trained with, and
 * the scores on the corpus. The build copies it beside the compiled code; it is read and checked
 * once, when this module loads, so a damaged file stops start-up with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { CueModel } from '../cue-model';

/** The version of the file's layout this code reads; the trainer writes the same. */
export const CUE_MODEL_FILE_VERSION = 1;

/** Where the shipped model lives (the same relative place under src/ and under dist/). */
export const CUE_MODEL_FILE = join(__dirname, '..', '..', 'data', 'cue-model.json');

const finite = z.number().finite();
/**
 * Tens of thousands of weights: checked in one loop rather than one zod schema per entry, which
 * tripled the time to load the model.
 */
const weights = z
  .custom<Record<string, number>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'Expected an object of weights',
  )
  .superRefine((record, ctx) => {
    for (const [key, value] of Object.entries(record)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        const received = typeof value === 'number' ? String(value) : typeof value;
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Expected a finite number, received ${received}`,
        });
        return;
      }
    }
  });
const scores = z.object({ precision: finite, recall: finite, f1: finite }).strict();

const cueModelFileSchema = z
  .object({
    format: z.literal('claimtrace-cue-model'),
    version: z.literal(CUE_MODEL_FILE_VERSION),
    provenance: z
      .object({
        corpus: z
          .object({
            name: z.string().min(1),
            path: z.string().min(1),
            part: z.string().min(1),
            texts: z.number().int().positive(),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict(),
        command: z.string().min(1),
        commit: z.string().regex(/^[0-9a-f]{40}(-dirty)?$/),
        devScores: z.object({ cue: scores, source: scores, content: scores }).strict(),
      })
      .strict(),
    model: z
      .object({
        threshold: finite,
        minWeight: finite.optional(),
        stems: z.array(z.string().min(1)),
        weights,
        veto: z.object({ threshold: finite, weights }).strict().optional(),
      })
      .strict(),
  })
  .strict();

export type CueModelFile = z.infer<typeof cueModelFileSchema>;

export class CueModelFileError extends Error {
  constructor(file: string, problem: string) {
    super(`The cue model file ${file} ${problem}. Restore it from the repository or retrain it.`);
    this.name = 'CueModelFileError';
  }
}

/** Parses and checks a cue model file's text: its layout, version and that every number is finite. */
export function parseCueModelFile(text: string, file: string): CueModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CueModelFileError(file, `is not JSON (${(error as Error).message})`);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== CUE_MODEL_FILE_VERSION) {
    throw new CueModelFileError(
      file,
      `has version ${JSON.stringify(version)}; this code reads version ${CUE_MODEL_FILE_VERSION}`,
    );
  }
  const result = cueModelFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new CueModelFileError(file, `is not a valid cue model (${problems.join('; ')})`);
  }
  return result.data;
}

/** Reads and checks a cue model file. */
export function readCueModelFile(file: string = CUE_MODEL_FILE): CueModelFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CueModelFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  return parseCueModelFile(text, file);
}

/** The shipped model, read when this module loads. */
export const CUE_MODEL: CueModel = readCueModelFile().model;
