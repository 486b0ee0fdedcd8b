/**
 * Span scoring for attribution extraction: precision, recall and F1 per role, exact and overlap.
 *
 * Matching is one-to-one (a gold span can be credited once): spans are deduplicated per role,
 * then greedily paired best-overlap first. In overlap mode a predicted span matches a gold span
 * when they share at least half of the shorter one's characters.
 */
import type { GoldRole, GoldSpan } from './brat';

export type MatchMode = 'exact' | 'overlap';

export interface Counts {
  predicted: number;
  gold: number;
  matched: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoredAttribution {
  source: GoldSpan | null;
  cue: GoldSpan;
  content: GoldSpan | null;
}

export const ROLES: GoldRole[] = ['cue', 'source', 'content'];

export function overlapLength(a: GoldSpan, b: GoldSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function spansMatch(a: GoldSpan, b: GoldSpan, mode: MatchMode): boolean {
  if (mode === 'exact') return a.start === b.start && a.end === b.end;
  const overlap = overlapLength(a, b);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return overlap > 0 && overlap * 2 >= shorter;
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

const spanKey = (span: GoldSpan): string => `${span.start}:${span.end}`;

/** Pairs items one-to-one, best overlap first; returns the number of pairs. */
function greedyMatch<G, P>(
  gold: G[],
  predicted: P[],
  matches: (g: G, p: P) => boolean,
  weight: (g: G, p: P) => number,
): number {
  const pairs: { g: number; p: number; w: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (matches(g, p)) pairs.push({ g: gi, p: pi, w: weight(g, p) });
    }),
  );
  pairs.sort((a, b) => b.w - a.w);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  for (const pair of pairs) {
    if (usedGold.has(pair.g) || usedPredicted.has(pair.p)) continue;
    usedGold.add(pair.g);
    usedPredicted.add(pair.p);
  }
  return usedGold.size;
}

export function countSpans(gold: GoldSpan[], predicted: GoldSpan[], mode: MatchMode): Counts {
  const g = dedupe(gold, spanKey);
  const p = dedupe(predicted, spanKey);
  const matched = greedyMatch(
    g,
    p,
    (a, b) => spansMatch(a, b, mode),
    (a, b) => overlapLength(a, b) / Math.max(a.end - a.start, b.end - b.start, 1),
  );
  return { predicted: p.length, gold: g.length, matched };
}

const attributionKey = (a: ScoredAttribution): string =>
  `${spanKey(a.cue)}|${a.source ? spanKey(a.source) : '-'}`;

/** Attribution level: a prediction matches when its cue and its source both match (or both lack a source). */
export function countAttributions(
  gold: ScoredAttribution[],
  predicted: ScoredAttribution[],
  mode: MatchMode,
): Counts {
  const g = dedupe(gold, attributionKey);
  const p = dedupe(predicted, attributionKey);
  const matched = greedyMatch(
    g,
    p,
    (a, b) =>
      spansMatch(a.cue, b.cue, mode) &&
      (a.source === null
        ? b.source === null
        : b.source !== null && spansMatch(a.source, b.source, mode)),
    (a, b) =>
      overlapLength(a.cue, b.cue) + (a.source && b.source ? overlapLength(a.source, b.source) : 0),
  );
  return { predicted: p.length, gold: g.length, matched };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    predicted: a.predicted + b.predicted,
    gold: a.gold + b.gold,
    matched: a.matched + b.matched,
  };
}

export const ZERO_COUNTS: Counts = { predicted: 0, gold: 0, matched: 0 };

export function prf(counts: Counts): Prf {
  const precision = counts.predicted === 0 ? 0 : counts.matched / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.matched / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
