#!/usr/bin/env node
// Regenerates the Prisma client first (a pulled schema change must not start on the old one), then
// compiles every TypeScript source of the workspace (apps, libs, bench) to dist/ with SWC,
// keeping the folder layout and rewriting the @claimtrace/* path aliases to relative requires.
// Then Vite builds the web dashboard (apps/web) into dist/apps/web.
// Type checking is a separate step (`npm run lint` runs tsc --noEmit); SWC only transpiles.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const swc = path.join(root, 'node_modules/.bin/swc');
execFileSync(process.execPath, [path.join(__dirname, 'prisma-generate.js')], {
  cwd: root,
  stdio: 'ignore',
});

const sources = ['apps', 'libs', 'bench'].filter((dir) => fs.existsSync(path.join(root, dir)));

execFileSync(
  swc,
  [
    ...sources,
    '--out-dir',
    'dist',
    '--config-file',
    '.swcrc',
    '--copy-files',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.d.ts,**/web/**',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);

// The web dashboard (apps/web): Vite bundles it into dist/apps/web, which the API serves at `/`.
execFileSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'apps/web/vite.config.mjs',
  ],
  { cwd: root, stdio: 'inherit' },
);
