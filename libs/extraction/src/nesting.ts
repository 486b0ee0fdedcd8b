/**
 * Nested attribution: "the Times reported that sources said …" — the inner attribution is
 * reported via the outer one. An attribution is nested when its cue lies inside the content of a
 * relaying attribution (REPORTS, ASSERTS or CONFIRMS), or when its source told a medium
 * ("sources told the newspaper") that an earlier attribution reports for.
 */
import { isMedium } from './stance';
import type { Range, Stance } from './types';

export interface NestingItem {
  cue: Range;
  content: Range;
  stance: Stance;
  sourceText: string | null;
  /** The medium a source spoke to ("told the newspaper"), if any. */
  toldMedium: string | null;
}

const NEIGHBOURS = 20;
const RELAYING: Stance[] = ['REPORTS', 'ASSERTS', 'CONFIRMS'];

function sameMedium(a: string, b: string): boolean {
  const head = (s: string) =>
    s
      .toLowerCase()
      .replace(/[’']s$/, '')
      .split(/\s+/)
      .pop();
  const generic = /^(?:newspaper|paper|outlet|magazine|daily|report)$/;
  const ha = head(a);
  const hb = head(b);
  return ha === hb || generic.test(ha ?? '') || generic.test(hb ?? '');
}

/** For each item, the index of the item it is reported via, or null. Items are in text order. */
export function findReportedVia(items: NestingItem[]): (number | null)[] {
  return items.map((inner, i) => {
    let best: number | null = null;
    let bestSize = Infinity;
    // Contents are local, so only neighbours can contain each other.
    const from = Math.max(0, i - NEIGHBOURS);
    items.slice(from, i + NEIGHBOURS + 1).forEach((outer, offset) => {
      const j = from + offset;
      if (j === i || !RELAYING.includes(outer.stance)) return;
      const contains = outer.content.start <= inner.cue.start && inner.cue.end <= outer.content.end;
      const size = outer.content.end - outer.content.start;
      if (
        contains &&
        size < bestSize &&
        !(inner.content.start <= outer.cue.start && outer.cue.end <= inner.content.end)
      ) {
        best = j;
        bestSize = size;
      }
    });
    if (best !== null || !inner.toldMedium) return best;
    for (let j = i - 1; j >= Math.max(0, i - NEIGHBOURS); j--) {
      const outer = items[j];
      if (
        outer.stance === 'REPORTS' &&
        outer.sourceText &&
        isMedium(outer.sourceText) &&
        sameMedium(outer.sourceText, inner.toldMedium)
      ) {
        return j;
      }
    }
    return null;
  });
}
