/**
 * Word classes and phrase boundaries of Spanish news prose that the Spanish extractor needs to
 * find a cue's source (the subject before the verb, the phrase after an inverted verb, the phrase
 * after "según") and its content.
 */
import type { Token } from '../text/tokens';

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));

export const DETERMINERS_ES = set(
  'el la los las un una unos unas su sus este esta estos estas ese esa esos esas del al lo ' +
    'aquel aquella nuestro nuestra cuyo cuya',
);

/** Words between a subject and its verb that belong to neither ("también", "ya", clitics). */
export const VERB_GROUP_ES = set(
  'no ya también además luego después nuevamente incluso hoy ayer anteriormente ' +
    'se le les me nos lo la te',
);

/** Words that start a subordinate or coordinate clause: a subject never reaches past them. */
const RELATIVE_ES = /^(?:que|quien|quienes)$/;

export const CLAUSE_START_ES = set(
  'que y e pero aunque mientras porque cuando donde si como sino ni o u pues tras luego',
);

/** Words that end a source phrase after an inverted verb or after "según". */
const SOURCE_END_ES = set(
  'en durante ante tras a al desde mediante hoy ayer este esta que sobre con por ' +
    'para luego después antes mientras y',
);

/** "fuentes cercanas a…": these keep the "a" inside the source phrase. */
const NEAR_ES = /^(?:cercan|próxim|allegad|ligad|vinculad)[oa]s?$/;

const WEEKDAY_ES = /^(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)$/;

/** Introductory phrases before a subject ("Por su parte,", "Este lunes,", "En declaraciones a…,"). */
export const LEADING_PHRASE_ES =
  /^(?:por\s+su\s+parte|además|asimismo|sin\s+embargo|no\s+obstante|en\s+tanto|mientras\s+tanto|por\s+otro\s+lado|en\s+cambio|luego|después|ayer|hoy|este\s+\p{L}+|el\s+pasado\s+\p{L}+|el\s+\p{L}+\s+pasado|en\s+\p{L}+.*|durante\s+.*|tras\s+.*|al\s+.*|ante\s+.*|consultad[oa]s?\b.*|preguntad[oa]s?\b.*|desde\s+.*|por\s+.*|a\s+través\s+.*|mediante\s+.*|con\s+.*|según\s+.*)$/iu;

/** Anonymity and relative phrases are not cues: "que pidió no ser identificado". */
export const ANONYMITY_ES =
  /^\s*(?:no\s+ser\s+(?:identificad|nombrad|mencionad|citad)|(?:el\s+|mantener\s+(?:el\s+)?|bajo\s+)?anonimato|reserva\s+de\s+(?:su\s+)?(?:nombre|identidad))/i;

export const isDash = (token: Token | undefined): boolean =>
  token !== undefined && /^[—―–]$/.test(token.text);

export const isQuoteMark = (token: Token | undefined): boolean =>
  token !== undefined && /^["“”«»‘’']$/.test(token.text);

/**
 * The phrase after a cue (an inverted verb or "según") up to a comma, a clause or an adverbial:
 * "dijo el ministro de Economía, Luis Caputo, en rueda de prensa" → "el ministro de Economía".
 */
export function phraseAfterEs(
  tokens: Token[],
  from: number,
): { first: number; last: number } | undefined {
  let last = from - 1;
  for (let k = from; k < tokens.length; k++) {
    const token = tokens[k];
    if (!token.isWord) {
      // Parentheses and inner periods belong to names ("EE.UU."); other marks end the phrase.
      if (token.text === '(' || token.text === ')') continue;
      break;
    }
    const lower = token.lower;
    const near = k > from && /^(?:a|al)$/.test(lower) && NEAR_ES.test(tokens[k - 1].lower);
    if (k > from && !near && (SOURCE_END_ES.has(lower) || WEEKDAY_ES.test(lower))) break;
    if (k === from && (SOURCE_END_ES.has(lower) || WEEKDAY_ES.test(lower))) return undefined;
    last = k;
    if (k - from > 14) return undefined;
  }
  if (last < from) return undefined;
  return { first: from, last };
}

/**
 * The subject before a verb at `verb`: from the start of its clause to the verb, past an
 * introductory phrase; undefined when the clause has none (a dropped subject).
 */
export function subjectBeforeEs(
  text: string,
  tokens: Token[],
  verb: number,
  floor: number,
): { first: number; last: number } | undefined {
  let last = verb - 1;
  while (last >= floor && VERB_GROUP_ES.has(tokens[last].lower)) last--;
  if (last < floor) return undefined;
  // "lamentaron … y pidieron", "aunque evitó": a coordinated verb shares the earlier subject.
  if (CLAUSE_START_ES.has(tokens[last].lower)) return undefined;
  let first = last;
  // A subject is short: the walk stops after 40 tokens, so a hostile sentence stays linear.
  while (first > floor && last - first < 40) {
    const before = tokens[first - 1];
    if (
      !before.isWord &&
      before.text !== ',' &&
      before.text !== '.' &&
      before.text !== '(' &&
      before.text !== ')'
    )
      break;
    if (before.isWord && CLAUSE_START_ES.has(before.lower)) {
      // ", que pidió no ser identificado," / ", quien …,": a relative clause inside the subject.
      const comma = tokens[first - 2];
      if (RELATIVE_ES.test(before.lower) && comma?.text === ',' && first - 2 > floor) {
        first -= 2;
        continue;
      }
      break;
    }
    first--;
  }
  // Drop introductory phrases, comma-separated, from the front ("Por su parte, el ministro").
  for (;;) {
    let comma = first;
    while (comma <= last && tokens[comma].text !== ',') comma++;
    if (comma > last) break;
    const lead = text.slice(tokens[first].start, tokens[comma - 1]?.end ?? tokens[first].start);
    if (comma === first || !LEADING_PHRASE_ES.test(lead)) break;
    first = comma + 1;
  }
  while (first <= last && (!tokens[first].isWord || tokens[first].text === ',')) first++;
  while (last >= first && !tokens[last].isWord) last--;
  if (first > last || last - first > 24) return undefined;
  if (!tokens.slice(first, last + 1).some((t) => t.isWord && !VERB_GROUP_ES.has(t.lower)))
    return undefined;
  return { first, last };
}
