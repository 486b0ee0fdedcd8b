#!/usr/bin/env node
// The README's test command. Runs the static checks (ESLint with zero warnings, Prettier, tsc),
// then every Jest tier, and ends with one plain line `N passed, N failed` counted from Jest's JSON
// results, which is what CI reads. Exits non-zero when anything failed.
//
//   npm test                          everything
//   npm test -- --tier integration    one tier (unit | integration)
//   npm test -- --no-lint             skip the static checks
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const tierArg = args.includes('--tier') ? args[args.indexOf('--tier') + 1] : 'all';
const tiers = tierArg === 'all' ? ['unit', 'integration'] : [tierArg];
const bin = (name) => path.join(root, 'node_modules/.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, commandArgs) {
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  if (ok) passed += 1;
  else failed += 1;
  process.stdout.write(`== ${name}: ${ok ? 'ok' : 'FAILED'}\n`);
}

if (!args.includes('--no-lint')) {
  // The module-boundary rule reads Nx's project graph; build it first (no daemon, no cloud).
  spawnSync(bin('nx'), ['show', 'projects'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  step('eslint', bin('eslint'), ['.', '--max-warnings', '0']);
  step('prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  step('tsc', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
}

for (const tier of tiers) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimtrace-jest-')), `${tier}.json`);
  process.stdout.write(`\n== jest ${tier}\n`);
  const result = spawnSync(
    bin('jest'),
    ['--selectProjects', tier, '--json', `--outputFile=${out}`, '--passWithNoTests'],
    { cwd: root, stdio: 'inherit' },
  );
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    // A suite that failed to run (a syntax error, a failing beforeAll) has no failed test of its own.
    failed += report.testResults.filter(
      (suite) =>
        suite.status === 'failed' && suite.assertionResults.every((t) => t.status !== 'failed'),
    ).length;
  } else if (result.status !== 0) {
    failed += 1;
  }
}

if (args.includes('--counts-file')) {
  fs.writeFileSync(
    args[args.indexOf('--counts-file') + 1],
    JSON.stringify({ passed, failed, skipped }),
  );
}
process.stdout.write(
  `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(failed > 0 ? 1 : 0);
