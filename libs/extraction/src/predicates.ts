/**
 * Cues that are not reporting verbs: an attitude adjective after a copula ("is confident that",
 * "has been critical of"), an evidential adverb ("reportedly", "allegedly") and "seem".
 * cues.ts turns these spans into cues.
 */
import type { Token } from './text/tokens';

export interface PredicateSpan {
  first: number;
  last: number;
  head: number;
  lemma: string;
  /** No speaker is named in the frame ("it is clear that", "allegedly"). */
  sourceless: boolean;
}

const COPULAS =
  /^(?:is|are|was|were|be|been|being|am|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|remain|remains|remained|became|become|becomes|grew|seem|seems|seemed)$/;

/** Words between the copula and the adjective ("was not entirely sure", "were too concerned"). */
const DEGREE =
  /^(?:not|n[’']t|never|also|still|very|too|so|quite|more|most|less|all|fully|now|increasingly|deeply|equally|especially|openly|particularly|publicly|privately|absolutely|always|entirely|highly|long)$/;

/** Attitude adjectives: the subject believes, doubts, favours or opposes what follows. */
const ATTITUDE_ADJECTIVES = new Set(
  (
    'sure certain confident convinced unconvinced unsure uncertain doubtful skeptical sceptical ' +
    'hopeful optimistic pessimistic afraid fearful worried concerned anxious nervous aware ' +
    'unaware adamant insistent critical supportive opposed wary leery determined reluctant ' +
    'clear emphatic vocal'
  ).split(' '),
);

/** Emotions report a view only with a clause: "incensed that …", not "proud of his record". */
const EMOTIVE_ADJECTIVES = new Set(
  (
    'angry furious upset frustrated incensed outraged disappointed pleased proud glad happy ' +
    'unhappy satisfied dissatisfied alarmed troubled'
  ).split(' '),
);

/** "It is clear that …": the judgment has no speaker. */
const IMPERSONAL_ADJECTIVES = new Set(
  'clear unclear obvious evident apparent certain uncertain'.split(' '),
);

/** What may follow an attitude adjective for it to report a view. */
const COMPLEMENT =
  /^(?:that|whether|if|how|why|what|who|when|where|of|about|over|with|at|by|to|toward|towards)$/;

/** Adjectives that take a bare clause as well: "was sure Trump would win". */
const BARE_CLAUSE = new Set('sure certain confident convinced afraid clear'.split(' '));

const CLAUSE_START = /^(?:he|she|they|we|i|it|you|there|this|the|his|her|their)$/;

const EVIDENTIAL_ADVERBS = new Set(
  'reportedly allegedly apparently purportedly supposedly presumably reputedly ostensibly'.split(
    ' ',
  ),
);

const MODALS = /^(?:should|would|will|may|might|could|must|can)$/;

const SEEM = /^(?:seem|seems|seemed|appear|appears|appeared)$/;

function complementFollows(tokens: Token[], at: number, adjective: string): boolean {
  const next = tokens[at];
  if (next === undefined) return false;
  if (COMPLEMENT.test(next.lower)) {
    // "willing to", "determined to", "opposed to": an infinitive or a stance; "clear to" is not.
    return next.lower !== 'to' || /^(?:reluctant|determined|opposed)$/.test(adjective);
  }
  return (
    BARE_CLAUSE.has(adjective) &&
    next.isWord &&
    (next.isCapitalized || CLAUSE_START.test(next.lower))
  );
}

/** "is confident that", "has been critical of", "it was unclear whether" starting at token `i`. */
export function attitudePredicateAt(tokens: Token[], i: number): PredicateSpan | undefined {
  const contracted = /^it[’']s$/.test(tokens[i].lower);
  const isIt = contracted || tokens[i].lower === 'it';
  let copula = isIt && !contracted ? i + 1 : i;
  // "it should be obvious that": a modal before the copula.
  if (isIt && !contracted && MODALS.test(tokens[copula]?.lower ?? '')) copula++;
  if (!contracted && !COPULAS.test(tokens[copula]?.lower ?? '')) return undefined;
  // "can be convinced", "may be reluctant": a hypothetical, not a view held.
  if (!isIt && tokens[copula].lower === 'be') return undefined;
  let k = copula + 1;
  // "has been", "had become": the copula may be followed by a second one.
  if (/^(?:been|be)$/.test(tokens[k]?.lower ?? '')) k++;
  while (k < tokens.length && (DEGREE.test(tokens[k].lower) || /^[a-z]+ly$/.test(tokens[k].text)))
    k++;
  const adjective = tokens[k];
  if (adjective === undefined || !adjective.isWord) return undefined;
  const lower = adjective.lower;
  if (isIt) {
    if (!IMPERSONAL_ADJECTIVES.has(lower)) return undefined;
    const next = tokens[k + 1];
    const clause =
      next !== undefined &&
      (/^(?:that|whether|if|how|why|what|who|when|where)$/.test(next.lower) ||
        // "It was clear Clinton is …": a bare clause after the plainer judgments.
        (/^(?:clear|obvious|evident)$/.test(lower) &&
          next.isWord &&
          (next.isCapitalized || CLAUSE_START.test(next.lower))));
    if (!clause) return undefined;
    return { first: i, last: k, head: k, lemma: lower, sourceless: true };
  }
  const next = tokens[k + 1];
  if (EMOTIVE_ADJECTIVES.has(lower)) {
    if (next === undefined || !/^(?:that|whether|how|why|what)$/.test(next.lower)) return undefined;
  } else if (!ATTITUDE_ADJECTIVES.has(lower) || !complementFollows(tokens, k + 1, lower)) {
    return undefined;
  }
  // "has been fiercely opposed by": a passive, whose agent holds the view.
  if (next?.lower === 'by') return undefined;
  // "the rules are clear about": a person's view only with a subject that can hold one, which
  // the caller checks through the source; "clear" itself needs "that" or a clause.
  if (lower === 'clear' && !/^(?:that|about)$/.test(tokens[k + 1]?.lower ?? '')) return undefined;
  return { first: i, last: k, head: k, lemma: lower, sourceless: false };
}

/** "Officials reportedly met", "he allegedly brandished": an adverb that attributes the clause. */
export function evidentialAdverbAt(tokens: Token[], i: number): PredicateSpan | undefined {
  if (!EVIDENTIAL_ADVERBS.has(tokens[i].lower)) return undefined;
  return { first: i, last: i, head: i, lemma: tokens[i].lower, sourceless: true };
}

/**
 * "Republicans seem confident", "it appeared that …", "the plan seemed to capture …": an
 * impression, whose holder is the subject when one is named. `appear` only with "to" or "that"
 * ("appeared on Fox News" is not one).
 */
export function seemAt(tokens: Token[], i: number): PredicateSpan | undefined {
  const lower = tokens[i].lower;
  if (!SEEM.test(lower)) return undefined;
  const next = tokens[i + 1];
  if (next === undefined || !next.isWord) return undefined;
  const impersonal = tokens[i - 1]?.lower === 'it';
  if (lower.startsWith('appear')) {
    if (!(next.lower === 'to' || (impersonal && next.lower === 'that'))) return undefined;
  } else if (/^(?:on|in|at|for|from|by|and|or|but)$/.test(next.lower)) {
    return undefined;
  }
  const first = impersonal ? i - 1 : i;
  return { first, last: i, head: i, lemma: 'seem', sourceless: impersonal };
}
