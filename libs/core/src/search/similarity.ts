import { foldText } from './text-query';

/**
 * Likely duplicates (similarClaims, similarActors): what a score means and where the lines are.
 * A score is in [0, 1]; 1 is the same text once case, accents, punctuation and word order are set
 * aside. The thresholds were chosen on the labelled set in bench/duplicates (see its README for
 * the precision and recall they give).
 */
export const SIMILARITY = {
  /** the lowest score a similarClaims answer lists */
  claimFloor: 0.3,
  /** createClaim refuses (CONFLICT) from this score on, unless allowDuplicate */
  claimDuplicate: 0.75,
  /** the lowest score a similarActors answer lists */
  actorFloor: 0.3,
  /** createActor refuses (CONFLICT) from this score on, unless allowDuplicate */
  actorDuplicate: 0.75,
  /** the most candidates each retrieval layer hands to the exact scoring */
  candidates: 200,
} as const;

/**
 * SQL for the words of a text (`expr`), by which two texts are the same one: lower-cased and
 * unaccented, punctuation (ASCII, and ¿¡«»“”‘’…–—) and spacing set aside; a text of punctuation
 * only is its folded self. Creations of one words key are serialised (an advisory lock on it), so
 * that "X" and "X." sent at once are not both written.
 */
export function sameWordsKeySql(expr: string): string {
  const folded = `claimtrace_unaccent(lower(${expr}))`;
  return `coalesce(nullif(btrim(regexp_replace(${folded}, '[[:space:][:punct:]¿¡«»“”‘’…–—]+', ' ', 'g')), ''), ${folded})`;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Words shorter than this do not pick candidates ("de", "of"); they still count in the score. */
const MIN_WORD = 3;
const MAX_WORDS = 32;

/**
 * A `to_tsquery('simple', …)` expression matching any of the text's words (folded, 3 letters or
 * more, at most 32), or null when it has none. Built from letters and digits only, so nothing typed
 * is tsquery syntax; linear in the text.
 */
export function anyWordQuery(text: string): string | null {
  const words = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = foldText(match[0]);
    if ([...word].length < MIN_WORD) continue;
    words.add(word);
    if (words.size >= MAX_WORDS) break;
  }
  return words.size > 0 ? [...words].join(' | ') : null;
}

/**
 * The name an actor goes by in a phrase that describes it: a descriptive apposition or a relative
 * clause after a comma or a dash is cut ("Minera Salar Grande, the largest producer" → "Minera
 * Salar Grande"; "The officials, who spoke on condition of anonymity" → "The officials"), and so
 * is a relative clause without a comma ("officials who spoke …"). Linear in the phrase.
 */
export function coreName(phrase: string): string {
  let name = phrase.replace(/\s+/gu, ' ').trim();
  const cut = name.search(/\s*(?:,|\s[-–—]\s|\()/u);
  if (cut > 0) name = name.slice(0, cut);
  const relative = name.search(/\s(?:who|whom|whose|which|that|quien|quienes|que|cuyo|cuya)\s/iu);
  if (relative > 0) name = name.slice(0, relative);
  return name.replace(/[.;:!?]+$/u, '').trim() || phrase.trim();
}
