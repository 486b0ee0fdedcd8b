/**
 * What a content says about a claim, in English or Spanish alike (the language of a quote does
 * not change its stance): that something is false, that someone is right, that the speaker
 * doubts it, or that it is a question.
 */

/** "It's false", "“Es falso”", "Las cifras son falsas", "Es una noticia falsa", "a hoax". */
const CALLS_FALSE =
  /^\W*(?:(?:it|this|that|it[’']s|that[’']s|eso|esto)\s+)?(?:(?:is|was|are|were|es|era|son|fue)\s+)?(?:“|"|‘|«)?\s*(?:\d+\s+percent\s+|completely\s+|totally\s+|entirely\s+|completamente\s+|totalmente\s+|absolutamente\s+)?(?:false|untrue|fake|a lie|baseless|unfounded|bogus|nonsense|a hoax|fals[oa]s?|(?:una\s+)?mentira|infundad[oa]s?|un\s+bulo)\b|^\W*(?:(?:eso|esto|that|this|it)\s+)?(?:no\s+es\s+(?:cierto|verdad)|(?:is|was)\s+not\s+true|isn[’']t\s+true)\b|\b(?:is|are|was|were|es|son|era|eran|fue|fueron)\s+(?:(?:completely|totally|simply|a|an|una?|completamente|totalmente|simplemente)\s+){0,2}(?:\p{L}+\s+)?(?:false|untrue|fake|a lie|a hoax|fals[oa]s?|mentiras?|infundad[oa]s?)\b/iu;

/** "called climate change a hoax": a naming cue whose content ends in a word for falsehood. */
const NAMED_FALSE =
  /\b(?:a\s+(?:hoax|lie|fraud|sham|fabrication|myth)|fake\s+news|un\s+bulo|una\s+mentira)\b/iu;

/** "Trump is absolutely right", "the statement was “true.”", "tiene razón". */
const CALLS_RIGHT =
  /(?<!\bnot\s)\b(?:is|was|are|were)\s+(?:absolutely\s+|completely\s+|entirely\s+|exactly\s+)?(?:“|"|‘)?(?:right|correct|true|accurate)\b|\b(?:absolutely|completely|entirely|exactly)\s+right\b|\b(?:he|she|they|you)[’']s\s+right\b|\btiene\s+(?:toda\s+la\s+)?razón\b|(?<!\bno\s)\b(?:es|era|fue)\s+(?:cierto|verdad|correcto)\b/iu;

/** A reply that opens with a negation ("No hay improvisación alguna", "Not at all"). */
const REPLY =
  /^(?:replied|responded|answered|retorted|replic\p{L}*|respondi\p{L}*|contest\p{L}*|rebati\p{L}*)$/iu;
const NEGATED_OPENING = /^\W*(?:no|not|nothing|never|nada|nunca|ningun[oa]?)\b/iu;

/** "he was skeptical of …", "se mostró escéptico". */
const DOUBTS =
  /^\W*(?:\p{L}+\s+){0,2}(?:is|was|are|were|remains?|remained|se\s+mostró|se\s+mostraron|está|estaba)\s+(?:deeply\s+|very\s+|muy\s+)?(?:skeptical|sceptical|doubtful|unconvinced|escéptic[oa]s?)\b/iu;

/** Words of a question about whether, when, how: what "did not say" leaves open. */
const OPEN_QUESTION =
  /^\W*(?:whether|if|how|why|when|what|where|who|much|anything|si|cuándo|cómo|qué|dónde)\b/iu;

export type ContentSignal = 'false' | 'right' | 'doubt' | 'question' | 'open' | null;

export function contentSignal(content: string, cueText: string | undefined): ContentSignal {
  const head = content.slice(0, 160);
  if (CALLS_FALSE.test(head)) return 'false';
  if (
    cueText &&
    /^(?:has\s+|had\s+|have\s+)?(?:call|calls|called|calling|calific\p{L}*|tild\p{L}*)$/iu.test(
      cueText,
    ) &&
    NAMED_FALSE.test(head)
  )
    return 'false';
  if (cueText && REPLY.test(cueText.split(/\s+/).pop() ?? '') && NEGATED_OPENING.test(head))
    return 'false';
  if (DOUBTS.test(head)) return 'doubt';
  if (CALLS_RIGHT.test(head)) return 'right';
  if (OPEN_QUESTION.test(head)) return 'open';
  // A content that ends asking ("…will Gennifer Flowers be there?", "Coke user?").
  if (/\?\W*$/.test(content.slice(-80)) && content.length < 200) return 'question';
  return null;
}
