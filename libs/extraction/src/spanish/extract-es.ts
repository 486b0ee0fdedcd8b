/**
 * Spanish attributions: reporting verbs in every tense and person ("dijo", "ha negado",
 * "aseguraba"), "según" before or after the content, refusals to comment ("declinó hacer
 * comentarios", "no respondió a las consultas"), «» “” and dash-introduced quotes, inverted verbs
 * ("…, informó el diario") and dropped subjects ("Dijo además que…", resolved later to the nearest
 * earlier source). Nesting ("según fuentes…, informó el diario") follows from the contents, as in
 * English (nesting.ts).
 */
import type { Draft } from '../draft';
import { decideStance, stanceText } from '../stance';
import { quoteEndingAt, quoteStartingAt } from '../content';
import { quoteContaining } from '../text/quotes';
import type { Sentence } from '../text/sentences';
import { tokenize, type Token } from '../text/tokens';
import type { Range, Stance } from '../types';
import {
  ANONYMITY_ES,
  DETERMINERS_ES,
  isDash,
  isQuoteMark,
  phraseAfterEs,
  subjectBeforeEs,
} from './frames-es';
import {
  ACCORDING_ES,
  CALLS_FALSE_ES,
  DECLINES_ES,
  DOUBTS_ES,
  HABER,
  spanishVerbOf,
} from './verbs-es';

interface CueEs {
  first: number;
  last: number;
  stance: Stance;
  negated: boolean;
  kind: 'verb' | 'segun' | 'declines';
  strict: boolean;
}

const PARTICIPLE = /(?:ado|ido|cho|to)$/;
const PAST = /(?:ó|aron|ieron)$/;

/** The cue starting at token `i`, if any. */
function cueAt(text: string, tokens: Token[], i: number): CueEs | undefined {
  const token = tokens[i];
  if (!token.isWord) return undefined;
  const negated = tokens[i - 1]?.lower === 'no' || tokens[i - 2]?.lower === 'no';
  if (token.lower === 'según') {
    return { first: i, last: i, stance: 'ASSERTS', negated: false, kind: 'segun', strict: false };
  }
  if (i === 0 && token.lower === 'para' && speakerBeforeComma(tokens, 1)) {
    return { first: i, last: i, stance: 'ASSERTS', negated: false, kind: 'segun', strict: false };
  }
  const rest = text.slice(token.start, token.start + 80);
  const according = ACCORDING_ES.exec(rest);
  if (according) {
    const last = lastTokenWithin(tokens, i, token.start + according[0].trimEnd().length);
    return { first: i, last, stance: 'ASSERTS', negated: false, kind: 'segun', strict: false };
  }
  const doubts = DOUBTS_ES.exec(rest);
  if (doubts) {
    const last = lastTokenWithin(tokens, i, token.start + doubts[0].length);
    return { first: i, last, stance: 'DISPUTES', negated, kind: 'verb', strict: false };
  }
  const withNo =
    tokens[i - 1]?.lower === 'no' ? text.slice(tokens[i - 1].start, token.start + 80) : '';
  const declines = DECLINES_ES.exec(rest) ?? (withNo ? DECLINES_ES.exec(withNo) : null);
  if (declines) {
    const from = declines.input === withNo ? i - 1 : i;
    const end = tokens[from].start + declines[0].length;
    let last = from;
    while (last + 1 < tokens.length && tokens[last + 1].end <= end) last++;
    const refusal = { first: from, last, negated: false, kind: 'declines' as const, strict: false };
    return { ...refusal, stance: 'DECLINES_TO_COMMENT' };
  }
  const callsFalse = CALLS_FALSE_ES.exec(rest);
  if (callsFalse) {
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1].end <= token.start + callsFalse[0].length)
      last++;
    return { first: i, last, stance: 'DENIES', negated, kind: 'verb', strict: false };
  }
  const verb = spanishVerbOf(token.lower);
  // A capitalised word inside a sentence is a name ("Aseguradora Sur"), not a verb.
  if (!verb || (token.isCapitalized && i > 0)) return undefined;
  const previous = tokens[i - 1];
  // "la denuncia", "el informe": a noun after a determiner; but "lo negó", "no lo confirmó": a
  // clitic before a verb in the past (no noun ends like "negó" or "confirmaron").
  const clitic = /^(?:lo|la|los|las)$/.test(previous?.lower ?? '') && PAST.test(token.lower);
  if (previous && DETERMINERS_ES.has(previous.lower) && !clitic) return undefined;
  let first = i;
  if (PARTICIPLE.test(token.lower) && verb.lemma !== 'decir') {
    if (!previous || !HABER.has(previous.lower)) return undefined;
    first = i - 1;
  } else if (token.lower === 'dicho') {
    if (!previous || !HABER.has(previous.lower)) return undefined;
    first = i - 1;
  }
  if (/^(?:se|le|les)$/.test(tokens[first - 1]?.lower ?? '') && verb.lemma === 'preguntar') first--;
  // "el funcionario, que pidió no ser identificado": an anonymity phrase, not a cue.
  if (ANONYMITY_ES.test(text.slice(token.end, token.end + 60))) return undefined;
  return { first, last: i, stance: verb.stance, negated, kind: 'verb', strict: verb.strict };
}

/** Nouns of people and bodies that hold views: "Para la portavoz de Sumar, …". */
const SPEAKER_NOUNS_ES =
  /^(?:ministr[oa]s?|president[ea]s?|portavo(?:z|ces)|vocer[oa]s?|analistas?|expert[oa]s?|economistas?|especialistas?|oposición|gobierno|sindicatos?|dirigentes?|diputad[oa]s?|senador(?:a|es|as)?|fiscal(?:es)?|jue(?:z|za|ces)|alcaldes?|alcaldesas?|gobernador(?:a|es|as)?|candidat[oa]s?|líder(?:es)?|secretari[oa]s?|director(?:a|es|as)?|empresari[oa]s?|investigador(?:a|es|as)?|organización|partido|gremios?|patronal|vecin[oa]s?)$/;

/**
 * "Para la portavoz de Sumar, la reforma se queda corta": an opening "para" is a cue only before a
 * speaker (a person's or body's noun, or a name) closed by a comma; not "Para 2030, …", "Para ello, …".
 */
function speakerBeforeComma(tokens: Token[], from: number): boolean {
  const phrase = phraseAfterEs(tokens, from);
  if (!phrase || tokens[phrase.last + 1]?.text !== ',') return false;
  const first = tokens[phrase.first];
  if (DETERMINERS_ES.has(first.lower))
    return SPEAKER_NOUNS_ES.test(tokens[phrase.first + 1]?.lower ?? '');
  return first.isCapitalized && !/^\d/.test(first.text) && phrase.last > phrase.first;
}

/** The last token from `from` on that ends by `end`. */
function lastTokenWithin(tokens: Token[], from: number, end: number): number {
  let last = from;
  while (last + 1 < tokens.length && tokens[last + 1].end <= end) last++;
  return last;
}

function rangeOf(tokens: Token[], first: number, last: number): Range {
  return { start: tokens[first].start, end: tokens[last].end };
}

/** A content range without the sentence's final period and outer spaces. */
function trimmed(text: string, start: number, end: number): Range | undefined {
  while (start < end && /[\s,:]/.test(text[start])) start++;
  while (end > start && /[\s.,;:—―–]/.test(text[end - 1])) end--;
  return end - start >= 2 ? { start, end } : undefined;
}

/**
 * Where a cue's content opens: the next token, or a "que" a few words on past an adverbial or an
 * indirect object ("negó este martes que", "dijo a la prensa que", "dijo además que").
 */
function contentOpening(tokens: Token[], from: number): number {
  // "apuntan, sin embargo, a restricciones": past a connector between commas.
  if (tokens[from]?.text === ',') {
    let close = from + 1;
    while (close <= from + 4 && close < tokens.length && tokens[close].text !== ',') close++;
    if (tokens[close]?.text !== ',' || close > from + 4) close = -1;
    const words = tokens
      .slice(from + 1, close)
      .map((t) => t.lower)
      .join(' ');
    if (close > 0 && CONNECTOR_ES.test(words)) from = close + 1;
  }
  for (let j = from; j < tokens.length && j - from < 8; j++) {
    if (tokens[j].lower === 'que') return j;
    if (!tokens[j].isWord) break;
  }
  return from;
}

const CONNECTOR_ES =
  /^(?:sin embargo|no obstante|además|en cambio|por su parte|por otro lado|asimismo|incluso|también|en tanto|a su vez)$/;

/** Whether a "que" clause, a colon or a quote opens right after the cue. */
function opensContent(tokens: Token[], from: number): boolean {
  const next = tokens[contentOpening(tokens, from)];
  return next !== undefined && (next.lower === 'que' || next.text === ':' || isQuoteMark(next));
}

interface Frame {
  source: Range | null;
  content: Range | undefined;
  dropped: boolean;
}

/**
 * Where the source of an inverted verb starts, past an indirect object: "«…», afirmó a la agencia
 * EFE el analista Ricardo Molina" → "el analista …" (the next determiner after "a"/"al" and a word).
 */
function indirectObjectEnd(tokens: Token[], from: number): number {
  if (!/^(?:a|al)$/.test(tokens[from]?.lower ?? '')) return from;
  for (let k = from + 2; k < tokens.length && k - from <= 7; k++) {
    if (!tokens[k].isWord) return from;
    if (DETERMINERS_ES.has(tokens[k].lower) && !tokens[k].isCapitalized) return k;
  }
  return from;
}

/**
 * "El gerente de la empresa, Andrés Rojas, desestimó esas cifras": the comma before the verb
 * closes a name in apposition to a short subject, so the verb is not inverted.
 */
function closesApposition(tokens: Token[], comma: number, floor: number): boolean {
  let open = comma - 1;
  while (open > floor && tokens[open].text !== ',') open--;
  if (open <= floor || tokens[open].text !== ',' || open - floor > 8) return false;
  for (let k = floor; k < open; k++) if (!tokens[k].isWord) return false;
  const name = tokens.slice(open + 1, comma);
  return name.length >= 1 && name.length <= 4 && name.every((t) => t.isWord && t.isCapitalized);
}

/** The "no" (and a clitic: "no lo confirmó") before a negated verb at `first`. */
function negationStart(tokens: Token[], first: number): number {
  if (tokens[first - 1]?.lower === 'no') return first - 1;
  if (
    tokens[first - 2]?.lower === 'no' &&
    /^(?:lo|la|los|las|le|les)$/.test(tokens[first - 1].lower)
  )
    return first - 2;
  return first;
}

/** Source and content of a verb or refusal cue. */
function frameVerb(
  text: string,
  tokens: Token[],
  cue: CueEs,
  quotes: Range[],
  floor: number,
  sentence: Sentence,
): Frame | undefined {
  const previous = tokens[cue.first - 1];
  const afterCue = tokens[cue.last + 1];
  // Inverted: "«…», dijo el ministro" / "—…—dijo el ministro" / "…, informó el diario"; after a
  // comma only when no "que", colon or quote follows ("El ministro, Luis Caputo, negó que…").
  const inverted =
    previous !== undefined &&
    cue.first > 0 &&
    (isQuoteMark(previous) ||
      isDash(previous) ||
      (previous.text === ',' &&
        (isQuoteMark(tokens[cue.first - 2] ?? previous) ||
          (!opensContent(tokens, cue.last + 1) &&
            !closesApposition(tokens, cue.first - 1, floor)))));
  if (inverted && cue.kind === 'verb') {
    let source = phraseAfterEs(tokens, indirectObjectEnd(tokens, cue.last + 1));
    if (source && tokens[source.first].lower === 'que') source = undefined;
    let contentEnd = previous.start;
    let contentStart = sentence.start;
    const quote =
      quoteEndingAt(quotes, previous.end) ??
      quoteEndingAt(quotes, tokens[cue.first - 2]?.end ?? -1);
    if (quote) {
      contentStart = quote.start;
      contentEnd = quote.end;
    } else if (isDash(tokens[0]) || /^[—―–]/.test(text.slice(sentence.start))) {
      contentStart = sentence.start + 1;
    }
    // "—No cederemos —dijo el ministro—. Es una vergüenza.": the quote goes on after the aside.
    const tail = source ? tokens[source.last + 1] : afterCue;
    if (!quote && isDash(tail)) contentEnd = sentence.end;
    const content = trimmed(text, contentStart, contentEnd);
    if (!content) return undefined;
    return {
      source: source ? rangeOf(tokens, source.first, source.last) : null,
      content,
      dropped: !source,
    };
  }
  const subject = subjectBeforeEs(text, tokens, cue.first, floor);
  // Content after the cue: a "que" clause, a colon or a quote, else the rest (not for strict verbs).
  const k = contentOpening(tokens, cue.last + 1);
  const next = tokens[k];
  let content: Range | undefined;
  if (next?.lower === 'que') {
    // The content keeps its "que", as PolNeAR's contents keep "that".
    content = trimmed(text, next.start, sentence.end);
  } else if (next?.text === ':') {
    const quote = quoteStartingAt(quotes, tokens[k + 1]?.start ?? -1);
    content = quote
      ? { start: quote.start, end: quote.end }
      : trimmed(text, next.end, sentence.end);
  } else if (next && isQuoteMark(next)) {
    const quote = quoteStartingAt(quotes, next.start);
    if (quote) content = { start: quote.start, end: quote.end };
  } else if (!cue.strict && next?.isWord && cue.kind === 'verb') {
    content = trimmed(text, next.start, sentence.end);
  } else if (cue.kind === 'declines') {
    content = rangeOf(tokens, cue.first, cue.last);
  } else if (cue.negated && cue.stance === 'CONFIRMS' && !next?.isWord) {
    // "…, aunque su despacho no lo confirmó.": a refusal to confirm, with no content.
    cue.first = negationStart(tokens, cue.first);
    content = rangeOf(tokens, cue.first, cue.last);
  }
  if (!content) return undefined;
  const source = subject ? rangeOf(tokens, subject.first, subject.last) : null;
  return { source, content, dropped: !subject };
}

/** Source and content of "según X": content before ("…, según X") or after ("Según X, …"). */
function frameSegun(
  text: string,
  tokens: Token[],
  cue: CueEs,
  sentence: Sentence,
): Frame | undefined {
  const source = phraseAfterEs(tokens, cue.last + 1);
  if (!source) return undefined;
  const sourceRange = rangeOf(tokens, source.first, source.last);
  const afterSource = tokens[source.last + 1];
  const before = trimmed(text, sentence.start, tokens[cue.first].start);
  let content: Range | undefined;
  if (before && tokens[cue.first - 1]?.text === ',') content = before;
  else if (afterSource?.text === ',') content = trimmed(text, afterSource.end, sentence.end);
  else content = before;
  return content ? { source: sourceRange, content, dropped: false } : undefined;
}

/** The Spanish attributions of the sentences for which `spanish(sentence)` is true. */
export function spanishDrafts(
  text: string,
  sentences: Sentence[],
  quotes: Range[],
  spanish: (sentenceIndex: number) => boolean,
): Draft[] {
  const drafts: Draft[] = [];
  const isQuoted = (offset: number) => quoteContaining(quotes, offset) !== undefined;
  sentences.forEach((sentence, sentenceIndex) => {
    if (!spanish(sentenceIndex)) return;
    const tokens = tokenize(text, sentence.start, sentence.end);
    let floor = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (isQuoted(tokens[i].start)) continue;
      const cue = cueAt(text, tokens, i);
      if (!cue) continue;
      const frame =
        cue.kind === 'segun'
          ? frameSegun(text, tokens, cue, sentence)
          : frameVerb(text, tokens, cue, quotes, floor, sentence);
      i = cue.last;
      if (!frame?.content) continue;
      const sourceText = frame.source ? text.slice(frame.source.start, frame.source.end) : null;
      const stance = decideStance({
        cueStance: cue.stance,
        negated: cue.negated,
        sourceText,
        contentText: stanceText(text, frame.content),
        cueText: text.slice(tokens[cue.first].start, tokens[cue.last].end),
      });
      drafts.push({
        sentence: sentenceIndex,
        cue: rangeOf(tokens, cue.first, cue.last),
        source: frame.source,
        content: frame.content,
        stance,
        toldMedium: null,
        droppedSubject: frame.dropped,
      });
      floor = cue.last + 1;
    }
  });
  return drafts;
}
