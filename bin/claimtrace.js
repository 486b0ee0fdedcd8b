#!/usr/bin/env node
// The `claimtrace` command (package bin). Runs the compiled CLI, building it first when dist/ does
// not have it yet (installing only generates the Prisma client; `npm start` and `npm run build`
// compile). The build's output goes to stderr, so that `--out -` keeps stdout for the data.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
const build = path.join(root, 'tools', 'scripts', 'build.js');
if (!fs.existsSync(entry) && fs.existsSync(build)) {
  process.stderr.write('claimtrace is not built yet: building it (npm run build)…\n');
  spawnSync(process.execPath, [build], { cwd: root, stdio: ['ignore', 2, 2] });
}
if (!fs.existsSync(entry)) {
  process.stderr.write('claimtrace is not built: run `npm run build` first.\n');
  process.exit(1);
}
const { buildCli } = require(entry);
buildCli()
  .parseAsync(process.argv)
  .catch((error) => {
    process.stderr.write(`claimtrace: ${error.message}\n`);
    process.exit(1);
  });
