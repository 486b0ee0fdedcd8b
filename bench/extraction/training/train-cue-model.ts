/**
 * Trains the cue model (cue-model.ts) on annotated texts: every candidate word the rules leave
 * alone is an example, labelled by whether it lies inside a gold cue; an averaged perceptron
 * learns the weights. Deterministic: same texts, same weights.
 */
import { CodePointIndex } from '@claimtrace/anchoring';
import {
  candidateFeatures,
  isCandidate,
  stemOf,
  type CueModel,
} from '../../../libs/extraction/src/cue-model';
import { findCues } from '../../../libs/extraction/src/cues';
import { findQuotes, quoteContaining } from '../../../libs/extraction/src/text/quotes';
import { splitSentences } from '../../../libs/extraction/src/text/sentences';
import { tokenize, type Token } from '../../../libs/extraction/src/text/tokens';
import { VERB_GROUP_WORDS } from '../../../libs/extraction/src/lexicon/words';
import type { AnnotatedText } from './corpus';

export interface Example {
  features: string[];
  label: boolean;
}

interface SentenceView {
  tokens: Token[];
  /** Token is covered by a rule cue or a quote. */
  skip: boolean[];
  /** Heads of the rule cues that the veto may drop. */
  ruleHeads: number[];
  /** 1: the first content word of a gold cue; 2: another word inside a gold cue; 0: outside. */
  gold: number[];
}

function* sentencesOf(doc: AnnotatedText): Generator<SentenceView> {
  const { text } = doc;
  const codePoints = new CodePointIndex(text);
  const quotes = findQuotes(text);
  const isQuoted = (offset: number) => quoteContaining(quotes, offset) !== undefined;
  for (const sentence of splitSentences(text)) {
    const tokens = tokenize(text, sentence.start, sentence.end);
    if (tokens.length === 0) continue;
    const skip = tokens.map((token) => isQuoted(token.start));
    const ruleHeads: number[] = [];
    for (const cue of findCues(text, tokens, isQuoted, null)) {
      for (let k = cue.first; k <= cue.last; k++) skip[k] = true;
      if (cue.kind === 'verb') ruleHeads.push(cue.head);
    }
    const gold = tokens.map(() => 0);
    for (const g of doc.gold) {
      let head = true;
      tokens.forEach((token, i) => {
        const at = codePoints.toCodePoint(token.start);
        if (at < g.cue.start || at >= g.cue.end) return;
        const content = token.isWord && !VERB_GROUP_WORDS.has(token.lower);
        if (content && head) {
          gold[i] = 1;
          head = false;
        } else if (gold[i] === 0) gold[i] = 2;
      });
    }
    yield { tokens, skip, ruleHeads, gold };
  }
}

/** Stems of the words inside gold cues, the candidate vocabulary. */
export function cueStems(docs: AnnotatedText[]): string[] {
  const stems = new Set<string>();
  for (const doc of docs) {
    for (const view of sentencesOf(doc)) {
      view.tokens.forEach((token, i) => {
        if (view.gold[i] === 1) stems.add(stemOf(token.lower));
      });
    }
  }
  return [...stems].sort();
}

export function examplesOf(docs: AnnotatedText[], stems: Set<string>): Example[] {
  const examples: Example[] = [];
  for (const doc of docs) {
    for (const view of sentencesOf(doc)) {
      for (let i = 0; i < view.tokens.length; i++) {
        if (view.skip[i] || view.gold[i] === 2 || !isCandidate(view.tokens, i, stems)) continue;
        examples.push({ features: candidateFeatures(view.tokens, i), label: view.gold[i] === 1 });
      }
    }
  }
  return examples;
}

/** An averaged perceptron; `epochs` passes in a fixed pseudo-random order. */
export function trainPerceptron(examples: Example[], epochs = 10): Record<string, number> {
  const weights = new Map<string, number>();
  const totals = new Map<string, number>();
  const stamps = new Map<string, number>();
  let step = 1;
  const order = examples.map((_, i) => i);
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const flush = (feature: string) => {
    const since = step - (stamps.get(feature) ?? 0);
    totals.set(feature, (totals.get(feature) ?? 0) + since * (weights.get(feature) ?? 0));
    stamps.set(feature, step);
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const { features, label } = examples[index];
      let score = 0;
      for (const feature of features) score += weights.get(feature) ?? 0;
      const predicted = score >= 0;
      if (predicted !== label) {
        const delta = label ? 1 : -1;
        for (const feature of features) {
          flush(feature);
          weights.set(feature, (weights.get(feature) ?? 0) + delta);
        }
      }
      step++;
    }
  }
  const averaged: Record<string, number> = {};
  for (const feature of [...weights.keys()].sort()) {
    flush(feature);
    const value = Math.round(((totals.get(feature) ?? 0) / step) * 1000) / 1000;
    if (value !== 0) averaged[feature] = value;
  }
  return averaged;
}

/** Rule cues (verbs) labelled by whether their head lies inside a gold cue. */
export function vetoExamplesOf(docs: AnnotatedText[]): Example[] {
  const examples: Example[] = [];
  for (const doc of docs) {
    for (const view of sentencesOf(doc)) {
      for (const head of view.ruleHeads) {
        examples.push({
          features: candidateFeatures(view.tokens, head),
          label: view.gold[head] > 0,
        });
      }
    }
  }
  return examples;
}

export function trainCueModel(
  docs: AnnotatedText[],
  threshold = 0,
  vetoThreshold = -Infinity,
  minWeight = 0,
  epochs = 10,
): CueModel {
  const stems = cueStems(docs);
  // Weights smaller than `minWeight` are dropped: a smaller file that loads faster.
  const pruned = (weights: Record<string, number>) =>
    minWeight > 0
      ? Object.fromEntries(Object.entries(weights).filter(([, w]) => Math.abs(w) >= minWeight))
      : weights;
  const weights = pruned(trainPerceptron(examplesOf(docs, new Set(stems)), epochs));
  const model: CueModel =
    minWeight > 0 ? { threshold, minWeight, stems, weights } : { threshold, stems, weights };
  if (!(vetoThreshold > -Infinity)) return model;
  const veto = {
    threshold: vetoThreshold,
    weights: pruned(trainPerceptron(vetoExamplesOf(docs), epochs)),
  };
  return { ...model, veto };
}
