import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The worked example of DESIGN.md: Perfil's article on Milei and the deportee talks (curly quotes),
 * read from the repository's one copy in libs/demo/data.
 */
export const workedExample = readFileSync(
  join(__dirname, '../../../demo/data/perfil-2026-milei-deportee-talks.txt'),
  'utf8',
);

/** A deterministic pseudo-random generator (mulberry32), so generated texts are the same every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ca',
  'ne',
  'ri',
  'to',
  'mu',
  'sal',
  'per',
  'ción',
  'dé',
  'lo',
  'van',
  'quí',
  'gor',
  'tes',
];

/**
 * A text of about `size` UTF-16 units made of distinct sentences (random words, accents, the odd
 * emoji and curly quotation marks), separated by blank lines every few sentences.
 */
export function generatedArticle(size: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const word = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
  const sentences: string[] = [];
  let length = 0;
  while (length < size) {
    const words = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (random() < 0.1) words.splice(3, 0, pick(['👍🏽', '🇦🇷', '“dijo”']));
    const sentence = `${words.join(' ')}.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences;
}

/** Sentences joined into paragraphs of five, with the code-point offset of each sentence. */
export function layout(sentences: readonly string[]): { text: string; offsets: number[] } {
  let text = '';
  let codePoints = 0;
  const offsets = sentences.map((sentence, i) => {
    const offset = codePoints;
    const piece = sentence + (i % 5 === 4 ? '\n\n' : ' ');
    text += piece;
    codePoints += Array.from(piece).length;
    return offset;
  });
  return { text, offsets };
}
