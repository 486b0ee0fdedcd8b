import { parseImportLine } from './import-line';

const good = {
  url: 'https://example.org/a',
  title: 'A',
  text: 'Milei denied the report.',
  language: 'en',
  claims: [
    {
      text: 'The report is false',
      attributions: [{ actor: 'Javier Milei', stance: 'denies', quote: { exact: 'denied' } }],
    },
  ],
};

describe('parseImportLine', () => {
  it('accepts an article with claims and hashes its text', () => {
    const parsed = parseImportLine(JSON.stringify(good));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.article.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed.article.claims[0].attributions[0]).toMatchObject({
      stance: 'DENIES',
      actorKind: 'PERSON',
    });
  });

  it.each([
    ['{not json', /not valid JSON/],
    ['[1]', /JSON object/],
    [JSON.stringify({ ...good, url: 'example.org' }), /url/],
    [
      JSON.stringify({ ...good, url: 'https://editor:secret@example.org/a' }),
      /user name or password/,
    ],
    [JSON.stringify({ ...good, title: '' }), /title/],
    [JSON.stringify({ ...good, text: 3 }), /text/],
    [JSON.stringify({ ...good, publishedAt: 'yesterday' }), /publishedAt/],
    [JSON.stringify({ ...good, language: 'english!' }), /language/],
    [
      JSON.stringify({
        ...good,
        claims: [
          { text: 'x', attributions: [{ actor: 'a', stance: 'SHRUGS', quote: { exact: 'x' } }] },
        ],
      }),
      /stance/,
    ],
  ])('rejects %s with a reason', (line, reason) => {
    const parsed = parseImportLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
