import { isArticleUrl } from './url';

describe('isArticleUrl', () => {
  it.each([
    'https://www.perfil.com/noticias/x.phtml',
    'http://example.org/a?b=c#d',
    'urn:claimtrace:demo:perfil-milei-deportee-talks',
    'URN:ISBN:0451450523',
  ])('accepts %s', (url) => expect(isArticleUrl(url)).toBe(true));

  it.each([
    '',
    'perfil.com/x',
    '/relative/path',
    'ftp://x.org/a',
    'urn:',
    'urn:x',
    'https://',
    'https://a b.com',
    'javascript:alert(1)',
  ])('rejects %p', (url) => expect(isArticleUrl(url)).toBe(false));
});
