/**
 * The extraction pipeline: sentences → tokens → cues → source and content → stance → pronoun
 * resolution → nesting. All offsets are UTF-16 inside and code points outside.
 */
import { CodePointIndex } from '@claimtrace/anchoring';
import {
  contentAroundCue,
  contentOfAccording,
  quoteEndingAt,
  quoteStartingAt,
  type ContentContext,
} from './content';
import type { CueModel } from './cue-model';
import { CUE_MODEL } from './model/cue-model-file';
import { findCues, type CueMatch } from './cues';
import { findLayoutAttributions } from './layout';
import { findReportedVia } from './nesting';
import { kindOf, nameMentions, resolvePronoun, type Mention } from './pronouns';
import {
  isPronoun,
  mainClauseSubject,
  antecedentOfRelative,
  phraseAfter,
  subjectAfterOpeningClause,
  subjectBefore,
  type TokenRange,
} from './sources';
import { PREPOSITIONS, TIME_WORDS } from './lexicon/words';
import { decideStance, isMedium, stanceText } from './stance';
import { findQuotes, quoteContaining } from './text/quotes';
import { splitSentences, type Sentence } from './text/sentences';
import { tokenize, type Token } from './text/tokens';
import type { ExtractedAttribution, Range, Span } from './types';
import { actorNameOf } from './actor-name';
import type { Draft } from './draft';
import { articleLanguage, sentenceLanguages } from './language';
import { spanishDrafts } from './spanish/extract-es';

const INVERSION_LEMMAS = new Set([
  'say',
  'add',
  'write',
  'continue',
  'ask',
  'explain',
  'note',
  'recall',
  'tell',
  'declare',
  'insist',
  'argue',
  'warn',
  'report',
  'reply',
  'respond',
  'conclude',
  'quip',
  'joke',
  'state',
  'claim',
]);

const WEEKDAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * After a comma, a phrase behind the verb is its source only when nothing clause-like follows:
 * "…, said Sen. Smith." but not "Smith, a spokesman, said the union expected …" (the object
 * clause) nor "…, said Thursday" (a date).
 */
function plausibleInvertedSource(
  tokens: Token[],
  source: TokenRange,
  previous: Token | undefined,
): boolean {
  const first = tokens[source.first];
  if (TIME_WORDS.has(first.lower) || WEEKDAYS.test(first.lower)) return false;
  if (previous?.text !== ',') return true;
  for (let k = source.first; k <= source.last; k++) {
    const token = tokens[k];
    if (token.lower === 'to' || (!token.isCapitalized && /ing$/.test(token.lower))) return false;
  }
  const after = tokens[source.last + 1];
  return (
    after === undefined ||
    !after.isWord ||
    PREPOSITIONS.has(after.lower) ||
    TIME_WORDS.has(after.lower) ||
    WEEKDAYS.test(after.lower)
  );
}

const BE_WORDS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * A rule cue whose subject was not found still reports a view ("…, comparing him to Obama",
 * "Asked about the plan, …"); a base form ("state regulators") or a passive without an agent
 * ("are also intended as") is more often no attribution at all.
 */
function mayStandAlone(tokens: Token[], cue: CueMatch): boolean {
  if (cue.learned || cue.formIndex === 0) return false;
  if (cue.first === 0) return true;
  for (let k = cue.first; k < cue.head; k++) if (BE_WORDS.has(tokens[k].lower)) return false;
  return !BE_WORDS.has(tokens[cue.first - 1]?.lower ?? '');
}

/**
 * "The newspaper quoted officials as saying …": the officials are the source of "saying" (the
 * newspaper, the source of "quoted", relays them).
 */
function quotedAsSaying(
  tokens: Token[],
  cue: CueMatch,
  floor: number,
  participle: boolean,
): TokenRange | undefined {
  const last = cue.first - 2;
  if (!participle || tokens[cue.first - 1]?.lower !== 'as' || last < floor || last - floor > 8)
    return undefined;
  for (let k = floor; k <= last; k++) if (!tokens[k].isWord) return undefined;
  return { first: floor, last };
}

function rangeOf(tokens: Token[], range: TokenRange): Range {
  return { start: tokens[range.first].start, end: tokens[range.last].end };
}

/** Finds source and content of one cue in one sentence; undefined when no plausible frame. */
function frameCue(
  text: string,
  tokens: Token[],
  cue: CueMatch,
  quotes: Range[],
  floor: number,
  previousSource: TokenRange | undefined,
): { source?: TokenRange; content?: Range } | undefined {
  const sentenceStart = tokens[0].start;
  const closingBefore = /[”"]\s*$/.exec(text.slice(Math.max(0, sentenceStart - 3), sentenceStart));
  const leadingQuote = closingBefore
    ? quoteEndingAt(quotes, sentenceStart - closingBefore[0].length + 1)
    : undefined;
  const context: ContentContext = { text, tokens, quotes, floor, leadingQuote };
  const cueRange = { first: cue.first, last: cue.last };
  switch (cue.kind) {
    case 'according': {
      const source = phraseAfter(tokens, cue.last + 1);
      if (!source) return undefined;
      return { source, content: contentOfAccording(context, cueRange, source) };
    }
    case 'nominal': {
      // The possessor, with the name it closes ("Donald Trump’s"), is the source.
      let first = cue.first - 1;
      while (first > floor && tokens[first].isCapitalized && tokens[first - 1].isCapitalized)
        first--;
      // "the police’s claim": the determiner belongs to the possessor.
      if (first > floor && /^(?:the|a|an|this|that)$/.test(tokens[first - 1].lower)) first--;
      const source = { first, last: cue.first - 1 };
      return { source, content: contentAroundCue(context, cue.first, cue.last, cue.lemma) };
    }
    case 'sourceless':
      return { content: contentAroundCue({ ...context }, cue.first, cue.last, cue.lemma) };
    case 'declines':
    case 'relay':
    case 'verb': {
      let source: TokenRange | undefined;
      if (cue.passiveAgent) {
        source = phraseAfter(tokens, cue.last + 2);
        if (!source) return undefined;
        return { source, content: contentAroundCue(context, cue.first, source.last, cue.lemma) };
      }
      const previous = tokens[cue.first - 1];
      const participle =
        cue.formIndex === 4 || (cue.kind === 'relay' && /ing$/.test(tokens[cue.first].lower));
      const quotedAs = quotedAsSaying(tokens, cue, floor, participle);
      if (quotedAs) {
        return {
          source: quotedAs,
          content: contentAroundCue(context, cue.first, cue.last, cue.lemma),
        };
      }
      if (
        participle &&
        (previous === undefined ||
          previous.text === ',' ||
          previous.lower === 'by' ||
          previous.lower === 'and' ||
          previous.lower === 'while' ||
          previous.lower === 'after' ||
          previous.lower === 'before' ||
          previous.lower === 'when')
      ) {
        source =
          previousSource ??
          mainClauseSubject(tokens, previous?.lower === 'by' ? cue.first - 1 : cue.first) ??
          (cue.first <= 1 ? subjectAfterOpeningClause(tokens, cue.last + 1) : undefined);
        if (previous?.lower === 'by' && source) {
          return { source, content: contentAroundCue(context, cue.first - 1, cue.last, cue.lemma) };
        }
        if (source && source.first > cue.last + 2) {
          // "Bemoaning the “phony system,” Trump …": the clause up to its comma (and quote).
          const closing =
            tokens[source.first - 1].text === ',' ? source.first - 2 : source.first - 1;
          return { source, content: rangeOf(tokens, { first: cue.last + 1, last: closing }) };
        }
      } else {
        // "Mr. Obama, who understood that …, told his advisers …": the relative clause's antecedent.
        const antecedent =
          previous?.text === ',' ? antecedentOfRelative(tokens, cue.first - 1) : undefined;
        if (antecedent) {
          const content = contentAroundCue(context, cue.first, cue.last, cue.lemma);
          return { source: antecedent, content };
        }
        const inverted =
          INVERSION_LEMMAS.has(cue.lemma) &&
          cue.first === cue.head &&
          (previous === undefined || previous.text === ',' || /[”"’]/.test(previous.text)) &&
          tokens[cue.last + 1] !== undefined &&
          tokens[cue.last + 1].lower !== 'that' &&
          !isPronoun(tokens[cue.last + 1].text);
        if (inverted) {
          source = phraseAfter(tokens, cue.last + 1, false);
          if (source && !plausibleInvertedSource(tokens, source, previous)) {
            // Prefer the subject before the verb; keep the phrase after only as a last resort.
            const before = subjectBefore(tokens, cue.first, floor, participle);
            if (before) source = undefined;
          }
          if (source) {
            return {
              source,
              content: contentAroundCue(context, cue.first, source.last, cue.lemma),
            };
          }
        }
        source = subjectBefore(tokens, cue.first, floor, participle);
        if (!source && previous && /^[’'”"]$/.test(previous.text)) {
          // "‘New York Times’ said": a quoted title as the subject.
          const title = quoteEndingAt(quotes, previous.end);
          if (
            title &&
            title.end - title.start <= 40 &&
            /^.\p{Lu}/u.test(text.slice(title.start, title.end))
          ) {
            const inner = tokens.findIndex((t) => t.start > title.start);
            if (inner >= 0 && inner < cue.first - 1) source = { first: inner, last: cue.first - 2 };
          }
        }
        if (!source && previous && /^(?:and|but)$/.test(previous.lower)) {
          // "Clinton, the former secretary, stressed … and said …": the subject of the first verb.
          source = previousSource ?? mainClauseSubject(tokens, cue.first - 1);
        }
      }
      if (!source && cue.kind !== 'declines' && !mayStandAlone(tokens, cue)) return undefined;
      const frameFirst = source && source.first < cue.first ? source.first : cue.first;
      const content = contentAroundCue(context, frameFirst, cue.last, cue.lemma);
      return { source, content };
    }
  }
}

function toldMediumOf(text: string, tokens: Token[], cue: CueMatch): string | null {
  if (cue.lemma !== 'tell') return null;
  const after = text.slice(tokens[cue.last].end, tokens[cue.last].end + 60);
  const match = /^\s+((?:the\s+)?(?:[A-Z][\w.’']*\s+){0,3}[\w.’']+)/.exec(after);
  if (!match) return null;
  const phrase = match[1].replace(/\s+(?:that|on|in|last|this)$/, '');
  for (let words = phrase.split(/\s+/); words.length > 0; words.pop()) {
    if (isMedium(words.join(' '))) return words.join(' ');
  }
  return null;
}

/** Splits "Both a US State Department spokesperson and Argentina’s Foreign Ministry" in two. */
function splitCoordinated(text: string, source: Range): Range[] {
  const phrase = text.slice(source.start, source.end);
  const match = /^(?:Both|both)\s+(.+?)\s+and\s+(.+)$/.exec(phrase);
  if (!match) return [source];
  const firstStart = source.start + phrase.indexOf(match[1]);
  const secondStart = source.start + phrase.lastIndexOf(match[2]);
  return [
    { start: firstStart, end: firstStart + match[1].length },
    { start: secondStart, end: secondStart + match[2].length },
  ];
}

function draftsFor(
  text: string,
  sentences: Sentence[],
  quotes: Range[],
  cueModel: CueModel | null,
  english: (sentenceIndex: number) => boolean,
): Draft[] {
  const drafts: Draft[] = [];
  const isQuoted = (offset: number) => quoteContaining(quotes, offset) !== undefined;
  sentences.forEach((sentence, sentenceIndex) => {
    if (!english(sentenceIndex)) return;
    const tokens = tokenize(text, sentence.start, sentence.end);
    if (tokens.length === 0) return;
    const cues = findCues(text, tokens, isQuoted, cueModel);
    let floor = 0;
    let previousSource: TokenRange | undefined;
    const sentenceDrafts: Draft[] = [];
    for (const cue of cues) {
      const frame = frameCue(text, tokens, cue, quotes, floor, previousSource);
      if (!frame) continue;
      const cueRange = rangeOf(tokens, { first: cue.first, last: cue.last });
      let content = frame.content ?? announcedParagraph(text, tokens, sentences, sentenceIndex);
      if (!content) {
        if (cue.kind !== 'declines') continue;
        content = cueRange;
      }
      const source = frame.source ? rangeOf(tokens, frame.source) : null;
      if (frame.source) previousSource = frame.source;
      const sourceText = source ? text.slice(source.start, source.end) : null;
      const contentText = stanceText(text, content);
      const stance = decideStance({
        cueStance: cue.kind === 'according' ? 'ASSERTS' : cue.stance,
        negated: cue.negated,
        sourceText,
        contentText,
        cueText: text.slice(cueRange.start, cueRange.end),
      });
      const toldMedium = toldMediumOf(text, tokens, cue);
      for (const part of source ? splitCoordinated(text, source) : [null]) {
        sentenceDrafts.push({
          sentence: sentenceIndex,
          cue: cueRange,
          source: part,
          content,
          stance,
          toldMedium,
        });
      }
      // A source right after the cue ("said Sen. Smith") is used up; the subject after an opening
      // participle clause ("Bemoaning …, Trump accused …") is also the next verb's.
      const after = frame.source && frame.source.first <= cue.last + 2;
      floor = Math.max(floor, cue.last + 1, after ? frame.source!.last + 1 : 0);
    }
    trimAtLaterFrames(text, sentenceDrafts);
    drafts.push(...sentenceDrafts);
  });
  drafts.push(...layoutDrafts(text, sentences, quotes));
  drafts.sort((a, b) => a.sentence - b.sentence || a.cue.start - b.cue.start);
  extendQuoteContinuations(text, sentences, quotes, drafts);
  return drafts;
}

/** "He said:" closing a paragraph announces the next paragraph as what was said. */
function announcedParagraph(
  text: string,
  tokens: Token[],
  sentences: Sentence[],
  sentenceIndex: number,
): Range | undefined {
  const sentence = sentences[sentenceIndex];
  if (tokens[tokens.length - 1].text !== ':') return undefined;
  const next = sentences[sentenceIndex + 1];
  if (!next || next.paragraph !== sentence.paragraph + 1) return undefined;
  let last = sentenceIndex + 1;
  while (sentences[last + 1]?.paragraph === next.paragraph) last++;
  const end = sentences[last].end;
  return { start: next.start, end: end - (/[\s.]$/.test(text[end - 1]) ? 1 : 0) };
}

/** Headline colons, transcript speaker labels and credit lines (layout.ts) as drafts. */
function layoutDrafts(text: string, sentences: Sentence[], quotes: Range[]): Draft[] {
  const found = findLayoutAttributions(text, quotes);
  let sentence = 0;
  return found.map((item) => {
    while (sentence < sentences.length - 1 && sentences[sentence].end <= item.cue.start) sentence++;
    const stance = decideStance({
      cueStance: 'ASSERTS',
      negated: false,
      sourceText: text.slice(item.source.start, item.source.end),
      contentText: stanceText(text, item.content),
    });
    return { sentence, ...item, stance, toldMedium: null };
  });
}

/**
 * "X said A, adding B" / "A, he said, according to Y": a content stops where another frame starts
 * (the first part of another frame inside it, its cue or its source) when a comma or dash comes
 * right before that part. Each frame's first part after the content's start is the one that
 * counts; the earliest such part with a comma before it decides. The parts are sorted once and
 * those with a comma are searched by binary search, so a sentence of many frames stays near-linear.
 */
function trimAtLaterFrames(text: string, drafts: Draft[]): void {
  const parts: { at: number; owner: number; comma: number }[] = [];
  drafts.forEach((draft, owner) => {
    for (const at of [draft.cue.start, draft.source?.start]) {
      if (at === undefined) continue;
      let comma = at - 1;
      while (comma >= 0 && /\s/.test(text[comma])) comma--;
      parts.push({ at, owner, comma: comma >= 0 && /[,—–]/.test(text[comma]) ? comma : -1 });
    }
  });
  parts.sort((a, b) => a.at - b.at);
  const withComma = parts.filter((part) => part.comma >= 0);
  for (const draft of drafts) {
    const { start, end } = draft.content;
    // The first part with a comma after the content's start, whose frame has no earlier part there.
    let low = 0;
    let high = withComma.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (withComma[mid].at > start) high = mid;
      else low = mid + 1;
    }
    for (let k = low; k < withComma.length && withComma[k].at < end; k++) {
      const part = withComma[k];
      const other = drafts[part.owner];
      const earlier = [other.cue.start, other.source?.start ?? Infinity].some(
        (at) => at > start && at < part.at,
      );
      if (earlier || part.comma <= start) continue;
      let cut = part.comma;
      while (cut > start && /\s/.test(text[cut - 1])) cut--;
      draft.content = { start, end: cut };
      break;
    }
  }
}

/** `“A,” he said. “B.”` — the quote that follows a closed frame continues the same content. */
function extendQuoteContinuations(
  text: string,
  sentences: Sentence[],
  quotes: Range[],
  drafts: Draft[],
): void {
  const sentencesWithCue = new Set(drafts.map((draft) => draft.sentence));
  for (const draft of drafts) {
    const sentence = sentences[draft.sentence];
    const next = sentences[draft.sentence + 1];
    if (!next || next.paragraph !== sentence.paragraph || sentencesWithCue.has(draft.sentence + 1))
      continue;
    if (draft.content.end > draft.cue.start) continue;
    if (!/^[“"]/.test(text.slice(next.start, next.start + 1))) continue;
    const tail = text.slice(Math.max(draft.cue.end, draft.source?.end ?? 0), sentence.end);
    if (!/^[\s\w.,]*$/.test(tail) || tail.split(/\s+/).length > 5) continue;
    const quote = quoteStartingAt(quotes, next.start);
    if (quote) draft.content = { start: draft.content.start, end: quote.end };
  }
}

export interface ExtractOptions {
  /** The learned cue model (the shipped one by default); null for the rules alone. */
  cueModel?: CueModel | null;
  /** The article's declared language ("en", "es", "es-AR"); detected when absent. */
  language?: string | null;
}

export function extractAttributions(
  text: string,
  options: ExtractOptions = {},
): ExtractedAttribution[] {
  const sentences = splitSentences(text);
  const quotes = findQuotes(text);
  const languages = sentenceLanguages(
    text,
    sentences,
    quotes,
    articleLanguage(text, options.language),
  );
  const drafts = draftsFor(
    text,
    sentences,
    quotes,
    options.cueModel === undefined ? CUE_MODEL : options.cueModel,
    (index) => languages[index] === 'en',
  );
  if (languages.includes('es')) {
    const spanish = spanishDrafts(text, sentences, quotes, (index) => languages[index] === 'es');
    drafts.push(...spanish);
    drafts.sort((a, b) => a.sentence - b.sentence || a.cue.start - b.cue.start);
  }
  const codePoints = new CodePointIndex(text);
  const span = (range: Range): Span => ({
    start: codePoints.toCodePoint(range.start),
    end: codePoints.toCodePoint(range.end),
    text: text.slice(range.start, range.end),
  });

  let mentions: Mention[] | undefined;
  const recentSources: Mention[] = [];
  const names = drafts.map((draft) => {
    // "Dijo además que…": the nearest earlier source said it.
    if (!draft.source) return draft.droppedSubject ? (recentSources.at(-1)?.name ?? null) : null;
    const sourceText = text.slice(draft.source.start, draft.source.end);
    if (isPronoun(sourceText)) {
      mentions ??= nameMentions(text);
      return resolvePronoun(sourceText, draft.source.start, recentSources, mentions) ?? sourceText;
    }
    const name = actorNameOf(sourceText);
    recentSources.push({ name, offset: draft.source.start, kind: kindOf(sourceText) });
    return name;
  });

  const reportedVia = findReportedVia(
    drafts.map((draft) => ({
      cue: draft.cue,
      content: draft.content,
      stance: draft.stance,
      sourceText: draft.source ? text.slice(draft.source.start, draft.source.end) : null,
      toldMedium: draft.toldMedium,
    })),
  );

  return drafts.map((draft, index) => ({
    index,
    reportedViaIndex: reportedVia[index],
    source: draft.source ? span(draft.source) : null,
    cue: span(draft.cue),
    content: span(draft.content),
    stance: draft.stance,
    sourceName: names[index],
  }));
}
