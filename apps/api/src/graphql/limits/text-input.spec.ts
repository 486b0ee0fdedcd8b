import { parse } from 'graphql';
import { checkTextInputs, invalidTextPath } from './text-input';

describe('text inputs', () => {
  it('finds NUL and unpaired surrogates anywhere in the variables', () => {
    expect(invalidTextPath({ input: { text: 'fine 😀 ünï' } })).toBeNull();
    expect(invalidTextPath({ input: { text: 'a\u0000b' } })).toBe('input.text');
    expect(invalidTextPath({ input: { tags: ['ok', '\ud800'] } })).toBe('input.tags[1]');
    expect(invalidTextPath({ input: { tags: ['x\udc00'] } })).toBe('input.tags[0]');
  });

  it('refuses them with BAD_USER_INPUT, in variables or in the document', () => {
    const document = parse(`mutation { createClaim(input: { text: "a\\u0000b" }) { id } }`);
    expect(() => checkTextInputs(document, {})).toThrow(
      /NUL character .*\(at a string in the query\)/,
    );
    expect(() => checkTextInputs(parse('{ a }'), { s: '\u0000' })).toThrow(/at \$s/);
    expect(() => checkTextInputs(parse('{ a }'), { s: 'fine' })).not.toThrow();
  });
});
