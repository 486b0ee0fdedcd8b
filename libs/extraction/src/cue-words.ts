/**
 * The words and small tests that cue detection (cues.ts) and its verb frames (verb-frames.ts) share:
 * verb classes, function words, possessives, raising verbs.
 */
import { SUBJECT_PRONOUNS, VERB_GROUP_WORDS } from './lexicon/words';
import type { Token } from './text/tokens';
import type { Stance } from './types';

/** Opinion verbs that take an infinitive ("wants to", "plans to"). */
export const TAKES_INFINITIVE = new Set(
  'want hope plan intend seek expect decide wish prefer offer refuse decline aim'.split(' '),
);
/** "refused to release", "aims to cut": only with an infinitive ("stocks declined 5%"). */
export const INFINITIVE_ONLY = new Set(['refuse', 'decline', 'aim']);
/** "Some believe …", "many of whom say …": a quantifier standing alone as the subject. */
export const QUANTIFIERS = new Set('some many most few several others both all'.split(' '));
/** Perception verbs that report a view only as "see X as Y" or "see that …". */
export const AS_FRAMED = new Set(['see', 'view', 'regard']);
/** "The Post has learned." / "learned that": not "learned to swim". */
export const FRAME_ONLY = new Set(['learn']);

export const QUOTE_MARKS = new Set(['"', '“', '‘', "'", '”', '’']);
export const OPENING_QUOTES = new Set(['"', '“', '‘']);
export const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'been', 'being', 'be']);
export const BASE_FORM_SUBJECTS = new Set([
  ...SUBJECT_PRONOUNS,
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'can',
  'did',
  'do',
  'does',
  'not',
  "n't",
  'to',
  'also',
  'often',
  'never',
  'still',
  'people',
  'critics',
]);

export const DECLINES =
  /^(?:(?:declined|declines|declining|refused|refuses|refusing)\s+to\s+(?:comment|discuss|elaborate|confirm|say|answer|respond|address|speculate|provide|specify|give|disclose|identify)|(?:did|does|would|could)\s+not\s+(?:immediately\s+)?(?:respond|return|reply|comment|confirm|answer)(?:\s+to)?(?:\s+(?:a|an|multiple|several|repeated|emailed|written))?(?:\s+requests?\s+for\s+comment|\s+messages?|\s+calls?)?|(?:could\s+not|couldn't)\s+be\s+reached(?:\s+for\s+comment)?|had\s+no\s+(?:immediate\s+)?comment|(?:did|does|would)\s+not\s+(?:immediately\s+)?(?:comment|say))/i;

export const RELAY =
  /^(?:published|publishes|ran|runs|released|issued|posted|posting|reposted|reposting|shared|sharing|retweeted|retweeting|tweeted|tweeting)\s+(?:an?|its|his|her|their|the)\s+[^.,;:"“”]{0,80}?\b(suggesting|saying|claiming|alleging|reporting|stating|describing|calling|arguing|accusing|asserting|warning|denying|showing|indicating)\b(?:\s+([^.,;:"“”]{1,60}?)\s+as\b)?/i;

export const NOUN_HOMOGRAPHS =
  /^(?:rules|plans|protests|offers|views|wishes|supports|debates|details|outlines|references|documents|highlights|echoes|brands|states|questions|attacks|challenges|remarks|calls|reports|claims|charges|posts|comments|estimates|projects|doubts|fears|hopes|demands|promises|pledges|vows|praises|counters|notes|tweets|records|reads|holds|signals|concerns|blames|cites|quotes|shows|finds)$/;

/** Verbs that headlines use to attribute, recognised even when capitalised in a title. */
export const HEADLINE_VERBS =
  /^(?:says|said|tells|told|calls|claims|warns|urges|slams|blasts|rips|denies|admits|vows|predicts|insists|accuses|blames|praises|defends|questions|argues|suggests|thinks|believes|wants|hopes|fears|reveals|confirms|rejects|dismisses|mocks|attacks|criticizes|knocks|shows|finds)$/;

export const POSSESSIVE = /^(?:\p{Lu}[\p{L}.-]*[’']s?)$/u;
/** "the company’s claim": a lower-case possessor too, but not a contraction ("it’s", "that’s"). */
export const LOWER_POSSESSIVE = /^\p{Ll}+[’']s$/u;
export const CONTRACTIONS = /^(?:it|that|he|she|there|here|what|who|let|where|how|this)[’']s$/;
export const isPossessive = (token: Token): boolean =>
  /^(?:his|her|their|its)$/.test(token.lower) ||
  ((POSSESSIVE.test(token.text) || LOWER_POSSESSIVE.test(token.text)) &&
    !CONTRACTIONS.test(token.lower));

/** Nouns of saying and believing that take a "that" clause ("the claim that …"). */
export const ATTITUDE_NOUNS =
  /^(?:claims?|assertions?|allegations?|arguments?|belief|view|promises?|pledges?|warnings?|suggestion|insistence|contention|accusations?|charges?|complaints?|predictions?|hopes?|fears?|concerns?|demands?|vows?|threats?|admission|denials?|statements?|announcement|assurances?|conviction|theory|boast)$/;

/** Base forms that are more often nouns; as verbs they follow a subject or an auxiliary. */
export const NOUN_BASES =
  /^(?:state|question|report|estimate|demand|contest|support|rule|plan|protest|offer|comment|claim|call|challenge|doubt|fear|hope|promise|pledge|vow|praise|counter|note|tweet|post|record|signal|concern|blame|quote|show|find|project|dispute|attack|charge|hold|read|repeat|remark|view|wish|welcome|reference|detail|outline|highlight|document|reflect|echo|brand|paint|debate|answer|reply|respond|request|warning|point|deal|need|favor)$/;

/** Words before a gerund cue that keep a speaker's frame ("…, seeking", "while seeking"). */
export const GERUND_LEADS = new Set(
  'by and while after before when without also who still even instead'.split(' '),
);

export function canPrecedeBaseForm(previous: Token): boolean {
  return (
    BASE_FORM_SUBJECTS.has(previous.lower) ||
    VERB_GROUP_WORDS.has(previous.lower) ||
    previous.lower === 'who' ||
    /^[a-z]+ly$/.test(previous.text) ||
    /[^s]s$/.test(previous.lower)
  );
}

export const RELAY_STARTS =
  /^(?:published|publishes|ran|runs|released|issued|posted|posting|reposted|reposting|shared|sharing|retweeted|retweeting|tweeted|tweeting)$/;

export const SOURCELESS =
  /^(?:is|are|was|were)\s+(?:also\s+|not\s+|widely\s+|generally\s+)?(?:said|reported|believed|thought|understood|alleged|rumou?red|expected)\s+to\b|^(?:is|are|was|were)\s+(?:also\s+|not\s+|widely\s+|generally\s+)?(?:viewed|regarded|seen|perceived)\s+as\b|^(?:it\s+)?(?:is|was|has\s+been)\s+(?:widely\s+)?(?:reported|said|alleged|believed|understood)\s+that\b/i;

export function relayStance(participle: string): Stance {
  const lower = participle.toLowerCase();
  if (lower === 'denying') return 'DENIES';
  if (lower === 'reporting') return 'REPORTS';
  return 'ASSERTS';
}

/** Verbs that pass their subject to an infinitive: "appeared to suggest", "went on to discuss". */
export const RAISING =
  /^(?:appears?|appeared|seems?|seemed|continues?|continued|began|begins?|go|goes|going|went)$/;

/** The token of "appeared" in "appeared to suggest" (of "went" in "went on to say"), if any. */
export function raisingVerb(tokens: Token[], head: number): number | undefined {
  if (tokens[head - 1]?.lower !== 'to') return undefined;
  const on = tokens[head - 2]?.lower === 'on';
  const verb = on ? head - 3 : head - 2;
  const lower = tokens[verb]?.lower ?? '';
  if (!RAISING.test(lower) || /^(?:go|goes|going|went)$/.test(lower) !== on) return undefined;
  // "wanted to go on to say": an infinitive chain, not a finite verb group.
  return tokens[verb - 1]?.lower === 'to' ? undefined : verb;
}

/** The form of a raising verb stands for the group's: "going on to say" acts as a gerund. */
export function raisedForm(tokens: Token[], head: number): number | undefined {
  const verb = raisingVerb(tokens, head);
  if (verb === undefined) return undefined;
  const lower = tokens[verb].lower;
  return /ing$/.test(lower) ? 4 : /[^s]s$/.test(lower) ? 1 : 2;
}
