import { anyWordQuery, coreName } from './similarity';

describe('anyWordQuery', () => {
  it('ORs the folded words of three letters or more', () => {
    expect(anyWordQuery('Milei se reunió con los deportados.')).toBe(
      'milei | reunio | con | los | deportados',
    );
  });

  it('is null when no word is long enough, and ignores tsquery syntax', () => {
    expect(anyWordQuery('a b !')).toBeNull();
    expect(anyWordQuery("it's & (x | !y):* <->")).toBeNull();
  });

  it('keeps at most 32 words and runs in linear time on a hostile input', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    expect(anyWordQuery(words)!.split(' | ')).toHaveLength(32);
    const hostile = 'a'.repeat(200_000) + '!'.repeat(200_000);
    const started = process.hrtime.bigint();
    expect(anyWordQuery(hostile)).toBe('a'.repeat(200_000));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });
});

describe('coreName', () => {
  it.each([
    ['Minera Salar Grande, the largest producer', 'Minera Salar Grande'],
    ['The officials, who spoke on condition of anonymity', 'The officials'],
    ['officials who spoke on condition of anonymity', 'officials'],
    ['Karina Milei (Secretary General)', 'Karina Milei'],
    ['el vocero, que pidió reserva', 'el vocero'],
    ['Patricia Bullrich — the minister', 'Patricia Bullrich'],
    ['  Javier   Milei. ', 'Javier Milei'],
    ['Who', 'Who'],
  ])('%s → %s', (phrase, name) => {
    expect(coreName(phrase)).toBe(name);
  });

  it('runs in linear time on a hostile input', () => {
    const hostile = 'x '.repeat(100_000) + ','.repeat(100_000);
    const started = process.hrtime.bigint();
    expect(coreName(hostile).length).toBeGreaterThan(0);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2_000);
  });
});
