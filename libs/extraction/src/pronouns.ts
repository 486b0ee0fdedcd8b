/**
 * Pronoun resolution for sources: "he said" → the nearest fitting named actor before it.
 * he/she fit a person, it fits an organisation, they fits a group or an organisation.
 */
import { MEDIA_WORDS, ORGANIZATION_WORDS, PERSON_TITLES } from './lexicon/words';

export type ActorKind = 'person' | 'organization' | 'group' | 'other';

export interface Mention {
  name: string;
  offset: number;
  kind: ActorKind;
}

const NAME_RUN =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?\b\p{Lu}[\p{L}’'\-.]*(?:\s+(?:of\s+the\s+|of\s+|de\s+|van\s+|von\s+)?\p{Lu}[\p{L}’'\-.]*)*/gu;
const NOT_NAMES = new Set(
  (
    'The A An But And Or So Yet He She They It We I You His Her Their Its This That These Those ' +
    'In On At For With From By After Before When While As If Although Though Since Because ' +
    'According Asked Both Some Many Most All No Not Mr Mrs Ms Dr Last Next Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December There Here What Who Why How Where Still Even'
  ).split(' '),
);

export function kindOf(phrase: string): ActorKind {
  const words = phrase
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/\s+/);
  if (words.some((word) => ORGANIZATION_WORDS.has(word) || MEDIA_WORDS.has(word)))
    return 'organization';
  if (words.some((word) => PERSON_TITLES.has(word))) return 'person';
  const head = words[words.length - 1] ?? '';
  if (/^\p{Ll}/u.test(phrase.split(/\s+/).pop() ?? '') && /s$/.test(head)) return 'group';
  return 'person';
}

/** Capitalised name runs of the text ("President Javier Milei", "the State Department"). */
export function nameMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const surnames = new Set<string>();
  NAME_RUN.lastIndex = 0;
  for (let match = NAME_RUN.exec(text); match; match = NAME_RUN.exec(text)) {
    // A run stops at a sentence end: "Córdoba. Milei" is two runs.
    const sentenceEnd = /[\p{L}]{3,}\.\s/u.exec(match[0]);
    if (sentenceEnd && !/^(?:Gov|Gen|Sen|Rep|Mrs)\.$/.test(sentenceEnd[0].trim())) {
      const cut = sentenceEnd.index + sentenceEnd[0].length - 1;
      match[0] = match[0].slice(0, cut);
      NAME_RUN.lastIndex = match.index + cut;
    }
    let name = match[0].replace(/[’']s$/, '').replace(/\.$/, '');
    const words = name.split(/\s+/);
    while (words.length > 0 && NOT_NAMES.has(words[0].replace(/\.$/, ''))) words.shift();
    if (words.length === 0) continue;
    name = words.join(' ');
    const offset = match.index + match[0].indexOf(words[0]);
    const isStartOfSentence = /(?:^|[.!?"“”]\s+|\n)$/.test(
      text.slice(Math.max(0, offset - 3), offset),
    );
    if (words.length === 1 && isStartOfSentence) continue;
    let kind = kindOf(name);
    if (kind === 'person' && words.length === 1 && !surnames.has(name)) {
      // A lone capitalised word is a person only as the surname of a person named before.
      kind = 'other';
    }
    if (kind === 'person' && words.length > 1) surnames.add(words[words.length - 1]);
    mentions.push({ name, offset, kind });
  }
  return mentions;
}

const TITLE =
  /^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.|President|Vice|Senator|Governor|Secretary|Minister|Prime|Former|Judge|Mayor|Chancellor|Candidate|Nominee)\s+/;

function stripTitles(name: string): string {
  let result = name;
  while (TITLE.test(result) && result.split(/\s+/).length > 1) result = result.replace(TITLE, '');
  return result;
}

/** How far back (in characters) a pronoun or a short name looks for its antecedent. */
const WINDOW = 5000;

/** Index of the first mention at or after `offset` (mentions are sorted by offset). */
function firstAtOrAfter(mentions: Mention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].offset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The longest form of a person's name among the mentions before `offset` ("Milei" → "Javier Milei"). */
export function fullName(name: string, mentions: Mention[], offset = Infinity): string {
  const bare = stripTitles(name);
  const surname = bare.split(/\s+/).pop() ?? bare;
  let best = bare;
  const end = Math.min(mentions.length, firstAtOrAfter(mentions, offset) + 1);
  for (let k = end - 1; k >= 0; k--) {
    const mention = mentions[k];
    if (offset !== Infinity && offset - mention.offset > WINDOW) break;
    if (mention.kind !== 'person') continue;
    const candidate = stripTitles(mention.name);
    const words = candidate.split(/\s+/);
    if (words[words.length - 1] === surname && words.length <= 4 && candidate.length > best.length)
      best = candidate;
  }
  return best;
}

export function pronounFits(pronoun: string, kind: ActorKind): boolean {
  const lower = pronoun.toLowerCase();
  if (lower === 'he' || lower === 'she') return kind === 'person';
  if (lower === 'it') return kind === 'organization';
  if (lower === 'they') return kind === 'group' || kind === 'organization';
  return false;
}

/**
 * Resolves a pronoun at `offset`: first the recent sources (most recent first), then the
 * nearest name mention before it. Returns undefined when nothing fits.
 */
export function resolvePronoun(
  pronoun: string,
  offset: number,
  recentSources: Mention[],
  mentions: Mention[],
): string | undefined {
  for (let k = recentSources.length - 1; k >= 0; k--) {
    const source = recentSources[k];
    if (offset - source.offset > 1500) break;
    if (source.offset >= offset) continue;
    if (pronounFits(pronoun, source.kind)) {
      return source.kind === 'person' ? fullName(source.name, mentions, offset) : source.name;
    }
  }
  for (let k = firstAtOrAfter(mentions, offset) - 1; k >= 0; k--) {
    const mention = mentions[k];
    if (offset - mention.offset > WINDOW) break;
    if (pronounFits(pronoun, mention.kind)) {
      return mention.kind === 'person' ? fullName(mention.name, mentions, offset) : mention.name;
    }
  }
  return undefined;
}
