/**
 * Stance accuracy: for each gold attribution with an annotated stance whose cue the extractor
 * found (overlap match, best overlap first), whether the extractor gave it the same stance.
 * Reported per gold class, with how many of the class's cues were found at all.
 */
import type { ExtractedAttribution } from '@claimtrace/extraction';
import type { GoldSpan } from './brat';
import { overlapLength, spansMatch } from './score';

export interface StanceCounts {
  /** Gold attributions of the class. */
  gold: number;
  /** Of those, with a matching predicted cue. */
  found: number;
  /** Of those, with the same stance. */
  correct: number;
}

export type StanceScores = Map<string, StanceCounts>;

export interface StanceGold {
  cue: GoldSpan;
  stance?: string;
}

/** Adds one text's stance counts to `scores`. */
export function countStances(
  scores: StanceScores,
  gold: StanceGold[],
  predicted: ExtractedAttribution[],
): void {
  const used = new Set<number>();
  for (const g of gold) {
    if (!g.stance) continue;
    const counts = scores.get(g.stance) ?? { gold: 0, found: 0, correct: 0 };
    scores.set(g.stance, counts);
    counts.gold++;
    let best = -1;
    let bestOverlap = 0;
    predicted.forEach((p, i) => {
      if (used.has(i) || !spansMatch(g.cue, p.cue, 'overlap')) return;
      const overlap = overlapLength(g.cue, p.cue);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best < 0) continue;
    used.add(best);
    counts.found++;
    if (predicted[best].stance === g.stance) counts.correct++;
  }
}

export function formatStances(title: string, scores: StanceScores): string {
  const lines = [`${title}`, 'stance                gold  found  correct  accuracy'];
  let found = 0;
  let correct = 0;
  let gold = 0;
  for (const [stance, counts] of [...scores.entries()].sort()) {
    gold += counts.gold;
    found += counts.found;
    correct += counts.correct;
    const accuracy = counts.found === 0 ? '-' : (counts.correct / counts.found).toFixed(3);
    lines.push(
      `${stance.padEnd(20)} ${String(counts.gold).padStart(5)} ${String(counts.found).padStart(6)} ${String(counts.correct).padStart(8)}  ${accuracy.padStart(8)}`,
    );
  }
  const overall = found === 0 ? '-' : (correct / found).toFixed(3);
  lines.push(
    `${'all'.padEnd(20)} ${String(gold).padStart(5)} ${String(found).padStart(6)} ${String(correct).padStart(8)}  ${overall.padStart(8)}`,
  );
  return lines.join('\n');
}
