#!/usr/bin/env node
// Records what the API answers, to show that a change kept its behaviour: starts the built API as
// `npm start` does on a fresh database with the demo data, sends a fixed set of requests
// (capture/operations.js: every query field, the dashboard's documents, the HTTP exports, a few
// writes and refusals) and writes each answer to a file in <folder>. Only what a fresh run
// legitimately changes is normalised (capture/normalise.js: generated UUIDs, times made during the
// run), so two runs of the same code write byte-identical folders:
//
//   npm run build && node tools/scripts/capture-answers.js /tmp/before
//   ... change the code ...
//   npm run build && node tools/scripts/capture-answers.js /tmp/after && diff -r /tmp/before /tmp/after
//
// By default the database is an embedded PostgreSQL in a new temporary folder (the quick start);
// `--database-url <administrator URL>` creates a new database on that server instead and drops it
// at the end. Compare captures taken on the same kind of server: full-text scores and ranks
// depend on PostgreSQL's version and dictionaries (the embedded one is 17).
const fs = require('node:fs');
const path = require('node:path');
const { createNormaliser } = require('./capture/normalise');
const { OPERATIONS } = require('./capture/operations');
const { startApi } = require('./capture/server');

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const folder = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!folder) {
  process.stderr.write('usage: capture-answers.js <folder> [--database-url <admin URL>]\n');
  process.exit(2);
}
const log = (line) => process.stderr.write(`capture: ${line}\n`);

async function send(api, operation, ctx) {
  if (operation.http) {
    const response = await fetch(`${api.base}${operation.path(ctx)}`);
    const type = response.headers.get('content-type') ?? '';
    return { text: `HTTP ${response.status} ${type}\n\n${await response.text()}` };
  }
  const variables =
    typeof operation.variables === 'function' ? operation.variables(ctx) : operation.variables;
  const headers = { 'content-type': 'application/json' };
  if (operation.as === 'admin') headers.authorization = `Bearer ${api.token}`;
  const response = await fetch(`${api.base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: operation.query, variables }),
  });
  const body = await response.json();
  if (operation.keep) {
    if (!body.data) throw new Error(`${operation.name}: ${JSON.stringify(body.errors)}`);
    operation.keep(body.data, ctx);
  }
  return { text: `${JSON.stringify({ status: response.status, body }, null, 2)}\n`, json: true };
}

async function main() {
  const started = Date.now();
  const api = await startApi({ adminUrl: option('--database-url'), log });
  const answers = [];
  try {
    const ctx = {};
    for (const operation of OPERATIONS) answers.push([operation, await send(api, operation, ctx)]);
  } finally {
    await api.stop();
  }
  // every time made by the run lies between its start and now
  const window = [started - 1000, Date.now() + 1000];
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  answers.forEach(([operation, answer], i) => {
    const extension = answer.json ? 'json' : 'txt';
    const file = `${String(i + 1).padStart(2, '0')}-${operation.name}.${extension}`;
    fs.writeFileSync(path.join(folder, file), createNormaliser(window, api.base)(answer.text));
  });
  log(`${answers.length} answers in ${folder} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error) => {
  process.stderr.write(`capture failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
