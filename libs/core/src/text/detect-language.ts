import { detectAll } from 'tinyld';

/** Fewer words than this say too little about their language (short claims often come out wrong). */
const MIN_WORDS = 12;
/** tinyld's accuracy below which its guess is not taken */
const MIN_ACCURACY = 0.5;
/** enough text to tell; a long article is judged on its beginning (linear, bounded work) */
const SAMPLE = 5_000;

/**
 * The language of a text as an ISO 639-1 tag (`en`, `es`), detected by tinyld from its first
 * 5,000 characters; null when the text is too short or the guess too unsure.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE);
  if ((sample.match(/\p{L}+/gu)?.length ?? 0) < MIN_WORDS) return null;
  const [best] = detectAll(sample);
  return best && best.accuracy >= MIN_ACCURACY ? best.lang : null;
}
