import { AnchoringError, quoteForMessage } from './anchoring.errors';

describe('AnchoringError', () => {
  it('is an Error with a code and optional details', () => {
    const error = new AnchoringError('AMBIGUOUS_QUOTE', 'occurs twice', { matchCount: 2 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AnchoringError);
    expect(error.name).toBe('AnchoringError');
    expect(error.code).toBe('AMBIGUOUS_QUOTE');
    expect(error.matchCount).toBe(2);
    expect('nearest' in error).toBe(false);
    expect(error.message).toBe('occurs twice');
  });
});

describe('quoteForMessage', () => {
  it('keeps short quotes and shortens long ones around an ellipsis', () => {
    expect(quoteForMessage('Perú 👍🏽')).toBe('Perú 👍🏽');
    const long = `${'a'.repeat(60)}${'b'.repeat(40)}${'c'.repeat(15)}`;
    expect(quoteForMessage(long)).toBe(`${'a'.repeat(60)}…${'c'.repeat(15)}`);
  });
});
