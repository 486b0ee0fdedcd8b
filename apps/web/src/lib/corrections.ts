// What the page says about corrections: a banner line per corrected article, the word diff of an
// affected passage, and what changed in a claim while an editor was writing.

/** The fields of a source change the page summarises (see SourceChangeFields in queries.ts). */
export interface ChangeLike {
  status: 'EXACT' | 'FUZZY' | 'ORPHANED';
  at: string;
  fromArticle: { id: string; title: string; publisher?: { name: string } | null };
  toArticle: { id: string };
}

/** One corrected article as the claim page's banner states it. */
export interface CorrectionSummary {
  toArticleId: string;
  publisher: string | null;
  title: string;
  at: string;
  moved: number;
  changed: number;
  withdrawn: number;
}

/** The corrections behind a claim, one per corrected article version, newest first. */
export function summarizeCorrections(changes: readonly ChangeLike[]): CorrectionSummary[] {
  const byArticle = new Map<string, CorrectionSummary>();
  for (const change of changes) {
    let summary = byArticle.get(change.toArticle.id);
    if (!summary) {
      summary = {
        toArticleId: change.toArticle.id,
        publisher: change.fromArticle.publisher?.name ?? null,
        title: change.fromArticle.title,
        at: change.at,
        moved: 0,
        changed: 0,
        withdrawn: 0,
      };
      byArticle.set(change.toArticle.id, summary);
    }
    if (change.status === 'EXACT') summary.moved += 1;
    else if (change.status === 'FUZZY') summary.changed += 1;
    else summary.withdrawn += 1;
  }
  return [...byArticle.values()].sort((a, b) => b.at.localeCompare(a.at));
}

/** "3 passages moved, 1 changed, 1 withdrawn" (parts that are zero left out). */
export function correctionCounts(summary: CorrectionSummary): string {
  const parts: string[] = [];
  if (summary.moved) parts.push(`${summary.moved} passage${summary.moved === 1 ? '' : 's'} moved`);
  if (summary.changed) parts.push(`${summary.changed} changed`);
  if (summary.withdrawn) parts.push(`${summary.withdrawn} withdrawn`);
  return parts.join(', ') || 'no passage affected';
}

/** A run of a word diff: kept, removed from the old text, or added in the new one. */
export interface DiffPart {
  kind: 'same' | 'del' | 'ins';
  text: string;
}

/** Above this many word pairs, the diff shows the old text removed and the new one added whole. */
const MAX_DIFF_CELLS = 40_000;

/**
 * The word diff from `before` to `after` (words with their following spaces), by the longest
 * common subsequence; quadratic, so bounded by MAX_DIFF_CELLS (passages are short).
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(/\S+\s*/g) ?? [];
  const b = after.match(/\S+\s*/g) ?? [];
  if (a.length * b.length > MAX_DIFF_CELLS) {
    return [
      { kind: 'del', text: before },
      { kind: 'ins', text: after },
    ].filter((part) => part.text) as DiffPart[];
  }
  const word = (w: string) => w.trim();
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] =
        word(a[i]) === word(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && word(a[i]) === word(b[j])) {
      push('same', b[j]);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      push('del', a[i++]);
    } else {
      push('ins', b[j++]);
    }
  }
  return parts;
}

/** What a form shows of a claim, to tell whether it changed under the editor. */
export interface ClaimSnapshot {
  version: number;
  status: string;
  text: string;
  /** the stance summary as shown (a correction changes it without a new version) */
  stances: string;
  /** the source changes awaiting review */
  toReview: number;
}

/** What changed between two snapshots of a claim, in words; empty when nothing did. */
export function claimChanges(before: ClaimSnapshot, after: ClaimSnapshot): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`status ${before.status} → ${after.status}`);
  if (before.text !== after.text) changes.push(`text “${before.text}” → “${after.text}”`);
  if (before.stances !== after.stances)
    changes.push(`stances ${before.stances} → ${after.stances}`);
  if (before.toReview !== after.toReview) {
    changes.push(`source changes to review ${before.toReview} → ${after.toReview}`);
  }
  if (before.version !== after.version && changes.length === 0) {
    changes.push(`version ${before.version} → ${after.version}`);
  }
  return changes;
}
