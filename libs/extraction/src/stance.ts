/**
 * The stance of an attribution: the cue's lexical stance, adjusted by negation, by a medium as
 * source (a medium relays: REPORTS) and by a relayed description of falsehood ("calling the
 * report false": DENIES).
 */
import { MEDIA_WORDS, SPANISH_MEDIUM } from './lexicon/words';
import { contentSignal } from './stance-content';
import type { Stance } from './types';

export interface StanceInput {
  cueStance: Stance;
  negated: boolean;
  sourceText: string | null;
  contentText: string;
  /** The cue's words ("refuses", "has called"), for the cues whose stance depends on them. */
  cueText?: string;
}

/** True when a noun phrase names a news medium ("the Times", "the newspaper", "Reuters"). */
export function isMedium(phrase: string): boolean {
  if (SPANISH_MEDIUM.test(phrase)) return true;
  // "The Times on Saturday": the medium without its date.
  const words = phrase.replace(/\s+(?:on|this|last)\s+\p{L}+$/u, '').split(/\s+/);
  const head = words[words.length - 1]?.replace(/[’']s$/, '').toLowerCase();
  if (head === undefined) return false;
  if (/^(?:report|reports|press|wire)$/.test(head))
    return /^(?:the|a|its|this|that)\b/i.test(phrase) && words.length <= 3;
  return (
    MEDIA_WORDS.has(head) &&
    (/\p{Lu}/u.test(phrase) ||
      /newspaper|paper|outlet|magazine|tabloid|network|broadcaster|agency|media/.test(head))
  );
}

/** What of a content the stance reads: its start (a bounded slice, so a long content costs nothing). */
export function stanceText(text: string, content: { start: number; end: number }): string {
  return text.slice(content.start, Math.min(content.end, content.start + 400));
}

export function decideStance(input: StanceInput): Stance {
  let stance = input.cueStance;
  const cue = input.cueText?.toLowerCase() ?? '';
  const signal = contentSignal(input.contentText, input.cueText);
  if (/^reportedly$/.test(cue)) return 'REPORTS';
  if (input.negated) {
    if (stance === 'CONFIRMS') return 'DECLINES_TO_COMMENT';
    if (stance === 'DENIES' || stance === 'DISPUTES') return 'ASSERTS';
    // "did not say whether …", "isn't saying much about …": a question left open.
    if (stance === 'ASSERTS' && signal === 'open') return 'DECLINES_TO_COMMENT';
  }
  // "refuses to release", "avoids condemning": declining to take a position.
  if (/\b(?:refus|avoid|declin|evit)\p{L}*$/u.test(cue)) return 'DECLINES_TO_COMMENT';
  if (stance === 'QUESTIONS' && !['open', 'question'].includes(signal ?? '')) {
    // "asked the moderator to fact check" is a request; "questions the fairness" a doubt.
    stance = /^(?:question|questions|questioned|questioning)$/.test(cue) ? 'DISPUTES' : 'ASSERTS';
  }
  // A medium relays: what its content says (a denial it quotes) is the quoted person's stance.
  if (stance === 'ASSERTS' && input.sourceText && isMedium(input.sourceText)) return 'REPORTS';
  if (stance === 'REPORTS') return 'REPORTS';
  if (stance === 'ASSERTS' && !input.negated) {
    if (signal === 'false') return 'DENIES';
    if (signal === 'doubt') return 'DISPUTES';
    if (signal === 'right') return 'CONFIRMS';
    if (signal === 'question') return 'QUESTIONS';
  }
  return stance;
}
