/**
 * The part of a source phrase that names its actor, for matching it to a known actor: without a
 * trailing relative clause ("…, who asked not to be named", "…, que pidió no ser identificado")
 * or apposition ("Smith, a spokesman for …"); a title before a name yields the name ("El
 * ministro de Economía, Luis Caputo" → "Luis Caputo"). The displayed span keeps them.
 */
const RELATIVE = /,?\s+(?:who|whom|whose|which|que|quien|quienes|cuyo|cuya)\s.*$/su;
const PARTICLES = /^(?:de|del|la|las|los|van|von|da|di|y|of|and|bin|al|el)$/;
const DETERMINER = /^(?:the|a|an|el|la|los|las|un|una|his|her|their|its|su|sus)$/i;

/** Every word capitalised (name particles aside), and not opened by a determiner. */
function looksLikeName(segment: string): boolean {
  const words = segment.trim().split(/\s+/);
  if (words.length === 0 || words.length > 5 || DETERMINER.test(words[0])) return false;
  return words.every((word) => /^\p{Lu}/u.test(word) || PARTICLES.test(word));
}

export function actorNameOf(sourceText: string): string {
  const phrase = sourceText.replace(RELATIVE, '').trim();
  const segments = phrase
    .split(/,\s+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment.length > 0 && !/^(?:Jr|Sr|Inc|Ltd)\.?$/.test(segment));
  if (segments.length <= 1) return phrase || sourceText;
  if (looksLikeName(segments[0])) return segments[0];
  return segments.slice(1).find(looksLikeName) ?? segments[0];
}
