/**
 * A learned second pass over cue candidates: an averaged perceptron scores the words that the
 * rules left alone ("lifted", "has pooh-poohed", "discussed") from hand-designed features of the
 * word and its neighbours (stem, suffix, lexicon class, neighbouring words, quotes, "that").
 *
 * Weights live in libs/extraction/data/cue-model.json (read by model/cue-model-file.ts), trained on
 * the dev part of the corpus only by bench/extraction/train-cue-model.ts (docs/extraction.md).
 */
import { cueFormsStartingWith } from './lexicon/cue-verbs';
import { DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS, VERB_GROUP_WORDS } from './lexicon/words';
import type { Token } from './text/tokens';

export interface CueModel {
  /** A candidate whose score reaches the threshold becomes a cue. */
  threshold: number;
  /** Training dropped the weights smaller than this (absolute value). */
  minWeight?: number;
  /** Stems seen inside a training cue; only these and lexicon words are scored. */
  stems: string[];
  weights: Record<string, number>;
  /** Drops a rule cue (a reporting verb) whose score falls below the threshold. */
  veto?: { threshold: number; weights: Record<string, number> };
}

const FUNCTION_WORDS = new Set([
  ...VERB_GROUP_WORDS,
  ...DETERMINERS,
  ...PREPOSITIONS,
  ...SUBJECT_PRONOUNS,
  ...'and or but that which who whom what as if than so not me him them us you one'.split(' '),
]);
const OPENING = new Set(['"', '“', '‘']);
const CLOSING = new Set(['"', '”', '’']);

/** A crude stem shared by the forms of a verb: "argued", "argues", "arguing" → "argu". */
const stemCache = new Map<string, string>();

export function stemOf(word: string): string {
  const lower = word.toLowerCase();
  let stem = stemCache.get(lower);
  if (stem === undefined) {
    stem = computeStem(lower);
    if (stemCache.size < 50_000) stemCache.set(lower, stem);
  }
  return stem;
}

function computeStem(lower: string): string {
  if (lower.length <= 4) return lower;
  if (/(?:ied|ies)$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/ing$/.test(lower) && lower.length >= 6) return lower.slice(0, -3).replace(/e$/, '');
  if (/ed$/.test(lower)) return lower.slice(0, -2).replace(/e$/, '');
  if (/(?:sh|ch|ss|x)es$/.test(lower)) return lower.slice(0, -2);
  if (/[^s]s$/.test(lower)) return lower.slice(0, -1).replace(/e$/, '');
  return lower.replace(/e$/, '');
}

/** 0 base, 1 third person, 2 past, 3 participle, 4 gerund — guessed from the ending. */
export function formOf(word: string): number {
  if (/ing$/.test(word)) return 4;
  if (/ed$/.test(word)) return 2;
  if (/[^s]s$/.test(word)) return 1;
  return 0;
}

/** Whether token `i` may be a cue word at all: a lower-case content word. */
export function isCandidate(tokens: Token[], i: number, stems: Set<string>): boolean {
  const token = tokens[i];
  if (!token.isWord || token.text.length < 3 || FUNCTION_WORDS.has(token.lower)) return false;
  if (token.isCapitalized && i > 0) return false;
  if (/\d/.test(token.text)) return false;
  return stems.has(stemOf(token.lower)) || cueFormsStartingWith(token.lower).length > 0;
}

function shape(token: Token | undefined): string {
  if (!token) return 'none';
  if (!token.isWord) return OPENING.has(token.text) ? 'open' : token.text;
  if (SUBJECT_PRONOUNS.has(token.lower)) return 'pron';
  if (VERB_GROUP_WORDS.has(token.lower)) return 'aux';
  if (DETERMINERS.has(token.lower)) return 'det';
  if (PREPOSITIONS.has(token.lower)) return 'prep';
  if (token.isCapitalized) return 'cap';
  return 'low';
}

/** The features of candidate `i`. */
export function candidateFeatures(tokens: Token[], i: number): string[] {
  const token = tokens[i];
  const stem = stemOf(token.lower);
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const next = tokens[i + 1];
  const next2 = tokens[i + 2];
  const lexicon = cueFormsStartingWith(token.lower)[0];
  const pShape = shape(prev);
  const nShape = shape(next);
  let quoteBefore = false;
  for (let k = Math.max(0, i - 6); k < i; k++) if (CLOSING.has(tokens[k].text)) quoteBefore = true;
  let quoteAfter = false;
  let thatSoon = false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    if (OPENING.has(tokens[k].text)) quoteAfter = true;
    if (tokens[k].lower === 'that') thatSoon = true;
  }
  let nameBefore = false;
  for (let k = Math.max(0, i - 4); k < i; k++)
    if (tokens[k].isCapitalized && k > 0) nameBefore = true;
  return [
    'bias',
    `w=${token.lower}`,
    `s=${stem}`,
    `x=${token.lower.slice(-3)}`,
    `f=${formOf(token.lower)}`,
    `lex=${lexicon ? `${lexicon.cueClass}` : '-'}`,
    `p=${prev?.lower ?? '^'}`,
    `pp=${prev2?.lower ?? '^'}`,
    `n=${next?.lower ?? '$'}`,
    `nn=${next2?.lower ?? '$'}`,
    `ps=${pShape}`,
    `ns=${nShape}`,
    `ps|ns=${pShape}|${nShape}`,
    `s|ns=${stem}|${nShape}`,
    `s|ps=${stem}|${pShape}`,
    `s|n=${stem}|${next?.lower ?? '$'}`,
    `qb=${quoteBefore}`,
    `qa=${quoteAfter}`,
    `that=${thatSoon}`,
    `name=${nameBefore}`,
    `s|name=${stem}|${nameBefore}`,
    `first=${i === 0}`,
    `p|w=${prev?.lower ?? '^'}|${token.lower}`,
    `w|n=${token.lower}|${next?.lower ?? '$'}`,
    `nns=${shape(next2)}`,
    `pos=${Math.min(i, 6)}`,
    `s|that=${stem}|${thatSoon}`,
    `s|qb=${stem}|${quoteBefore}`,
  ];
}

export type Weights = ReadonlyMap<string, number>;

export function scoreFeatures(weights: Weights, features: string[]): number {
  let score = 0;
  for (const feature of features) score += weights.get(feature) ?? 0;
  return score;
}

/** Prepared model: stems and weights as a set and maps, built once. */
export interface ReadyModel {
  model: CueModel;
  stems: Set<string>;
  weights: Weights;
  veto: Weights;
}

export function prepareModel(model: CueModel): ReadyModel {
  return {
    model,
    stems: new Set(model.stems),
    weights: new Map(Object.entries(model.weights)),
    veto: new Map(Object.entries(model.veto?.weights ?? {})),
  };
}

/** Heads of the tokens the model takes for cues, skipping tokens already covered. */
export function modelCueHeads(
  tokens: Token[],
  covered: (i: number) => boolean,
  ready: ReadyModel,
): number[] {
  const heads: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered(i) || !isCandidate(tokens, i, ready.stems)) continue;
    const { weights } = ready;
    // One cue per verb phrase: "has faced ridicule" is one cue, not two.
    const last = heads[heads.length - 1];
    if (last !== undefined && i - last <= 2) continue;
    const score = scoreFeatures(weights, candidateFeatures(tokens, i));
    if (score >= ready.model.threshold) heads.push(i);
  }
  return heads;
}

/** Whether the veto keeps the rule cue headed by token `head`. */
export function vetoKeeps(tokens: Token[], head: number, ready: ReadyModel): boolean {
  const threshold = ready.model.veto?.threshold ?? -Infinity;
  if (!(threshold > -Infinity)) return true;
  return scoreFeatures(ready.veto, candidateFeatures(tokens, head)) >= threshold;
}
