import { articleLanguage, sentenceLanguages } from './language';

describe('language', () => {
  it('takes the declared language, else detects it', () => {
    expect(articleLanguage('The minister said so.', 'es-AR')).toBe('es');
    expect(articleLanguage('El ministro lo dijo.', 'en')).toBe('en');
    expect(
      articleLanguage('El ministro de Economía negó que el Gobierno prepare una devaluación.'),
    ).toBe('es');
    expect(articleLanguage('The minister denied that the government plans a devaluation.')).toBe(
      'en',
    );
  });

  it('judges each sentence by its words outside quotes', () => {
    const text = '“Es falso”, said the minister. El ministro negó que haya un acuerdo.';
    const sentences = [
      { start: 0, end: 30 },
      { start: 31, end: text.length },
    ];
    expect(sentenceLanguages(text, sentences, [{ start: 0, end: 11 }], 'es')).toEqual(['en', 'es']);
  });
});
