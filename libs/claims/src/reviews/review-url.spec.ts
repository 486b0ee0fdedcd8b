import { BadInputError } from '@claimtrace/core';
import { reviewUrl } from './review-url';

const PUBLIC = 'https://claims.example.org/factcheck';
const LOCAL = 'http://localhost:3000';

function refusal(value: string, base = PUBLIC): BadInputError {
  try {
    reviewUrl(value, base);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).extensions).toEqual({ argument: 'url' });
    return error as BadInputError;
  }
  throw new Error(`${value} was accepted`);
}

describe('reviewUrl', () => {
  it('keeps an absolute http(s) URL, normalised', () => {
    expect(reviewUrl(' https://Chequeado.com/nota?id=1 ', PUBLIC)).toBe(
      'https://chequeado.com/nota?id=1',
    );
    expect(reviewUrl('http://factcheck.example/a', LOCAL)).toBe('http://factcheck.example/a');
  });

  it('holds the URL as stored to 2048 characters, after PUBLIC_BASE_URL and escaping', () => {
    expect(reviewUrl(`/${'a'.repeat(2000)}`, PUBLIC)).toHaveLength(PUBLIC.length + 2001);
    expect(refusal(`/${'a'.repeat(2040)}`).message).toMatch(
      /^url is 2077 characters long as published \(https:\/\/claims\.example\.org\/factcheck\/aaa…\); at most 2048/,
    );
    // each space is written %20 in the address: 700 of them make 2,100 characters
    expect(refusal(`https://example.org/${' '.repeat(700)}x`).message).toMatch(/at most 2048/);
  });

  it('builds a path on PUBLIC_BASE_URL, path included', () => {
    expect(reviewUrl('/reviews/42', PUBLIC)).toBe(
      'https://claims.example.org/factcheck/reviews/42',
    );
  });

  it('refuses a path while PUBLIC_BASE_URL is this machine, saying what to set', () => {
    expect(refusal('/reviews/42', LOCAL).message).toMatch(/set PUBLIC_BASE_URL/);
  });

  it('refuses local addresses, other schemes, credentials and blanks', () => {
    expect(refusal('http://localhost:3000/claims/x').message).toMatch(/points at this machine/);
    expect(refusal('http://127.0.0.1/x').message).toMatch(/points at this machine/);
    expect(refusal('ftp://example.org/x').message).toMatch(/not an absolute http or https URL/);
    expect(refusal('javascript:alert(1)').message).toMatch(/not an absolute http/);
    expect(refusal('reviews/42').message).toMatch(/not an absolute http/);
    expect(refusal('//evil.example/x').message).toMatch(/not an absolute http/);
    expect(refusal('https://user:pw@example.org/').message).toMatch(/user name or password/);
    expect(refusal('   ').message).toMatch(/url is empty/);
  });
});
