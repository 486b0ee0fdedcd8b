import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SPANISH_WORKED_EXAMPLE } from '@claimtrace/extraction';

// `claimtrace suggest FILE [--language es]` as a person runs it: the built CLI (bin/claimtrace.js).
const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'bin/claimtrace.js');
const run = promisify(execFile);

describe('claimtrace suggest', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'claimtrace-suggest-')), 'articulo.txt');
  writeFileSync(file, SPANISH_WORKED_EXAMPLE);

  it.each([[[]], [['--language', 'es']]])(
    'prints the attributions of a Spanish article, one JSON line each (%j)',
    async (options) => {
      const { stdout } = await run(process.execPath, [CLI, 'suggest', file, ...options], {
        cwd: ROOT,
      });
      const lines = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => `${line.cue.text}/${line.stance}`)).toEqual([
        'negó/DENIES',
        'afirmó/DENIES',
        'Dijo/ASSERTS',
        'declinó hacer comentarios/DECLINES_TO_COMMENT',
        'según/ASSERTS',
        'informó/REPORTS',
      ]);
    },
  );
});
