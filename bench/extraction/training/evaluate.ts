/**
 * Scores an extractor against an annotated corpus and renders the result as a plain-text table.
 */
import type { ExtractedAttribution } from '@claimtrace/extraction';
import type { AnnotatedText, Part } from './corpus';
import {
  addCounts,
  countAttributions,
  countSpans,
  prf,
  ROLES,
  ZERO_COUNTS,
  type Counts,
  type MatchMode,
  type ScoredAttribution,
} from './score';
import type { GoldRole, GoldSpan } from './brat';
import { countStances, type StanceScores } from './stance-score';

export type Extractor = (text: string) => ExtractedAttribution[];

export interface Scores {
  texts: number;
  /** role → mode → counts; role 'overall' sums cue, source and content. */
  spans: Record<GoldRole | 'overall', Record<MatchMode, Counts>>;
  attributions: Record<MatchMode, Counts>;
}

const MODES: MatchMode[] = ['exact', 'overlap'];

function emptyScores(): Scores {
  const perMode = () => ({ exact: { ...ZERO_COUNTS }, overlap: { ...ZERO_COUNTS } });
  return {
    texts: 0,
    spans: { cue: perMode(), source: perMode(), content: perMode(), overall: perMode() },
    attributions: perMode(),
  };
}

/** Predictions as scored spans; a content equal to its cue means "no content stated". */
export function toScored(predicted: ExtractedAttribution[]): ScoredAttribution[] {
  return predicted.map((p) => ({
    cue: { start: p.cue.start, end: p.cue.end },
    source: p.source ? { start: p.source.start, end: p.source.end } : null,
    content:
      p.content.start === p.cue.start && p.content.end === p.cue.end
        ? null
        : { start: p.content.start, end: p.content.end },
  }));
}

function spansOf(items: ScoredAttribution[], role: GoldRole): GoldSpan[] {
  return items.map((item) => item[role]).filter((span): span is GoldSpan => span !== null);
}

export function scoreTexts(
  texts: AnnotatedText[],
  extract: Extractor,
  stances?: StanceScores,
): Scores {
  const scores = emptyScores();
  for (const doc of texts) {
    scores.texts++;
    const extracted = extract(doc.text);
    if (stances) countStances(stances, doc.gold, extracted);
    const predicted = toScored(extracted);
    for (const mode of MODES) {
      for (const role of ROLES) {
        const counts = countSpans(spansOf(doc.gold, role), spansOf(predicted, role), mode);
        scores.spans[role][mode] = addCounts(scores.spans[role][mode], counts);
        scores.spans.overall[mode] = addCounts(scores.spans.overall[mode], counts);
      }
      scores.attributions[mode] = addCounts(
        scores.attributions[mode],
        countAttributions(doc.gold, predicted, mode),
      );
    }
  }
  return scores;
}

const pct = (value: number): string => value.toFixed(3);

export function formatTable(title: string, scores: Scores): string {
  const lines: string[] = [];
  lines.push(`${title} (${scores.texts} texts)`);
  lines.push('role         mode     gold   pred  match  precision  recall     F1');
  const row = (label: string, mode: MatchMode, counts: Counts) => {
    const { precision, recall, f1 } = prf(counts);
    lines.push(
      `${label.padEnd(12)} ${mode.padEnd(8)} ${String(counts.gold).padStart(5)} ${String(counts.predicted).padStart(6)} ${String(counts.matched).padStart(6)}  ${pct(precision).padStart(9)}  ${pct(recall).padStart(6)}  ${pct(f1).padStart(5)}`,
    );
  };
  for (const role of [...ROLES, 'overall'] as const) {
    for (const mode of MODES) row(role, mode, scores.spans[role][mode]);
  }
  for (const mode of MODES) row('attribution', mode, scores.attributions[mode]);
  return lines.join('\n');
}

export function evaluateCorpus(corpus: AnnotatedText[], extract: Extractor): string {
  const parts: { title: string; filter: (part: Part) => boolean }[] = [
    { title: 'dev', filter: (part) => part === 'dev' },
    { title: 'held-out', filter: (part) => part === 'held-out' },
    { title: 'all', filter: () => true },
  ];
  return parts
    .map(({ title, filter }) =>
      formatTable(
        title,
        scoreTexts(
          corpus.filter((doc) => filter(doc.part)),
          extract,
        ),
      ),
    )
    .join('\n\n');
}
