/**
 * Whether a reporting verb found in a sentence is used as one there: rejects noun uses ("the
 * report", "a claim") and verbs without a reporting frame (an object, "that", a quote, a source).
 */
import { type CueClass, cueFormsStartingWith } from './lexicon/cue-verbs';
import {
  DETERMINERS,
  EVIDENCE_NOUNS,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  VERB_GROUP_WORDS,
} from './lexicon/words';
import type { Token } from './text/tokens';
import {
  AS_FRAMED,
  BASE_FORM_SUBJECTS,
  BE_FORMS,
  FRAME_ONLY,
  GERUND_LEADS,
  INFINITIVE_ONLY,
  NOUN_BASES,
  NOUN_HOMOGRAPHS,
  OPENING_QUOTES,
  QUANTIFIERS,
  QUOTE_MARKS,
  TAKES_INFINITIVE,
  canPrecedeBaseForm,
  raisingVerb,
} from './cue-words';

/** "called him a liar", "what she called a rant": "call" naming something. */
function namingFrame(tokens: Token[], head: number, last: number): boolean {
  if (!/^call/.test(tokens[head].lower) || last !== head) return false;
  const next = tokens[last + 1];
  const before = tokens[head - 2];
  if (before?.lower === 'what' || tokens[head - 1]?.lower === 'what') return true;
  if (
    next !== undefined &&
    /^(?:him|her|it|them|himself|herself|themselves|itself)$/.test(next.lower)
  )
    return true;
  // "has called climate change a hoax": an object, then "a"/"an" or a quote naming it.
  for (let k = last + 2; k <= last + 5 && k < tokens.length; k++) {
    const token = tokens[k];
    if (token.lower === 'a' || token.lower === 'an' || OPENING_QUOTES.has(token.text)) return true;
    if (!token.isWord || PREPOSITIONS.has(token.lower) || /^(?:for|that|and|or)$/.test(token.lower))
      return false;
  }
  return false;
}

/** "…, she said." closing the sentence: a subject of up to three words, a speech verb, the end. */
function trailingFrame(tokens: Token[], from: number): boolean {
  for (let verb = from + 1; verb <= from + 3 && verb < tokens.length; verb++) {
    const form = cueFormsStartingWith(tokens[verb].lower).find(
      (candidate) =>
        candidate.words.length === 1 &&
        (candidate.cueClass === 'speech' || candidate.cueClass === 'strict'),
    );
    if (!form) continue;
    const after = tokens[verb + 1];
    return after === undefined || (!after.isWord && after.text !== ',');
  }
  return false;
}

/**
 * "Trump attacked Clinton for …", "the nominee also outlined his plan": a strict verb in the past
 * with a named or pronoun subject and an object is a report of what someone said or did in words.
 */
function finiteWithObject(tokens: Token[], head: number, last: number, formIndex: number): boolean {
  if (formIndex !== 2 && formIndex !== 3) return false;
  const lemma = cueFormsStartingWith(tokens[head].lower).find(
    (form) => form.words.length === 1,
  )?.lemma;
  if (lemma === undefined || !OBJECT_REPORTING.has(lemma)) return false;
  let subjectAt = head - 1;
  while (subjectAt >= 0 && VERB_GROUP_WORDS.has(tokens[subjectAt].lower)) subjectAt--;
  const subject = tokens[subjectAt];
  if (!subject?.isWord || !(subject.isCapitalized || SUBJECT_PRONOUNS.has(subject.lower)))
    return false;
  const object = tokens[last + 1];
  if (object === undefined || !object.isWord) return false;
  const person = object.isCapitalized || /^(?:him|her|them)$/.test(object.lower);
  // "attacked Clinton", not "attacked the embassy".
  return person || (lemma !== 'attack' && DETERMINERS.has(object.lower));
}

/** Strict verbs that report speech when they take an object ("outlined his plan"). */
const OBJECT_REPORTING = new Set(
  (
    'attack discuss outline highlight underscore defend compare tout recommend advise unveil ' +
    'detail label counter reference paint'
  ).split(' '),
);

/** Rejects noun uses ("the report", "a claim") and reporting verbs without a reporting frame. */
export function plausibleVerb(
  tokens: Token[],
  head: number,
  last: number,
  formIndex: number,
  cueClass: CueClass,
): boolean {
  const previous = tokens[head - 1];
  const next = tokens[last + 1];
  const quantifierSubject =
    previous !== undefined &&
    QUANTIFIERS.has(previous.lower) &&
    formIndex <= 2 &&
    (head === 1 || !tokens[head - 2].isWord || tokens[head - 2].lower === 'whom');
  if (
    previous &&
    !quantifierSubject &&
    (DETERMINERS.has(previous.lower) || PREPOSITIONS.has(previous.lower)) &&
    raisingVerb(tokens, head) === undefined
  ) {
    // "to say" is an infinitive; "by saying" keeps its frame.
    if (!(previous.lower === 'by' && formIndex === 4)) return false;
  }
  if (previous && /^(?:\p{L}+’s|\p{L}+'s)$/u.test(previous.text) && formIndex <= 1) return false;
  if (
    formIndex === 0 &&
    previous &&
    !previous.isWord &&
    previous.text !== ',' &&
    !QUOTE_MARKS.has(previous.text)
  ) {
    return false;
  }
  if (
    formIndex === 0 &&
    previous &&
    /^(?:[a-z]+(?:ive|al|ous|ful|ic|ary|ent|ant))$/.test(previous.text) &&
    !BASE_FORM_SUBJECTS.has(previous.lower)
  ) {
    return false;
  }
  if (
    formIndex === 0 &&
    previous?.isWord &&
    NOUN_BASES.test(tokens[head].lower) &&
    !canPrecedeBaseForm(previous)
  ) {
    // "1995 state income tax", "Republican support", "a close contest": nouns.
    return false;
  }
  if (
    formIndex === 1 &&
    cueClass !== 'evidence' &&
    NOUN_HOMOGRAPHS.test(tokens[head].lower) &&
    previous?.isWord &&
    !previous.isCapitalized &&
    /[^s]s$/.test(previous.lower) &&
    !VERB_GROUP_WORDS.has(previous.lower) &&
    !SUBJECT_PRONOUNS.has(previous.lower)
  ) {
    // "emissions rules", "swing states": a noun after a plural noun.
    return false;
  }
  if (
    formIndex === 4 &&
    cueClass === 'cognitive' &&
    previous?.isWord &&
    !BE_FORMS.has(previous.lower) &&
    !GERUND_LEADS.has(previous.lower)
  ) {
    // "lawsuits seeking information": a noun's modifier, not a speaker's frame.
    return false;
  }
  if (formIndex === 1 && cueClass !== 'evidence' && NOUN_HOMOGRAPHS.test(tokens[head].lower)) {
    // "swing states", "legislative attacks": a noun unless a subject or a reporting frame is near.
    const subjectLike =
      previous !== undefined &&
      (SUBJECT_PRONOUNS.has(previous.lower) ||
        previous.isCapitalized ||
        VERB_GROUP_WORDS.has(previous.lower) ||
        /ly$/.test(previous.lower));
    const frame =
      next !== undefined &&
      (next.lower === 'that' || OPENING_QUOTES.has(next.text) || next.text === ':');
    if (!subjectLike && !frame) return false;
    if (
      previous &&
      previous.isCapitalized &&
      !frame &&
      !/^(?:he|she|it)$/.test(previous.lower) &&
      next &&
      !next.isWord
    )
      return false;
  }
  if (formIndex === 4 && previous && previous.isWord && !BE_FORMS.has(previous.lower)) {
    // "a statement saying" (a noun before) or "by saying"; not "the saying".
    if (previous.lower !== 'by' && /(?:ly|ed)$/.test(previous.lower)) return false;
  }
  const nextIsFrame =
    next === undefined ||
    next.lower === 'that' ||
    next.text === ':' ||
    next.text === ',' ||
    next.text === '.' ||
    OPENING_QUOTES.has(next.text) ||
    QUOTE_MARKS.has(next.text);
  const quoteSoon = tokens
    .slice(last + 1, last + 7)
    .some((token) => OPENING_QUOTES.has(token.text));
  const quoteBefore = tokens
    .slice(Math.max(0, head - 6), head)
    .some((token) => token.text === '”' || token.text === '"' || token.text === '’');
  switch (cueClass) {
    case 'speech':
      return true;
    case 'strict':
      if (next?.text === ',' && !quoteSoon && !quoteBefore && trailingFrame(tokens, last + 2))
        return false;
      return (
        nextIsFrame ||
        quoteSoon ||
        quoteBefore ||
        namingFrame(tokens, head, last) ||
        finiteWithObject(tokens, head, last, formIndex)
      );
    case 'cognitive': {
      const lemma = cueFormsStartingWith(tokens[head].lower).find(
        (form) => form.formIndex === formIndex,
      )?.lemma;
      if (lemma && AS_FRAMED.has(lemma)) {
        // "critics see the plan as a giveaway": only with "as" or "that".
        if (!tokens.slice(last + 1, last + 12).some((t) => t.lower === 'as' || t.lower === 'that'))
          return false;
      }
      if (lemma && FRAME_ONLY.has(lemma) && !nextIsFrame) return false;
      if (lemma && INFINITIVE_ONLY.has(lemma) && next?.lower !== 'to') return false;
      const complement =
        next !== undefined &&
        (OPENING_QUOTES.has(next.text) ||
          (next.isWord &&
            next.lower !== 'so' &&
            (!PREPOSITIONS.has(next.lower) ||
              (next.lower === 'to' && lemma !== undefined && TAKES_INFINITIVE.has(lemma)))));
      // "they actually believe", "Schultz generally supported": look past adverbs.
      let subjectAt = head - 1;
      while (subjectAt > 0 && /^[a-z]+ly$/.test(tokens[subjectAt].text)) subjectAt--;
      const subject = tokens[subjectAt];
      return (
        complement &&
        previous !== undefined &&
        (quantifierSubject ||
          SUBJECT_PRONOUNS.has(subject.lower) ||
          subject.lower === 'who' ||
          subject.isCapitalized ||
          // "The governor wants": a singular noun after a determiner, for finite forms.
          ((formIndex === 1 || formIndex === 2) &&
            DETERMINERS.has(tokens[head - 2]?.lower ?? '')) ||
          /s$/.test(previous.lower) ||
          VERB_GROUP_WORDS.has(previous.lower))
      );
    }
    case 'evidence': {
      if (next?.lower === 'that') return true;
      // "A USA Today analysis of campaign-finance reports shows": an evidential noun heads the
      // subject, possibly followed by a prepositional phrase.
      for (let k = head - 1; k >= Math.max(0, head - 14); k--) {
        const token = tokens[k];
        if (EVIDENCE_NOUNS.has(token.lower)) return true;
        if (token.lower === 'it' && k === head - 1) return true;
        if (!token.isWord && token.text !== '–' && token.text !== '—' && token.text !== ',') break;
        if (/^(?:that|which|who|and|but|because|if|when)$/.test(token.lower)) break;
      }
      return false;
    }
  }
}
