/**
 * Reporting verbs of news prose, grouped by the stance they signal, with every inflected form.
 *
 * `strict` verbs are also common outside reporting ("added sugar", "found the keys", "showed
 * up"); they count as cues only with a reporting frame around them (a quote, "that", a colon, or
 * an evidential subject such as "a poll"), which cues.ts checks.
 */
import type { Stance } from '../types';

export type CueClass = 'speech' | 'strict' | 'cognitive' | 'evidence';

export interface CueVerb {
  lemma: string;
  stance: Stance;
  cueClass: CueClass;
}

interface VerbGroup {
  stance: Stance;
  cueClass: CueClass;
  verbs: string[];
}

/** Verbs listed as `base|3sg|past|participle|gerund` when irregular; regular ones as the base. */
const GROUPS: VerbGroup[] = [
  {
    stance: 'ASSERTS',
    cueClass: 'speech',
    verbs: [
      'say|says|said|said|saying',
      'tell|tells|told|told|telling',
      'write|writes|wrote|written|writing',
      'claim',
      'argue',
      'note',
      'cite',
      'insist',
      'warn',
      'predict',
      'announce',
      'explain',
      'declare',
      'contend',
      'assert',
      'allege',
      'reply|replies|replied|replied|replying',
      'respond',
      'recall',
      'tweet',
      'testify|testifies|testified|testified|testifying',
      'complain',
      'accuse',
      'criticize',
      'criticise',
      'praise',
      'urge',
      'vow',
      'pledge',
      'promise',
      'emphasize',
      'emphasise',
      'mention',
      'conclude',
      'boast',
      'brag|brags|bragged|bragged|bragging',
      'joke',
      'quip|quips|quipped|quipped|quipping',
      'retort',
      'lament',
      'demand',
      'proclaim',
      'reiterate',
      'assure',
      'caution',
      'affirm',
      'speculate',
      'exclaim',
      'remark',
      'comment',
      'suggest',
      'state',
      'recount',
      'blame',
      'condemn',
      'decry|decries|decried|decried|decrying',
      'denounce',
      'slam|slams|slammed|slammed|slamming',
      'blast',
      'chant',
      'shout',
      'yell',
      'agree',
      'estimate',
      'describe',
      'threaten',
      'hint',
      'observe',
      'propose',
      'announce',
      'stress',
      'point out|points out|pointed out|pointed out|pointing out',
      'call for|calls for|called for|called for|calling for',
      'call on|calls on|called on|called on|calling on',
      'lash out|lashes out|lashed out|lashed out|lashing out',
      'weigh in|weighs in|weighed in|weighed in|weighing in',
      // Criticism and praise, which news prose reports as stances.
      'mock',
      'ridicule',
      'deride',
      'chastise',
      'scold',
      'rebuke',
      'lambast',
      'berate',
      'castigate',
      'assail',
      'applaud',
      'laud',
      'hail',
      'commend',
      'congratulate',
      'bemoan',
      'deplore',
      'implore',
      'plead',
      'liken',
      'portray',
      'characterize',
      'characterise',
      'brand',
      'dub|dubs|dubbed|dubbed|dubbing',
      'reassure',
      'apologize',
      'apologise',
      'echo|echoes|echoed|echoed|echoing',
      'disclose',
      'muse',
      'grumble',
      'protest',
      'talk about|talks about|talked about|talked about|talking about',
      'speak of|speaks of|spoke of|spoken of|speaking of',
      'speak about|speaks about|spoke about|spoken about|speaking about',
      'refer to|refers to|referred to|referred to|referring to',
      'make the case|makes the case|made the case|made the case|making the case',
      'put it|puts it|put it|put it|putting it',
      'express',
      'point to|points to|pointed to|pointed to|pointing to',
      'speak out|speaks out|spoke out|spoken out|speaking out',
    ],
  },
  {
    stance: 'ASSERTS',
    cueClass: 'strict',
    verbs: [
      'add|adds|added|added|adding',
      'continue',
      'call|calls|called|called|calling',
      'label|labels|labeled|labeled|labeling',
      'counter',
      'maintain',
      'charge',
      'repeat',
      'post',
      'attack',
      'signal',
      'concur|concurs|concurred|concurred|concurring',
      'read|reads|read|read|reading',
      'hold|holds|held|held|holding',
      'recommend',
      'advise',
      'tout',
      'speak|speaks|spoke|spoken|speaking',
      'discuss',
      'highlight',
      'underscore',
      'outline',
      'defend',
      'compare',
      'reference',
      'rule',
      'unveil',
      'detail',
      'paint',
    ],
  },
  {
    stance: 'ASSERTS',
    cueClass: 'cognitive',
    verbs: [
      'believe',
      'think|thinks|thought|thought|thinking',
      'feel|feels|felt|felt|feeling',
      'fear',
      'hope',
      'worry|worries|worried|worried|worrying',
      'expect',
      'suspect',
      'know|knows|knew|known|knowing',
      'understand|understands|understood|understood|understanding',
      'want',
      'recognize',
      'realize',
      'plan|plans|planned|planned|planning',
      'intend',
      'seek|seeks|sought|sought|seeking',
      'consider',
      'prefer|prefers|preferred|preferred|preferring',
      'favor',
      'support',
      'oppose',
      'endorse',
      'admire',
      'assume',
      'learn',
      'decide',
      'welcome',
      'embrace',
      'accept',
      'resent',
      'regret|regrets|regretted|regretted|regretting',
      'wish',
      'envision',
      'imagine',
      'anticipate',
      'see|sees|saw|seen|seeing',
      'view',
      'regard',
      'offer',
      'refuse',
      'decline',
      'aim',
    ],
  },
  {
    stance: 'ASSERTS',
    cueClass: 'evidence',
    verbs: [
      'show|shows|showed|shown|showing',
      'find|finds|found|found|finding',
      'indicate',
      'reveal',
      'suggest',
      'estimate',
      'project',
      'conclude',
      'document',
      'demonstrate',
      'reflect',
    ],
  },
  {
    stance: 'REPORTS',
    cueClass: 'speech',
    verbs: ['report', 'publish|publishes|published|published|publishing'],
  },
  {
    stance: 'DENIES',
    cueClass: 'speech',
    verbs: [
      'deny|denies|denied|denied|denying',
      'reject',
      'refute',
      'dismiss',
      'rebut|rebuts|rebutted|rebutted|rebutting',
      'rebuff',
      'push back against|pushes back against|pushed back against|pushed back against|pushing back against',
      'push back on|pushes back on|pushed back on|pushed back on|pushing back on',
      'push back|pushes back|pushed back|pushed back|pushing back',
    ],
  },
  {
    stance: 'DISPUTES',
    cueClass: 'speech',
    verbs: ['dispute', 'contest', 'contradict', 'disagree', 'challenge'],
  },
  {
    stance: 'CONFIRMS',
    cueClass: 'speech',
    verbs: [
      'confirm',
      'admit|admits|admitted|admitted|admitting',
      'concede',
      'acknowledge',
      'verify|verifies|verified|verified|verifying',
      'corroborate',
    ],
  },
  {
    stance: 'QUESTIONS',
    cueClass: 'speech',
    verbs: ['question', 'ask', 'wonder', 'doubt', 'query|queries|queried|queried|querying'],
  },
  {
    stance: 'RETRACTS',
    cueClass: 'speech',
    verbs: [
      'retract',
      'withdraw|withdraws|withdrew|withdrawn|withdrawing',
      'walk back|walks back|walked back|walked back|walking back',
      'backtrack',
    ],
  },
];

const DOUBLED_FINAL = /[^aeiou][aeiou][bdgmnprt]$/;

/** Regular inflections of a one-word base form: [base, 3sg, past, participle, gerund]. */
export function inflect(base: string): string[] {
  const thirdPerson = /(s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  let past: string;
  let gerund: string;
  if (base.endsWith('e')) {
    past = `${base}d`;
    gerund = base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`;
  } else if (/[^aeiou]y$/.test(base)) {
    past = `${base.slice(0, -1)}ied`;
    gerund = `${base}ing`;
  } else if (DOUBLED_FINAL.test(base) && base.length <= 4) {
    const last = base[base.length - 1];
    past = `${base}${last}ed`;
    gerund = `${base}${last}ing`;
  } else {
    past = `${base}ed`;
    gerund = `${base}ing`;
  }
  return [base, thirdPerson, past, past, gerund];
}

export interface CueForm extends CueVerb {
  /** The words of the form ("pointed", "out"). */
  words: string[];
  /** 0 base, 1 third person, 2 past, 3 participle, 4 gerund. */
  formIndex: number;
}

function buildIndex(): Map<string, CueForm[]> {
  const index = new Map<string, CueForm[]>();
  for (const group of GROUPS) {
    for (const entry of group.verbs) {
      const forms = entry.includes('|') ? entry.split('|') : inflect(entry);
      const lemma = forms[0];
      forms.forEach((form, formIndex) => {
        const words = form.split(' ');
        const list = index.get(words[0]) ?? [];
        if (
          !list.some((existing) => existing.lemma === lemma && existing.words.join(' ') === form)
        ) {
          list.push({ lemma, stance: group.stance, cueClass: group.cueClass, words, formIndex });
        }
        index.set(words[0], list);
      });
    }
  }
  // Longer (phrasal) forms first so "pointed out" wins over a bare "pointed".
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const INDEX = buildIndex();

/** Every cue form whose first word is `word` (lower case), longest first. */
export function cueFormsStartingWith(word: string): CueForm[] {
  return INDEX.get(word) ?? [];
}
