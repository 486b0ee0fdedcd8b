/**
 * The stance of an attribution: the cue's lexical stance, adjusted by negation, by a medium as
 * source (a medium relays: REPORTS) and by a relayed description of falsehood ("calling the
 * report false": DENIES).
 */
import { FALSEHOOD, MEDIA_WORDS, SPANISH_MEDIUM } from './lexicon/words';
import type { Stance } from './types';

export interface StanceInput {
  cueStance: Stance;
  negated: boolean;
  sourceText: string | null;
  contentText: string;
}

/** True when a noun phrase names a news medium ("the Times", "the newspaper", "Reuters"). */
export function isMedium(phrase: string): boolean {
  if (SPANISH_MEDIUM.test(phrase)) return true;
  const words = phrase.split(/\s+/);
  const head = words[words.length - 1]?.replace(/[’']s$/, '').toLowerCase();
  if (head === undefined) return false;
  if (/^(?:report|reports|press|wire)$/.test(head))
    return /^(?:the|a|its|this|that)\b/i.test(phrase) && words.length <= 3;
  return (
    MEDIA_WORDS.has(head) &&
    (/\p{Lu}/u.test(phrase) ||
      /newspaper|paper|outlet|magazine|tabloid|network|broadcaster|agency|media/.test(head))
  );
}

/** A Spanish content that calls something false: "«Es completamente falso»", "no es cierto". */
const SAYS_FALSE_ES =
  /^\W*(?:(?:eso|esto|todo\s+eso|la\s+\w+)\s+)?(?:(?:es|era|son|fue|resulta)\s+(?:completamente\s+|totalmente\s+|absolutamente\s+|rotundamente\s+)?(?:fals[oa]s?|(?:una\s+)?mentira|infundad[oa]s?|un\s+bulo)|no\s+es\s+(?:cierto|verdad))/i;

export function decideStance(input: StanceInput): Stance {
  let stance = input.cueStance;
  if (input.negated) {
    if (stance === 'CONFIRMS') return 'DECLINES_TO_COMMENT';
    if (stance === 'DENIES' || stance === 'DISPUTES') return 'ASSERTS';
  }
  if (
    (stance === 'ASSERTS' || stance === 'REPORTS') &&
    FALSEHOOD.test(input.contentText) &&
    !input.negated
  ) {
    if (
      /^\W*(?:(?:it|this|that|it[’']s|that[’']s)\s+)?(?:(?:is|was|are|were)\s+)?(?:“|"|‘)?\s*(?:\d+\s+percent\s+|completely\s+|totally\s+|entirely\s+)?(?:false|untrue|fake|a lie|baseless|unfounded|bogus|nonsense|a hoax)/i.test(
        input.contentText,
      )
    ) {
      return 'DENIES';
    }
    if (SAYS_FALSE_ES.test(input.contentText)) return 'DENIES';
  }
  if (stance === 'ASSERTS' && input.sourceText && isMedium(input.sourceText)) stance = 'REPORTS';
  return stance;
}
