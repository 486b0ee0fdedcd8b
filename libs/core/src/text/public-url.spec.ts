import { LANGUAGE_TAG } from './language';
import { isLocalUrl } from './public-url';

describe('isLocalUrl', () => {
  it.each([
    'http://localhost:3000/claims/x',
    'http://LOCALHOST./x',
    'https://app.localhost/x',
    'http://127.0.0.1/x',
    'http://127.8.9.10:8080/',
    'http://[::1]:3000/',
    'http://0.0.0.0/',
    'http://[::ffff:127.0.0.1]/',
    // the same machine written otherwise, and addresses of a private network: no reader opens them
    'http://[::ffff:0.0.0.0]/',
    'http://[::127.0.0.1]/',
    'http://2130706433/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:10.0.0.1]/',
  ])('finds %s local', (url) => expect(isLocalUrl(url)).toBe(true));

  it.each([
    'https://chequeado.com/nota',
    'https://localhost.example.org/',
    'https://128.0.0.1/',
    'https://[2001:db8::1]/',
    'https://172.32.0.1/',
    'https://[2a00:1450::1]/',
    'not a url',
  ])('finds %s not local', (url) => expect(isLocalUrl(url)).toBe(false));
});

describe('LANGUAGE_TAG', () => {
  it('takes language tags and refuses the rest, in time linear in the input', () => {
    for (const tag of ['en', 'es', 'pt-BR', 'es-419', 'zh-Hant-TW']) {
      expect(LANGUAGE_TAG.test(tag)).toBe(true);
    }
    for (const tag of ['', 'e', 'english', 'pt_BR', 'es-', '-es', 'es--419']) {
      expect(LANGUAGE_TAG.test(tag)).toBe(false);
    }
    // a hostile input: many valid subtags then a bad ending must not backtrack exponentially
    const hostile = `en${'-abcdefgh'.repeat(20_000)}-!`;
    const started = process.hrtime.bigint();
    expect(LANGUAGE_TAG.test(hostile)).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });
});
