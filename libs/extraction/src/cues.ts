/**
 * Cue detection: finds the words that signal an attribution in one sentence ("said",
 * "according to", "declined to comment", "reposting a message … describing the information as").
 */
import {
  formOf,
  modelCueHeads,
  vetoKeeps,
  prepareModel,
  stemOf,
  type CueModel,
  type ReadyModel,
} from './cue-model';
import { CUE_MODEL } from './model/cue-model-file';
import { cueFormsStartingWith, type CueClass } from './lexicon/cue-verbs';
import { attitudePredicateAt, evidentialAdverbAt, seemAt, type PredicateSpan } from './predicates';
import {
  DETERMINERS,
  EVIDENCE_NOUNS,
  NEGATIONS,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  VERB_GROUP_WORDS,
} from './lexicon/words';
import type { Token } from './text/tokens';
import type { Stance } from './types';

export type CueKind =
  /** "X said …", "… , said X", "X, saying …" */
  | 'verb'
  /** "according to X" */
  | 'according'
  /** "X declined to comment" */
  | 'declines'
  /** "… are said to …", "it was reported that …": no source stated */
  | 'sourceless'
  /** "X published an article suggesting …", "by reposting a message … describing … as" */
  | 'relay'
  /** "Trump’s claim that …", "her earlier warning that …": the possessor is the source */
  | 'nominal';

export interface CueMatch {
  /** First and last token of the cue span (verb group included). */
  first: number;
  last: number;
  /** Token of the reporting verb itself. */
  head: number;
  lemma: string;
  stance: Stance;
  cueClass: CueClass;
  /** 0 base, 1 third person, 2 past, 3 participle, 4 gerund; -1 for fixed phrases. */
  formIndex: number;
  kind: CueKind;
  negated: boolean;
  /** "was criticized by X": the source follows "by". */
  passiveAgent: boolean;
  /** Found by the learned model, not the rules: kept only with a source. */
  learned?: boolean;
}

/** Opinion verbs that take an infinitive ("wants to", "plans to"). */
const TAKES_INFINITIVE = new Set(
  'want hope plan intend seek expect decide wish prefer offer refuse decline aim'.split(' '),
);
/** "refused to release", "aims to cut": only with an infinitive ("stocks declined 5%"). */
const INFINITIVE_ONLY = new Set(['refuse', 'decline', 'aim']);
/** "Some believe …", "many of whom say …": a quantifier standing alone as the subject. */
const QUANTIFIERS = new Set('some many most few several others both all'.split(' '));
/** Perception verbs that report a view only as "see X as Y" or "see that …". */
const AS_FRAMED = new Set(['see', 'view', 'regard']);
/** "The Post has learned." / "learned that": not "learned to swim". */
const FRAME_ONLY = new Set(['learn']);

const QUOTE_MARKS = new Set(['"', '“', '‘', "'", '”', '’']);
const OPENING_QUOTES = new Set(['"', '“', '‘']);
const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'been', 'being', 'be']);
const BASE_FORM_SUBJECTS = new Set([
  ...SUBJECT_PRONOUNS,
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'can',
  'did',
  'do',
  'does',
  'not',
  "n't",
  'to',
  'also',
  'often',
  'never',
  'still',
  'people',
  'critics',
]);

const DECLINES =
  /^(?:(?:declined|declines|declining|refused|refuses|refusing)\s+to\s+(?:comment|discuss|elaborate|confirm|say|answer|respond|address|speculate|provide|specify|give|disclose|identify)|(?:did|does|would|could)\s+not\s+(?:immediately\s+)?(?:respond|return|reply|comment|confirm|answer)(?:\s+to)?(?:\s+(?:a|an|multiple|several|repeated|emailed|written))?(?:\s+requests?\s+for\s+comment|\s+messages?|\s+calls?)?|(?:could\s+not|couldn't)\s+be\s+reached(?:\s+for\s+comment)?|had\s+no\s+(?:immediate\s+)?comment|(?:did|does|would)\s+not\s+(?:immediately\s+)?(?:comment|say))/i;

const RELAY =
  /^(?:published|publishes|ran|runs|released|issued|posted|posting|reposted|reposting|shared|sharing|retweeted|retweeting|tweeted|tweeting)\s+(?:an?|its|his|her|their|the)\s+[^.,;:"“”]{0,80}?\b(suggesting|saying|claiming|alleging|reporting|stating|describing|calling|arguing|accusing|asserting|warning|denying|showing|indicating)\b(?:\s+([^.,;:"“”]{1,60}?)\s+as\b)?/i;

const NOUN_HOMOGRAPHS =
  /^(?:rules|plans|protests|offers|views|wishes|supports|debates|details|outlines|references|documents|highlights|echoes|brands|states|questions|attacks|challenges|remarks|calls|reports|claims|charges|posts|comments|estimates|projects|doubts|fears|hopes|demands|promises|pledges|vows|praises|counters|notes|tweets|records|reads|holds|signals|concerns|blames|cites|quotes|shows|finds)$/;

/** Verbs that headlines use to attribute, recognised even when capitalised in a title. */
const HEADLINE_VERBS =
  /^(?:says|said|tells|told|calls|claims|warns|urges|slams|blasts|rips|denies|admits|vows|predicts|insists|accuses|blames|praises|defends|questions|argues|suggests|thinks|believes|wants|hopes|fears|reveals|confirms|rejects|dismisses|mocks|attacks|criticizes|knocks|shows|finds)$/;

const POSSESSIVE = /^(?:\p{Lu}[\p{L}.-]*[’']s?)$/u;
/** "the company’s claim": a lower-case possessor too, but not a contraction ("it’s", "that’s"). */
const LOWER_POSSESSIVE = /^\p{Ll}+[’']s$/u;
const CONTRACTIONS = /^(?:it|that|he|she|there|here|what|who|let|where|how|this)[’']s$/;
const isPossessive = (token: Token): boolean =>
  /^(?:his|her|their|its)$/.test(token.lower) ||
  ((POSSESSIVE.test(token.text) || LOWER_POSSESSIVE.test(token.text)) &&
    !CONTRACTIONS.test(token.lower));

/** Nouns of saying and believing that take a "that" clause ("the claim that …"). */
const ATTITUDE_NOUNS =
  /^(?:claims?|assertions?|allegations?|arguments?|belief|view|promises?|pledges?|warnings?|suggestion|insistence|contention|accusations?|charges?|complaints?|predictions?|hopes?|fears?|concerns?|demands?|vows?|threats?|admission|denials?|statements?|announcement|assurances?|conviction|theory|boast)$/;

/** "Smith’s claim that …", "his earlier warning that …": possessor, optional adjective, noun, "that". */
function nominalAt(tokens: Token[], i: number): CueMatch | undefined {
  for (let noun = i + 1; noun <= i + 2; noun++) {
    const token = tokens[noun];
    if (!token?.isWord || token.isCapitalized) return undefined;
    if (!ATTITUDE_NOUNS.test(token.lower)) continue;
    if (tokens[noun + 1]?.lower !== 'that') return undefined;
    return { ...fixed(i + 1, noun, 'say', 'ASSERTS', 'nominal'), head: noun };
  }
  return undefined;
}

/** Base forms that are more often nouns; as verbs they follow a subject or an auxiliary. */
const NOUN_BASES =
  /^(?:state|question|report|estimate|demand|contest|support|rule|plan|protest|offer|comment|claim|call|challenge|doubt|fear|hope|promise|pledge|vow|praise|counter|note|tweet|post|record|signal|concern|blame|quote|show|find|project|dispute|attack|charge|hold|read|repeat|remark|view|wish|welcome|reference|detail|outline|highlight|document|reflect|echo|brand|paint|debate|answer|reply|respond|request|warning|point|deal|need|favor)$/;

/** Words before a gerund cue that keep a speaker's frame ("…, seeking", "while seeking"). */
const GERUND_LEADS = new Set(
  'by and while after before when without also who still even instead'.split(' '),
);

function canPrecedeBaseForm(previous: Token): boolean {
  return (
    BASE_FORM_SUBJECTS.has(previous.lower) ||
    VERB_GROUP_WORDS.has(previous.lower) ||
    previous.lower === 'who' ||
    /^[a-z]+ly$/.test(previous.text) ||
    /[^s]s$/.test(previous.lower)
  );
}

const RELAY_STARTS =
  /^(?:published|publishes|ran|runs|released|issued|posted|posting|reposted|reposting|shared|sharing|retweeted|retweeting|tweeted|tweeting)$/;

const SOURCELESS =
  /^(?:is|are|was|were)\s+(?:also\s+|not\s+|widely\s+|generally\s+)?(?:said|reported|believed|thought|understood|alleged|rumou?red|expected)\s+to\b|^(?:is|are|was|were)\s+(?:also\s+|not\s+|widely\s+|generally\s+)?(?:viewed|regarded|seen|perceived)\s+as\b|^(?:it\s+)?(?:is|was|has\s+been)\s+(?:widely\s+)?(?:reported|said|alleged|believed|understood)\s+that\b/i;

function relayStance(participle: string): Stance {
  const lower = participle.toLowerCase();
  if (lower === 'denying') return 'DENIES';
  if (lower === 'reporting') return 'REPORTS';
  return 'ASSERTS';
}

/** The token index whose start is the first at or after `offset`. */
function tokenAt(tokens: Token[], from: number, offset: number): number {
  let i = from;
  while (i < tokens.length - 1 && tokens[i].end <= offset) i++;
  return i;
}

/** Extends a cue leftwards over auxiliaries, modals and adverbs ("has also said"). */
/** Verbs that pass their subject to an infinitive: "appeared to suggest", "went on to discuss". */
const RAISING =
  /^(?:appears?|appeared|seems?|seemed|continues?|continued|began|begins?|go|goes|going|went)$/;

/** The token of "appeared" in "appeared to suggest" (of "went" in "went on to say"), if any. */
function raisingVerb(tokens: Token[], head: number): number | undefined {
  if (tokens[head - 1]?.lower !== 'to') return undefined;
  const on = tokens[head - 2]?.lower === 'on';
  const verb = on ? head - 3 : head - 2;
  const lower = tokens[verb]?.lower ?? '';
  if (!RAISING.test(lower) || /^(?:go|goes|going|went)$/.test(lower) !== on) return undefined;
  // "wanted to go on to say": an infinitive chain, not a finite verb group.
  return tokens[verb - 1]?.lower === 'to' ? undefined : verb;
}

/** The form of a raising verb stands for the group's: "going on to say" acts as a gerund. */
function raisedForm(tokens: Token[], head: number): number | undefined {
  const verb = raisingVerb(tokens, head);
  if (verb === undefined) return undefined;
  const lower = tokens[verb].lower;
  return /ing$/.test(lower) ? 4 : /[^s]s$/.test(lower) ? 1 : 2;
}

function verbGroupStart(tokens: Token[], head: number): { first: number; negated: boolean } {
  let first = raisingVerb(tokens, head) ?? head;
  let negated = false;
  while (first > 0) {
    const previous = tokens[first - 1];
    const isAdverb = /^[a-z]+ly$/.test(previous.text) && previous.lower !== 'only';
    if (!VERB_GROUP_WORDS.has(previous.lower) && !isAdverb) break;
    if (NEGATIONS.has(previous.lower)) negated = true;
    first--;
  }
  // Leave a subject pronoun "it" of "it is said" alone; drop a dangling leading "to".
  return { first, negated };
}

const DEFAULT_MODEL = prepareModel(CUE_MODEL);
const prepared = new WeakMap<CueModel, ReadyModel>();

/** The rule cues of one sentence, then the cues the learned model adds (none with `model` null). */
export function findCues(
  text: string,
  tokens: Token[],
  isQuoted: (offset: number) => boolean,
  model: CueModel | null = CUE_MODEL,
): CueMatch[] {
  const found = withoutSpeakersOwnViews(tokens, ruleCues(text, tokens, isQuoted));
  if (!model) return found;
  let ready = model === CUE_MODEL ? DEFAULT_MODEL : prepared.get(model);
  if (!ready) {
    ready = prepareModel(model);
    prepared.set(model, ready);
  }
  const prepared_ = ready;
  const cues = found.filter((cue) => cue.kind !== 'verb' || vetoKeeps(tokens, cue.head, prepared_));
  const covered = new Uint8Array(tokens.length);
  for (const cue of cues) covered.fill(1, cue.first, cue.last + 1);
  const heads = modelCueHeads(tokens, (i) => covered[i] === 1 || isQuoted(tokens[i].start), ready);
  if (heads.length === 0) return cues;
  for (const head of heads) {
    const cue = modelCue(tokens, head);
    let first = cue.first;
    while (first < head && covered[first] === 1) first++;
    cues.push({ ...cue, first });
  }
  return cues.sort((a, b) => a.first - b.first);
}

/** A cue found by the model: the word and its verb group, framed like a reporting verb. */
function modelCue(tokens: Token[], head: number): CueMatch {
  const lower = tokens[head].lower;
  const lexicon = cueFormsStartingWith(lower).find((form) => form.words.length === 1);
  const formIndex = lexicon?.formIndex ?? formOf(lower);
  const group = verbGroupStart(tokens, head);
  const previous = tokens[head - 1];
  const passive =
    previous !== undefined &&
    BE_FORMS.has(previous.lower) &&
    (formIndex === 2 || formIndex === 3) &&
    tokens[head + 1]?.lower === 'by';
  return {
    first: group.first,
    last: head,
    head,
    lemma: lexicon?.lemma ?? stemOf(lower),
    stance: lexicon?.stance ?? 'ASSERTS',
    cueClass: lexicon?.cueClass ?? 'strict',
    formIndex,
    kind: 'verb',
    negated: group.negated,
    passiveAgent: passive,
    learned: true,
  };
}

/**
 * "Scott said he plans to hire staff", "the White House has said it believes …": a verb whose
 * subject is a pronoun right after a speech verb (and "that") is part of what was said, not a
 * second attribution of the same speaker.
 */
function withoutSpeakersOwnViews(tokens: Token[], cues: CueMatch[]): CueMatch[] {
  return cues.filter((cue, k) => {
    const outer = cues[k - 1];
    if (outer === undefined || outer.cueClass !== 'speech' || outer.kind !== 'verb') return true;
    let at = outer.last + 1;
    if (tokens[at]?.lower === 'that') at++;
    return !(at === cue.first - 1 && OWN_VIEW_SUBJECTS.has(tokens[at].lower));
  });
}

const OWN_VIEW_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

function ruleCues(
  text: string,
  tokens: Token[],
  isQuoted: (offset: number) => boolean,
): CueMatch[] {
  const cues: CueMatch[] = [];
  const titleCase = isTitleCase(tokens);
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token.isWord || isQuoted(token.start)) {
      i++;
      continue;
    }
    const match = matchAt(text, tokens, i, titleCase);
    if (match) {
      cues.push(match);
      i = match.last + 1;
    } else {
      i++;
    }
  }
  return cues;
}

/** A headline set in title case ("Graham Says Trump Could Address Energy"). */
function isTitleCase(tokens: Token[]): boolean {
  let long = 0;
  let capitalized = 0;
  for (const token of tokens) {
    if (!token.isWord || token.text.length <= 3) continue;
    long++;
    if (token.isCapitalized) capitalized++;
  }
  return long >= 3 && capitalized >= long * 0.8;
}

function matchAt(
  text: string,
  tokens: Token[],
  i: number,
  titleCase = false,
): CueMatch | undefined {
  const token = tokens[i];
  const lower = token.lower;
  const rest = () => text.slice(token.start, tokens[tokens.length - 1].end);

  if (lower === 'according' && tokens[i + 1]?.lower === 'to') {
    return fixed(i, i + 1, 'according', 'ASSERTS', 'according');
  }
  if (/^(?:declin|refus|did|does|would|could|had)/.test(lower)) {
    const declines = DECLINES.exec(rest());
    if (
      declines &&
      !/^(?:did|does|would)\s+not\s+(?:immediately\s+)?(?:respond|return|reply)\s*$/i.test(
        declines[0],
      )
    ) {
      const last = tokenAt(tokens, i, token.start + declines[0].length - 1);
      const group = verbGroupStart(tokens, i);
      return { ...fixed(group.first, last, 'decline', 'DECLINES_TO_COMMENT', 'declines'), head: i };
    }
  }
  if (BE_FORMS.has(lower) || lower === 'it') {
    const sourceless = SOURCELESS.exec(rest());
    if (sourceless) {
      const endsWithTo = /\b(?:to|as)$/i.test(sourceless[0]);
      const endsWithThat = /\bthat$/i.test(sourceless[0]);
      const cueEnd = token.start + sourceless[0].length - (endsWithTo ? 3 : endsWithThat ? 5 : 0);
      const last = tokenAt(tokens, i, cueEnd - 1);
      const first = lower === 'it' ? i + 1 : i;
      return fixed(first, last, 'say', 'ASSERTS', 'sourceless');
    }
  }
  if (isPossessive(token)) {
    const nominal = nominalAt(tokens, i);
    if (nominal) return nominal;
  }
  const relay = RELAY_STARTS.test(lower) ? RELAY.exec(rest()) : null;
  if (relay) {
    const last = tokenAt(tokens, i, token.start + relay[0].length - 1);
    const stance = relayStance(relay[1]);
    return { ...fixed(i, last, 'relay', stance, 'relay'), first: i };
  }

  const predicate = predicateAt(text, tokens, i);
  if (predicate) return predicate;

  // A capitalised reporting word is a name ("United States") unless it opens the sentence.
  // In a title-cased headline only the usual headline verbs count ("Obama Says …").
  if (token.isCapitalized && i > 0 && tokens[i - 1].isWord) {
    if (!titleCase || !HEADLINE_VERBS.test(lower)) return undefined;
  }
  for (const form of cueFormsStartingWith(lower)) {
    let ok = true;
    for (let k = 1; k < form.words.length; k++) {
      if (tokens[i + k]?.lower !== form.words[k]) ok = false;
    }
    if (!ok) continue;
    const last = i + form.words.length - 1;
    if (!plausibleVerb(tokens, i, last, form.formIndex, form.cueClass)) continue;
    const group = verbGroupStart(tokens, i);
    const previous = tokens[i - 1];
    const passive =
      previous !== undefined &&
      BE_FORMS.has(previous.lower) &&
      (form.formIndex === 3 || form.formIndex === 2);
    // "was accused of", "has been criticized for": a speech act whose speaker is not named.
    const agentless =
      passive &&
      tokens[last + 1]?.lower !== 'by' &&
      form.cueClass === 'speech' &&
      /^(?:of|for|as)$/.test(tokens[last + 1]?.lower ?? '');
    if (passive && tokens[last + 1]?.lower !== 'by' && !agentless) continue;
    return {
      first: group.first,
      last,
      head: i,
      lemma: form.lemma,
      stance: form.stance,
      cueClass: form.cueClass,
      formIndex: raisedForm(tokens, i) ?? form.formIndex,
      kind: agentless ? 'sourceless' : 'verb',
      negated: group.negated,
      passiveAgent: passive && !agentless,
    };
  }
  return undefined;
}

/**
 * "is confident that", "it was unclear whether", "reportedly", "seemed to": predicates.ts spans
 * as cues, unless a reporting verb follows that carries the frame ("reportedly said", "seemed
 * to suggest").
 */
function predicateAt(text: string, tokens: Token[], i: number): CueMatch | undefined {
  const span: PredicateSpan | undefined =
    attitudePredicateAt(tokens, i) ?? seemAt(tokens, i) ?? evidentialAdverbAt(tokens, i);
  if (!span) return undefined;
  if ((span.sourceless && span.first === span.last) || span.lemma === 'seem') {
    let next = span.last + 1;
    while (
      next < tokens.length &&
      (VERB_GROUP_WORDS.has(tokens[next].lower) || tokens[next].lower === 'to')
    )
      next++;
    if (next < tokens.length && matchAt(text, tokens, next) !== undefined) return undefined;
  }
  const group = span.sourceless
    ? { first: span.first, negated: false }
    : verbGroupStart(tokens, span.first);
  return {
    first: group.first,
    last: span.last,
    head: span.head,
    lemma: span.lemma,
    stance: 'ASSERTS',
    cueClass: 'cognitive',
    formIndex: formOf(tokens[span.first].lower),
    kind: span.sourceless ? 'sourceless' : 'verb',
    negated: group.negated,
    passiveAgent: false,
  };
}

function fixed(
  first: number,
  last: number,
  lemma: string,
  stance: Stance,
  kind: CueKind,
): CueMatch {
  return {
    first,
    last,
    head: first,
    lemma,
    stance,
    cueClass: 'speech',
    formIndex: -1,
    kind,
    negated: false,
    passiveAgent: false,
  };
}

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
function plausibleVerb(
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
