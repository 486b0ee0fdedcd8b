/**
 * Cue detection: finds the words that signal an attribution in one sentence ("said",
 * "according to", "declined to comment", "reposting a message … describing the information as").
 */
import {
  type CueModel,
  type ReadyModel,
  formOf,
  modelCueHeads,
  prepareModel,
  stemOf,
  vetoKeeps,
} from './cue-model';
import { CUE_MODEL } from './model/cue-model-file';
import { type CueClass, cueFormsStartingWith } from './lexicon/cue-verbs';
import { type PredicateSpan, attitudePredicateAt, evidentialAdverbAt, seemAt } from './predicates';
import { NEGATIONS, VERB_GROUP_WORDS } from './lexicon/words';
import type { Token } from './text/tokens';
import type { Stance } from './types';
import {
  ATTITUDE_NOUNS,
  BE_FORMS,
  DECLINES,
  HEADLINE_VERBS,
  RELAY,
  RELAY_STARTS,
  SOURCELESS,
  isPossessive,
  raisedForm,
  raisingVerb,
  relayStance,
} from './cue-words';
import { plausibleVerb } from './verb-frames';

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

/** The token index whose start is the first at or after `offset`. */
function tokenAt(tokens: Token[], from: number, offset: number): number {
  let i = from;
  while (i < tokens.length - 1 && tokens[i].end <= offset) i++;
  return i;
}

/** Extends a cue leftwards over auxiliaries, modals and adverbs ("has also said"). */
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

/**
 * "who asked not to be named", "who spoke on condition of anonymity", "declined to be identified":
 * how a source is described, not something it said.
 */
const ANONYMITY =
  /^\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+be\s+(?:named|identified)|(?:on|under)\s+(?:the\s+)?(?:condition|grounds)\s+of\s+anonymity|(?:for\s+|on\s+)?anonymity|to\s+remain\s+anonymous)\b/i;

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
  if (!model) return withoutAnonymity(text, tokens, found);
  let ready = model === CUE_MODEL ? DEFAULT_MODEL : prepared.get(model);
  if (!ready) {
    ready = prepareModel(model);
    prepared.set(model, ready);
  }
  const prepared_ = ready;
  // "quoted officials as saying": the quoted speakers' own cue is never vetoed.
  const quotedAs = (cue: CueMatch) =>
    tokens[cue.first - 1]?.lower === 'as' && /ing$/.test(tokens[cue.head].lower);
  const cues = found.filter(
    (cue) => cue.kind !== 'verb' || quotedAs(cue) || vetoKeeps(tokens, cue.head, prepared_),
  );
  const covered = new Uint8Array(tokens.length);
  for (const cue of cues) covered.fill(1, cue.first, cue.last + 1);
  const heads = modelCueHeads(tokens, (i) => covered[i] === 1 || isQuoted(tokens[i].start), ready);
  for (const head of heads) {
    const cue = modelCue(tokens, head);
    let first = cue.first;
    while (first < head && covered[first] === 1) first++;
    cues.push({ ...cue, first });
  }
  return withoutAnonymity(text, tokens, cues).sort((a, b) => a.first - b.first);
}

function withoutAnonymity(text: string, tokens: Token[], cues: CueMatch[]): CueMatch[] {
  return cues.filter(
    (cue) => !ANONYMITY.test(text.slice(tokens[cue.last].end, tokens[cue.last].end + 50)),
  );
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
