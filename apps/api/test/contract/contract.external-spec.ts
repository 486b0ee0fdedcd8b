import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { compareSchemas, covers } from './compare-schemas';

/**
 * The public contract against the committed schema.gql (the comparison: ./compare-schemas.ts).
 * The contract lives outside the repository (shared/contract.graphql beside it, or the file named
 * by CLAIMTRACE_CONTRACT), so this check is not part of `npm test`: `.ci/run` runs it as its own
 * step when the file is there (`npm test -- --tier external`).
 */
const CONTRACT_FILE =
  process.env.CLAIMTRACE_CONTRACT ?? resolve(__dirname, '../../../../../shared/contract.graphql');
const SCHEMA_FILE = resolve(__dirname, '../../../../schema.gql');

function readContract(): string {
  if (!existsSync(CONTRACT_FILE)) {
    throw new Error(
      `No public contract at ${CONTRACT_FILE}: put shared/contract.graphql beside the repository or set CLAIMTRACE_CONTRACT.`,
    );
  }
  return readFileSync(CONTRACT_FILE, 'utf8');
}

/**
 * Parts of the contract that a later issue builds. Each entry covers the element it names and
 * everything inside it (`Query.claim(asOf)`, `Query.claimGraph`, `SearchHit`). Delete an entry when
 * its part lands: the test fails while an entry names something schema.gql already has.
 */
const PENDING: { path: string; issue: number }[] = [
  // issue 18: a newsroom around each claim
];

/**
 * Where schema.gql may type a contract `String` or `ID` more precisely with a custom scalar
 * (path → our scalar), e.g. `{ 'IngestArticleInput.url': 'URL' }`.
 */
const CUSTOM_SCALARS: Record<string, string> = {};

describe('the public contract (shared/contract.graphql)', () => {
  const contract = buildSchema(readContract());
  const ours = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const problems = compareSchemas(contract, ours, CUSTOM_SCALARS);

  it('is in schema.gql, apart from the parts listed as pending', () => {
    const unexpected = problems.filter((p) => !PENDING.some((entry) => covers(entry.path, p.path)));
    // Build what is missing, or, when a later issue builds it, add it to PENDING with that issue.
    expect(unexpected.map((p) => p.message)).toEqual([]);
  });

  it('lists as pending only parts that schema.gql does not have yet', () => {
    const landed = PENDING.filter((entry) => !problems.some((p) => covers(entry.path, p.path)));
    expect(
      landed.map(
        (entry) =>
          `${entry.path} (issue ${entry.issue}) is in schema.gql now: delete it from PENDING in apps/api/test/contract/contract.external-spec.ts`,
      ),
    ).toEqual([]);
  });

  it('lists as pending only parts of the contract', () => {
    const empty = buildSchema('type Query { _: Int }');
    const everything = compareSchemas(contract, empty).map((p) => p.path);
    const fields: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          fields.push(`${type.name}.${field.name}`);
          for (const arg of field.args) fields.push(`${type.name}.${field.name}(${arg.name})`);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()))
          fields.push(`${type.name}.${field.name}`);
      }
    }
    const values = Object.values(contract.getTypeMap()).flatMap((type) =>
      isEnumType(type) ? type.getValues().map((v) => `${type.name}.${v.name}`) : [],
    );
    const known = new Set([...everything, ...fields, ...values]);
    expect(PENDING.filter((entry) => !known.has(entry.path)).map((e) => e.path)).toEqual([]);
  });
});
