import { detectAll } from 'tinyld';

/** Fewer words than this say too little about their language (short claims often come out wrong). */
const MIN_WORDS = 12;
/** tinyld's accuracy below which its guess is not taken */
const MIN_ACCURACY = 0.5;
/** enough text to tell; a long article is judged on its beginning (linear, bounded work) */
const SAMPLE = 5_000;

export interface DetectLanguageOptions {
  /** the languages to choose among (ISO 639-1), e.g. the ones the extractor has rules for */
  only?: readonly string[];
  /** fewer words than this answer null (default 12) */
  minWords?: number;
  /** a guess less sure than this answers null (default 0.5) */
  minAccuracy?: number;
}

/**
 * The language of a text as an ISO 639-1 tag (`en`, `es`), detected by tinyld from its first
 * 5,000 characters; null when the text is too short or the guess too unsure. The one place the
 * project asks tinyld (ingest, createClaim and the extractor's fallback alike).
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): string | null {
  const { only, minWords = MIN_WORDS, minAccuracy = MIN_ACCURACY } = options;
  const sample = text.slice(0, SAMPLE);
  if ((sample.match(/\p{L}+/gu)?.length ?? 0) < minWords) return null;
  const [best] = detectAll(sample, only ? { only: [...only] } : undefined);
  return best && best.accuracy >= minAccuracy ? best.lang : null;
}
