import { readFileSync } from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderReference, SCHEMA_FILE, PAGE_FILE } = require('./api-reference.js') as {
  renderReference: (schemaText: string) => string;
  SCHEMA_FILE: string;
  PAGE_FILE: string;
};

describe('docs/api-reference.md', () => {
  it('is what schema.gql generates', () => {
    const generated = renderReference(readFileSync(SCHEMA_FILE, 'utf8'));
    const committed = readFileSync(PAGE_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error('docs/api-reference.md is stale: run `npm run docs:api` and commit it.');
    }
  });

  it('lists every root field with its arguments and links our types', () => {
    const page = renderReference(`
      """a claim"""
      type Claim { id: ID! text: String! }
      type Query { claim(id: ID!): Claim }
    `);
    expect(page).toContain('| `claim` | `id`: ID! | [Claim](#claim) |  |');
    expect(page).toContain('### Claim\n\na claim\n');
  });
});
