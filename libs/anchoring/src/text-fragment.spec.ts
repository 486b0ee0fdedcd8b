import { encodeFragmentTerm, textFragmentUrl } from './text-fragment';

describe('textFragmentUrl', () => {
  it('appends the quote as a text directive, replacing a fragment', () => {
    expect(textFragmentUrl('https://news.example/a#top', { exact: 'we deny it' }, false)).toBe(
      'https://news.example/a#:~:text=we%20deny%20it',
    );
  });

  it('percent-encodes the directive characters and non-ASCII text', () => {
    expect(encodeFragmentTerm("Milei's well-known, 50% & más (sic)!~*")).toBe(
      'Milei%27s%20well%2Dknown%2C%2050%25%20%26%20m%C3%A1s%20%28sic%29%21%7E%2A',
    );
    const url = textFragmentUrl('https://x.example/', { exact: 'a-b, c' }, false);
    expect(decodeURIComponent(url.split('#:~:text=')[1])).toBe('a-b, c');
  });

  it('adds whole words of context on both sides when the quote is ambiguous', () => {
    const url = textFragmentUrl(
      'https://x.example/',
      {
        exact: 'no comment',
        prefix: 'rtly before noon the minister said',
        suffix: ' to the press at',
      },
      true,
    );
    expect(url).toBe(
      'https://x.example/#:~:text=the%20minister%20said-,no%20comment,-to%20the%20press',
    );
  });

  it('writes a long quote as its first and last words', () => {
    const exact = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl('https://x.example/', { exact }, false)).toBe(
      'https://x.example/#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    );
  });

  it('pins a long quote with its context: its first words may occur before it', () => {
    const exact = 'one two three four five six seven eight nine ten eleven twelve';
    expect(
      textFragmentUrl(
        'https://x.example/',
        { exact, prefix: 'ere zero ', suffix: ' thirt' },
        false,
      ),
    ).toBe(
      'https://x.example/#:~:text=zero-,one%20two%20three%20four,nine%20ten%20eleven%20twelve,-thirt',
    );
  });

  it('leaves a URL without words to point at as it is, and is linear on hostile input', () => {
    expect(textFragmentUrl('https://x.example/p', { exact: '   ' }, true)).toBe(
      'https://x.example/p',
    );
    const long = `${'-'.repeat(200_000)} ${' '.repeat(200_000)}x`;
    expect(
      textFragmentUrl('https://x.example/', { exact: long, prefix: long, suffix: long }, true),
    ).toContain('#:~:text=');
  });

  it('leaves a URL that is no web page (urn:) as it is: a text directive means nothing there', () => {
    expect(textFragmentUrl('urn:isbn:9780306406157', { exact: 'advanced talks' }, true)).toBe(
      'urn:isbn:9780306406157',
    );
  });
});
