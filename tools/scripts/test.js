#!/usr/bin/env node
// The README's test command. Runs the static checks (ESLint with zero warnings, Prettier, tsc for
// the API and for the web page), then every tier, and ends with one plain line
// `N passed, N failed[, N skipped]` counted from the JSON results of Jest and Vitest, which is what
// CI reads. Exits non-zero when anything failed.
//
// Tiers: unit, integration (Jest), web (the dashboard's component tests, Vitest in jsdom), e2e (the
// dashboard in a real Chromium against the real API; skipped, and counted so, without Chromium).
//
//   npm test                          everything
//   npm test -- --tier integration    one tier (unit | integration | web | e2e | external)
//
// The external tier (*.external-spec.ts: the public contract, the annotated corpus) is not part of
// `npm test`, so that a clone alone passes; `.ci/run` runs it as its own step when the material is
// there.
//   npm test -- --no-lint             skip the static checks
//   npm test -- --tier external --path apps/api/test/contract   only the test files matching a path
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const tierArg = args.includes('--tier') ? args[args.indexOf('--tier') + 1] : 'all';
const tiers = tierArg === 'all' ? ['unit', 'integration', 'web', 'e2e'] : [tierArg];
const paths = args.includes('--path') ? [args[args.indexOf('--path') + 1]] : [];
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
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
  step('tsc web', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']);
}

/** Adds a Jest or Vitest JSON report to the counts (both write the same fields). */
function count(out, status) {
  if (!fs.existsSync(out)) {
    if (status !== 0) failed += 1;
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to run (a syntax error, a failing beforeAll) has no failed test of its own.
  failed += report.testResults.filter(
    (suite) =>
      suite.status === 'failed' && suite.assertionResults.every((t) => t.status !== 'failed'),
  ).length;
}

// The integration tier starts the built server (crash, shutdown, several instances) and serves the
// built dashboard; the e2e tier drives that dashboard. Build what they run, as the sources are now
// (installing only generates the Prisma client).
if (tiers.includes('integration') || tiers.includes('e2e')) {
  process.stdout.write('\n== build (npm run build)\n');
  const build = spawnSync(process.execPath, ['tools/scripts/build.js'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) failed += 1;
}

for (const tier of tiers) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimtrace-test-')), `${tier}.json`);
  process.stdout.write(`\n== ${tier === 'web' ? 'vitest' : 'jest'} ${tier}\n`);
  if (tier === 'e2e' && !fs.existsSync(chromium)) {
    process.stdout.write(
      `No Chromium at ${chromium}: the browser tests are skipped. ` +
        '`apt-get install chromium` (Debian) enables them; .ci/run installs it.\n',
    );
  }
  const result =
    tier === 'web'
      ? spawnSync(
          bin('vitest'),
          [
            'run',
            '--config',
            'apps/web/vite.config.mjs',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${out}`,
          ],
          { cwd: root, stdio: 'inherit' },
        )
      : spawnSync(
          bin('jest'),
          [
            ...paths,
            '--selectProjects',
            tier,
            '--json',
            `--outputFile=${out}`,
            '--passWithNoTests',
          ],
          { cwd: root, stdio: 'inherit' },
        );
  count(out, result.status);
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
