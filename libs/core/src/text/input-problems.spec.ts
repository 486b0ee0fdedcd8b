import { findInputProblem } from './input-problems';

describe('findInputProblem', () => {
  it('finds NUL and unpaired surrogates in values and keys, with their path', () => {
    expect(findInputProblem({ i: { tags: ['ok', 'a\u0000'] } })).toEqual({
      kind: 'text',
      at: 'i.tags[1]',
    });
    expect(findInputProblem({ i: { 'k\ud800': 1 } })).toEqual({ kind: 'text', at: 'i.k\ud800' });
    expect(findInputProblem({ i: { text: 'fine 😀' } })).toBeNull();
  });

  it('refuses nesting past the limit without recursing, however deep', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 1_000_000; i += 1) deep = [deep];
    expect(findInputProblem({ v: deep })).toEqual({
      kind: 'depth',
      at: `v${'[0]'.repeat(63)}`,
    });
    expect(findInputProblem({ v: [[['x']]] }, 4)).toBeNull();
    expect(findInputProblem({ v: [[['x']]] }, 3)).toEqual({ kind: 'depth', at: 'v[0][0]' });
  });
});
