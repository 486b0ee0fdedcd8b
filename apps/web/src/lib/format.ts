// How the page words the API's enums and counts. The enums' values are the schema's (types.ts);
// the lists give them the page's order.
import type { ActorKind, ClaimStatus, Stance } from '../api/types';

export type { ActorKind, ClaimStatus, Stance };

export const ACTOR_KINDS = [
  'PERSON',
  'ORGANIZATION',
  'GOVERNMENT_BODY',
  'MEDIA_OUTLET',
  'ANONYMOUS_SOURCE',
  'SOCIAL_MEDIA_ACCOUNT',
] as const satisfies readonly ActorKind[];

export const STATUSES = [
  'UNVERIFIED',
  'CONTESTED',
  'CORROBORATED',
  'CONFIRMED',
  'REFUTED',
  'RETRACTED',
] as const satisfies readonly ClaimStatus[];

export const STANCES = [
  'ASSERTS',
  'REPORTS',
  'CONFIRMS',
  'DENIES',
  'DISPUTES',
  'QUESTIONS',
  'DECLINES_TO_COMMENT',
  'RETRACTS',
] as const satisfies readonly Stance[];

/** The status workflow (libs/claims/src/status/transitions.ts): where each status may go. */
export const TRANSITIONS: Record<ClaimStatus, ClaimStatus[]> = {
  UNVERIFIED: ['CONTESTED', 'CORROBORATED', 'CONFIRMED', 'REFUTED', 'RETRACTED'],
  CONTESTED: ['UNVERIFIED', 'CORROBORATED', 'CONFIRMED', 'REFUTED', 'RETRACTED'],
  CORROBORATED: ['CONTESTED', 'CONFIRMED', 'REFUTED', 'RETRACTED'],
  CONFIRMED: ['CONTESTED', 'RETRACTED'],
  REFUTED: ['CONTESTED', 'RETRACTED'],
  RETRACTED: [],
};

const STANCE_VERBS: Record<Stance, string> = {
  ASSERTS: 'asserted',
  REPORTS: 'reported',
  CONFIRMS: 'confirmed',
  DENIES: 'denied',
  DISPUTES: 'disputed',
  QUESTIONS: 'questioned',
  DECLINES_TO_COMMENT: 'declined to comment',
  RETRACTS: 'retracted',
};

/** "Asserts", "Declines to comment": an enum value as a heading. */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function stanceVerb(stance: string): string {
  return STANCE_VERBS[stance as Stance] ?? stance.toLowerCase();
}

export interface StanceCount {
  stance: string;
  count: number;
}

/** "asserted by 2, denied by 3, declined to comment by 2" in the order of the Stance enum. */
export function summarizeStances(counts: StanceCount[]): string {
  const order = (s: string) => {
    const i = STANCES.indexOf(s as Stance);
    return i < 0 ? STANCES.length : i;
  };
  const parts = counts
    .filter((c) => c.count > 0)
    .sort((a, b) => order(a.stance) - order(b.stance))
    .map((c) =>
      c.stance === 'DECLINES_TO_COMMENT'
        ? `${c.count} declined to comment`
        : `${stanceVerb(c.stance)} by ${c.count}`,
    );
  return parts.length ? parts.join(', ') : 'no attributions yet';
}

/** "1 actor", "3 actors" */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "3 min ago", "2 h ago", or the date, relative to `now`. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '—';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(then).toISOString().slice(0, 10);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
