#!/usr/bin/env node
// Generates the Prisma client without the native schema engine. `prisma generate` only needs the
// WebAssembly schema parser that ships in the npm package, but the CLI still tries to download the
// native engine first unless PRISMA_SCHEMA_ENGINE_BINARY names a file; any existing file will do,
// because generate never executes it.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
execFileSync(path.join(root, 'node_modules/.bin/prisma'), ['generate'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? __filename,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
