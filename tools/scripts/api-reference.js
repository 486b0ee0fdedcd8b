#!/usr/bin/env node
// Writes docs/api-reference.md from schema.gql: every root field (queries, mutations,
// subscriptions) with its arguments and description, then every type, input and enum. The page is
// generated, never edited: `npm run docs:api` rewrites it, and a unit test fails when it is stale.
//
//   node tools/scripts/api-reference.js           write docs/api-reference.md
//   node tools/scripts/api-reference.js --check   exit 1 when the committed page is stale
const fs = require('node:fs');
const path = require('node:path');
const {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} = require('graphql');

const root = path.resolve(__dirname, '../..');
const SCHEMA_FILE = path.join(root, 'schema.gql');
const PAGE_FILE = path.join(root, 'docs/api-reference.md');

/** A description on one line (tables cannot hold line breaks). */
function oneLine(text) {
  return (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function anchor(name) {
  return name.toLowerCase();
}

/** A type reference linked to its section when it is one of ours. */
function typeLink(type, ours) {
  const named = String(type).replace(/[[\]!]/g, '');
  return ours.has(named)
    ? String(type).replace(named, `[${named}](#${anchor(named)})`)
    : String(type);
}

function argumentList(field, ours) {
  if (!field.args.length) return '';
  return field.args.map((arg) => `\`${arg.name}\`: ${typeLink(arg.type, ours)}`).join(', ');
}

function rootSection(title, type, ours) {
  if (!type) return [];
  const lines = [
    `## ${title}`,
    '',
    '| field | arguments | returns | description |',
    '| --- | --- | --- | --- |',
  ];
  for (const field of Object.values(type.getFields())) {
    lines.push(
      `| \`${field.name}\` | ${argumentList(field, ours)} | ${typeLink(field.type, ours)} | ${oneLine(field.description)}${field.deprecationReason ? ` (deprecated: ${oneLine(field.deprecationReason)})` : ''} |`,
    );
  }
  return [...lines, ''];
}

function fieldTable(type, ours, withArguments) {
  const header = withArguments
    ? ['| field | arguments | type | description |', '| --- | --- | --- | --- |']
    : ['| field | type | description |', '| --- | --- | --- |'];
  const rows = Object.values(type.getFields()).map((field) =>
    withArguments
      ? `| \`${field.name}\` | ${argumentList(field, ours)} | ${typeLink(field.type, ours)} | ${oneLine(field.description)} |`
      : `| \`${field.name}\` | ${typeLink(field.type, ours)} | ${oneLine(field.description)} |`,
  );
  return [...header, ...rows];
}

function typeSection(type, ours) {
  const lines = [`### ${type.name}`, ''];
  if (type.description) lines.push(oneLine(type.description), '');
  if (isObjectType(type) || isInterfaceType(type)) {
    const interfaces = type.getInterfaces().map((i) => `[${i.name}](#${anchor(i.name)})`);
    if (interfaces.length) lines.push(`Implements ${interfaces.join(', ')}.`, '');
    lines.push(...fieldTable(type, ours, true));
  } else if (isInputObjectType(type)) {
    lines.push(...fieldTable(type, ours, false));
  } else if (isEnumType(type)) {
    lines.push('| value | description |', '| --- | --- |');
    for (const value of type.getValues()) {
      lines.push(`| \`${value.name}\` | ${oneLine(value.description)} |`);
    }
  } else if (isUnionType(type)) {
    lines.push(
      `One of ${type
        .getTypes()
        .map((t) => `[${t.name}](#${anchor(t.name)})`)
        .join(', ')}.`,
    );
  } else if (isScalarType(type)) {
    lines.push('A scalar.');
  }
  return [...lines, ''];
}

/** The whole page, from the schema's text. */
function renderReference(schemaText) {
  const schema = buildSchema(schemaText);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !roots.includes(type))
    .filter((type) => !(isScalarType(type) && isSpecifiedScalarType(type)))
    .sort((a, b) => a.name.localeCompare(b.name));
  const ours = new Set(types.map((type) => type.name));
  return [
    '<!-- Generated from schema.gql by `npm run docs:api`; do not edit. -->',
    '',
    '# API reference',
    '',
    'Every operation and type of the GraphQL API at `/graphql` (HTTP and graphql-ws), generated from',
    'the committed `schema.gql`. The guides in this folder show them in use.',
    '',
    ...rootSection('Queries', schema.getQueryType(), ours),
    ...rootSection('Mutations', schema.getMutationType(), ours),
    ...rootSection('Subscriptions', schema.getSubscriptionType(), ours),
    '## Types',
    '',
    ...types.flatMap((type) => typeSection(type, ours)),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

module.exports = { renderReference, SCHEMA_FILE, PAGE_FILE };

if (require.main === module) {
  const page = renderReference(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(PAGE_FILE) ? fs.readFileSync(PAGE_FILE, 'utf8') : '';
    if (committed !== page) {
      process.stderr.write('docs/api-reference.md is stale: run `npm run docs:api`.\n');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(PAGE_FILE), { recursive: true });
    fs.writeFileSync(PAGE_FILE, page);
  }
}
