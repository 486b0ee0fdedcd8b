import { detectLanguage } from './detect-language';

const EN =
  'The minister said on Wednesday that the port would reopen on Monday, and officials agreed that it would.';

describe('detectLanguage', () => {
  it('tells English and Spanish paragraphs apart', () => {
    expect(detectLanguage(EN)).toBe('en');
    expect(
      detectLanguage(
        'El ministro dijo el miércoles que el puerto volvería a abrir el lunes, y los funcionarios coincidieron en que así sería.',
      ),
    ).toBe('es');
  });

  it('answers null for a text too short to tell', () => {
    expect(detectLanguage('Inflation reached 25 percent')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });

  it('reads only the beginning of a long text', () => {
    const long = `${EN}${' '.repeat(5_000)}${'zzz '.repeat(1_000_000)}`;
    const started = process.hrtime.bigint();
    expect(detectLanguage(long)).toBe('en');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });
});
