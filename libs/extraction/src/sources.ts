/**
 * Source detection: the noun phrase that says something, found around a cue.
 *
 * - subject before the cue: "Sources familiar with the discussions told …", "“…,” he said"
 * - inverted after the cue: "“…,” said Sen. John Smith"
 * - after "according to": "according to the White House"
 * - the agent of a passive: "was criticized by the group"
 * - the subject of the main clause for a participle: "Milei addressed the report … by reposting"
 */
import {
  CLAUSE_BOUNDARY_WORDS,
  LEADING_NON_SUBJECT,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  TIME_WORDS,
  VERB_GROUP_WORDS,
} from './lexicon/words';
import { cueFormsStartingWith } from './lexicon/cue-verbs';
import type { Token } from './text/tokens';

/** Token range, inclusive. */
export interface TokenRange {
  first: number;
  last: number;
}

const MAX_SUBJECT_TOKENS = 12;
const STOP_PUNCTUATION = new Set([
  ',',
  ';',
  ':',
  '(',
  ')',
  '"',
  '“',
  '”',
  '‘',
  '’',
  '—',
  '–',
  '-',
  '.',
  '?',
  '!',
  '[',
  ']',
]);
const VERBISH = new Set([
  'is',
  'was',
  'were',
  'are',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'did',
  'does',
  'do',
  'may',
  'might',
  'must',
]);

const looksLikeVerb = (token: Token): boolean =>
  !token.isCapitalized &&
  (VERBISH.has(token.lower) ||
    /^[a-z]+ed$/.test(token.text) ||
    cueFormsStartingWith(token.lower).some((form) => form.formIndex >= 2 && form.formIndex <= 3));

/** Drops leading discourse words ("But", "Meanwhile") and trailing non-nominal words. */
function trim(tokens: Token[], range: TokenRange): TokenRange | undefined {
  let { first, last } = range;
  while (first <= last && (LEADING_NON_SUBJECT.has(tokens[first].lower) || !tokens[first].isWord)) {
    first++;
  }
  while (
    last >= first &&
    ((!tokens[last].isWord && tokens[last].text !== ')') ||
      VERB_GROUP_WORDS.has(tokens[last].lower))
  ) {
    last--;
  }
  if (first > last) return undefined;
  if (last - first + 1 > MAX_SUBJECT_TOKENS) return undefined;
  return { first, last };
}

/** The subject ending just before token `before` (exclusive), walking left to a clause boundary. */
export function subjectBefore(
  tokens: Token[],
  before: number,
  floor = 0,
  stopAtPrepositions = false,
): TokenRange | undefined {
  const anonymous = anonymityClauseStart(tokens, before, floor);
  if (anonymous !== undefined) return subjectBefore(tokens, anonymous, floor, stopAtPrepositions);
  const previous = tokens[before - 1];
  if (previous && before - 1 >= floor && /^(?:who|which)$/.test(previous.lower)) {
    return { first: before - 1, last: before - 1 };
  }
  if (previous && previous.text === ',' && before - 1 > floor) {
    // "Brian Fallon, the campaign’s press secretary, noted"; "Trump, speaking in Ohio, said".
    return (
      appositiveSubject(tokens, before - 1, floor) ?? nestedAppositive(tokens, before - 1, floor)
    );
  }
  if (previous && isDash(previous) && before - 1 > floor) {
    // "Kall -- co-editor of a book on the debates -- said".
    return dashAppositive(tokens, before - 1, floor);
  }
  if (previous && before - 1 >= floor && /^(?:he|she|they|we|i)$/.test(previous.lower)) {
    // "in an interview with the network he blasted …": a pronoun is a whole subject.
    return { first: before - 1, last: before - 1 };
  }
  return plainSubject(tokens, before, floor, stopAtPrepositions);
}

/**
 * Where "who spoke on condition of anonymity" / "who asked not to be named" starts, when it ends
 * right before `before` (its comma included): the speaker is the phrase before it.
 */
function anonymityClauseStart(tokens: Token[], before: number, floor: number): number | undefined {
  for (let k = before - 1; k >= Math.max(floor + 1, before - 12); k--) {
    if (tokens[k].lower !== 'who') continue;
    const clause = tokens
      .slice(k + 1, before)
      .map((t) => t.lower)
      .join(' ');
    if (!/\b(?:anonymity|anonymous|named|identified)\b/.test(clause)) return undefined;
    return tokens[k - 1].text === ',' ? k - 1 : k;
  }
  return undefined;
}

function plainSubject(
  tokens: Token[],
  before: number,
  floor: number,
  stopAtPrepositions = false,
): TokenRange | undefined {
  let first = before;
  for (let k = before - 1; k >= floor; k--) {
    const token = tokens[k];
    if (token.text === ')') {
      // Skip a parenthetical such as "(R-Ga.)".
      let open = k - 1;
      while (open >= floor && tokens[open].text !== '(' && k - open < 8) open--;
      if (open >= floor && tokens[open].text === '(') {
        k = open;
        first = open;
        continue;
      }
    }
    if (STOP_PUNCTUATION.has(token.text)) break;
    if (CLAUSE_BOUNDARY_WORDS.has(token.lower)) break;
    if (stopAtPrepositions && PREPOSITIONS.has(token.lower)) break;
    if (token.lower === 'who' || token.lower === 'and') {
      // "Smith and Jones said" keeps going; "he paused and said" stops.
      const left = tokens[k - 1];
      if (token.lower === 'who' || !left || !left.isWord || looksLikeVerb(left) || first === before)
        break;
    }
    if (looksLikeVerb(token)) break;
    first = k;
  }
  if (first === before) return undefined;
  const subject = trim(tokens, { first, last: before - 1 });
  if (subject && !PREPOSITIONS.has(tokens[subject.first].lower)) return subject;
  return nameAfterOpeningPhrase(tokens, before, first) ?? subject;
}

/**
 * "In a March 2016 meeting with the editorial board Trump said", "who in 2010 said": behind an
 * opening phrase with no comma, the subject is the name right before the verb, or the "who" before
 * the phrase.
 */
function nameAfterOpeningPhrase(
  tokens: Token[],
  before: number,
  first: number,
): TokenRange | undefined {
  let k = before - 1;
  const namePart = (token: Token) =>
    token.isWord && token.isCapitalized && !CALENDAR_WORD.test(token.lower);
  while (k > first && namePart(tokens[k])) k--;
  if (k < before - 1) return { first: k + 1, last: before - 1 };
  const previous = tokens[first - 1];
  if (previous && /^(?:who|he|she|they|we|i)$/.test(previous.lower))
    return { first: first - 1, last: first - 1 };
  return undefined;
}

function appositiveSubject(tokens: Token[], comma: number, floor: number): TokenRange | undefined {
  let open = comma - 1;
  while (open >= floor && tokens[open].text !== ',' && comma - open <= 40) {
    if (
      STOP_PUNCTUATION.has(tokens[open].text) &&
      tokens[open].text !== '(' &&
      tokens[open].text !== ')' &&
      tokens[open].text !== '.'
    )
      return undefined;
    open--;
  }
  if (open < floor || tokens[open].text !== ',') return undefined;
  const head = plainSubject(tokens, open, floor);
  if (
    !head ||
    // "Ann Lee, of Dayton, Ohio, said": a place in apposition, not the subject.
    PREPOSITIONS.has(tokens[head.first - 1]?.lower ?? '') ||
    (!tokens[head.first].isCapitalized && !/^(?:the|a|an)$/.test(tokens[head.first].lower))
  )
    return undefined;
  const inner = tokens[open + 1];
  if (inner && (/ing$/.test(inner.lower) || looksLikeVerb(inner))) return head; // "Trump, speaking …, said"
  return { first: head.first, last: comma - 1 };
}

const CALENDAR_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;

const isDash = (token: Token): boolean => /^(?:-|--|—|–)$/.test(token.text);

/**
 * "Johnnie Wilson, of Springfield, Va., said", "Mr. Obama, who understood that …, told": an
 * apposition or a relative clause with commas of its own; the subject is a short capitalised head
 * before one of the commas further back (up to four).
 */
function nestedAppositive(tokens: Token[], comma: number, floor: number): TokenRange | undefined {
  let open = comma - 1;
  for (let level = 0; level < 4; level++) {
    while (open > floor && tokens[open].text !== ',' && comma - open <= 40) {
      if (!tokens[open].isWord && !/^[.()'’-]$/.test(tokens[open].text)) return undefined;
      open--;
    }
    if (open <= floor || tokens[open].text !== ',') return undefined;
    const head = plainSubject(tokens, open, floor);
    const placeOrTime = head && PREPOSITIONS.has(tokens[head.first - 1]?.lower ?? '');
    if (head && !placeOrTime && tokens[head.first].isCapitalized && open - head.first <= 4)
      return { first: head.first, last: comma - 1 };
    open--;
  }
  return undefined;
}

/**
 * "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said": when a relative clause
 * between commas ends right before the verb, the subject is the name before it (and its
 * appositions), from the start of the sentence if need be.
 */
export function antecedentOfRelative(tokens: Token[], comma: number): TokenRange | undefined {
  let open = comma - 1;
  while (open > 0 && tokens[open].text !== ',' && comma - open <= 40) {
    if (!tokens[open].isWord && !/^[.()'’-]$/.test(tokens[open].text)) return undefined;
    open--;
  }
  if (tokens[open]?.text !== ',' || !/^(?:who|which)$/.test(tokens[open + 1]?.lower ?? ''))
    return undefined;
  const subject = subjectBefore(tokens, open + 1) ?? subjectBefore(tokens, open);
  if (!subject || !tokens[subject.first].isCapitalized || subject.first === open + 1)
    return undefined;
  return { first: subject.first, last: comma - 1 };
}

/** The subject before an apposition between dashes ("Kall -- co-editor of … -- said"). */
function dashAppositive(tokens: Token[], dash: number, floor: number): TokenRange | undefined {
  let close = dash;
  while (close - 1 > floor && isDash(tokens[close - 1])) close--;
  let open = close - 1;
  while (open > floor && !isDash(tokens[open]) && close - open <= 30) open--;
  if (open <= floor || !isDash(tokens[open])) return undefined;
  while (open - 1 > floor && isDash(tokens[open - 1])) open--;
  const head = plainSubject(tokens, open, floor);
  if (!head || !tokens[head.first].isCapitalized) return undefined;
  return { first: head.first, last: dash };
}

/** A noun phrase starting at token `from`: up to punctuation, a clause word or a verb. */
export function phraseAfter(
  tokens: Token[],
  from: number,
  allowLowerStart = true,
): TokenRange | undefined {
  const start = tokens[from];
  if (!start || !start.isWord) return undefined;
  if (
    !allowLowerStart &&
    !start.isCapitalized &&
    !/^(?:the|a|an|one|two|three|another|several|many|some|his|her|their|its|\d.*)$/.test(
      start.lower,
    )
  ) {
    return undefined;
  }
  let last = from - 1;
  for (let k = from; k < tokens.length && k - from < MAX_SUBJECT_TOKENS; k++) {
    const token = tokens[k];
    if (
      STOP_PUNCTUATION.has(token.text) &&
      !(token.text === '.' && last >= from && tokens[last].text.length <= 2)
    )
      break;
    if (CLAUSE_BOUNDARY_WORDS.has(token.lower) || token.lower === 'who') break;
    if (k > from && looksLikeVerb(token)) break;
    if (k > from && TIME_WORDS.has(token.lower) && !token.isCapitalized && token.lower !== 'this')
      break;
    if (
      k > from &&
      /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(token.lower)
    )
      break;
    last = k;
  }
  if (last < from) return undefined;
  return trim(tokens, { first: from, last });
}

/** The subject of the clause that a participle hangs on: "Milei … , saying", "Milei … by reposting". */
export function mainClauseSubject(tokens: Token[], cueFirst: number): TokenRange | undefined {
  // Start after the last sentence-level boundary before the cue (a colon, dash or quote).
  let floor = 0;
  for (let k = cueFirst - 1; k >= 0; k--) {
    if ([';', ':', '—', '–'].includes(tokens[k].text)) {
      floor = k + 1;
      break;
    }
  }
  // Skip an introductory phrase that ends with a comma ("In its report, the Times …").
  let start = floor;
  for (let k = floor; k < Math.min(cueFirst, floor + 8); k++) {
    if (tokens[k].text === ',') {
      const head = tokens[floor];
      if (
        head &&
        /^(?:in|on|at|after|before|during|for|with|as|while|when|since|but|and|however|meanwhile)$/i.test(
          head.lower,
        )
      ) {
        start = k + 1;
      }
      break;
    }
  }
  for (let k = start; k < cueFirst; k++) {
    if (looksLikeVerb(tokens[k]) || STOP_PUNCTUATION.has(tokens[k].text)) {
      if (k === start) return undefined;
      return trim(tokens, { first: start, last: k - 1 });
    }
  }
  return undefined;
}

/**
 * "Bemoaning the state of the party, Trump said …": the subject of the main clause after an opening
 * participle clause, from the clause's comma on (a name, a pronoun or a determiner first).
 */
export function subjectAfterOpeningClause(tokens: Token[], from: number): TokenRange | undefined {
  for (let k = from; k < tokens.length && k - from < 30; k++) {
    if (tokens[k].text === ',') {
      // "Bemoaning the “phony system,” Trump …": past a quote that closes with the comma.
      const first = /^[”"’]$/.test(tokens[k + 1]?.text ?? '') ? k + 2 : k + 1;
      if (SUBJECT_PRONOUNS.has(tokens[first]?.lower ?? '')) return { first, last: first };
      return phraseAfter(tokens, first, false);
    }
    if (STOP_PUNCTUATION.has(tokens[k].text) && !/^[“”"‘’]$/.test(tokens[k].text)) return undefined;
  }
  return undefined;
}

export const isPronoun = (text: string): boolean => SUBJECT_PRONOUNS.has(text.toLowerCase());
