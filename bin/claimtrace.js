#!/usr/bin/env node
// The `claimtrace` command (package bin). Runs the compiled CLI; `npm install` builds it.
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
try {
  require.resolve(entry);
} catch {
  process.stderr.write('claimtrace is not built yet: run `npm run build` first.\n');
  process.exit(1);
}
const { buildCli } = require(entry);
buildCli()
  .parseAsync(process.argv)
  .catch((error) => {
    process.stderr.write(`claimtrace: ${error.message}\n`);
    process.exit(1);
  });
