import { join } from 'node:path';

/**
 * The worked example of libs/demo/data/perfil-2026-milei-deportee-talks.txt, modelled faithfully to
 * its text: who said what, with which stance, evidenced by which passage, relayed by whom. Quotes
 * are copied from the article (whitespace and quote marks are matched tolerantly); a prefix picks
 * a quote that occurs more than once.
 */
export const DEMO_ARTICLE = {
  url: 'urn:claimtrace:demo:perfil-milei-deportee-talks',
  title: 'Milei denies report linking Argentina to Trump deportee scheme',
  publisherName: 'Perfil',
  language: 'en',
  file: 'perfil-2026-milei-deportee-talks.txt',
} as const;

/**
 * The article's text: the repository's one copy, which the build copies beside the compiled code
 * (dist/libs/demo/data) so that the demo loader finds it in both.
 */
export const WORKED_EXAMPLE_FILE = join(__dirname, '..', 'data', DEMO_ARTICLE.file);

export const DEMO_TAG = 'demo:perfil-deportee-talks';

export interface DemoActor {
  ref: string;
  name: string;
  kind:
    | 'PERSON'
    | 'ORGANIZATION'
    | 'GOVERNMENT_BODY'
    | 'MEDIA_OUTLET'
    | 'ANONYMOUS_SOURCE'
    | 'SOCIAL_MEDIA_ACCOUNT';
  aliases?: string[];
  affiliation?: string;
  wikidataId?: string;
}

export const DEMO_ACTORS: DemoActor[] = [
  { ref: 'perfil', name: 'Perfil', kind: 'MEDIA_OUTLET', aliases: ['Diario Perfil'] },
  {
    ref: 'nyt',
    name: 'The New York Times',
    kind: 'MEDIA_OUTLET',
    aliases: ['New York Times', 'the Times', 'NYT'],
    wikidataId: 'Q9684',
  },
  {
    ref: 'casaRosada',
    name: 'Casa Rosada',
    kind: 'GOVERNMENT_BODY',
    aliases: ['Argentine presidency'],
  },
  {
    ref: 'milei',
    name: 'Javier Milei',
    kind: 'PERSON',
    aliases: ['Milei', 'President Javier Milei'],
    affiliation: 'casaRosada',
    wikidataId: 'Q55183806',
  },
  {
    ref: 'stateDept',
    name: 'US State Department',
    kind: 'GOVERNMENT_BODY',
    aliases: ['State Department', 'United States Department of State'],
    wikidataId: 'Q789915',
  },
  {
    ref: 'stateSpokesperson',
    name: 'US State Department spokesperson',
    kind: 'PERSON',
    affiliation: 'stateDept',
  },
  {
    ref: 'foreignMinistry',
    name: "Argentina's Foreign Ministry",
    kind: 'GOVERNMENT_BODY',
    aliases: ['Foreign Ministry', 'Cancillería'],
  },
  { ref: 'whiteHouse', name: 'The White House', kind: 'GOVERNMENT_BODY', aliases: ['White House'] },
  {
    ref: 'sources',
    name: 'sources familiar with the discussions',
    kind: 'ANONYMOUS_SOURCE',
  },
  {
    ref: 'official',
    name: 'an Argentine government official',
    kind: 'ANONYMOUS_SOURCE',
    affiliation: 'casaRosada',
  },
  {
    ref: 'xUser',
    name: 'X user whose post Milei reposted',
    kind: 'SOCIAL_MEDIA_ACCOUNT',
  },
];

export type DemoStance =
  | 'ASSERTS'
  | 'REPORTS'
  | 'CONFIRMS'
  | 'DENIES'
  | 'DISPUTES'
  | 'QUESTIONS'
  | 'DECLINES_TO_COMMENT'
  | 'RETRACTS';

export interface DemoAttribution {
  ref: string;
  actor: string;
  stance: DemoStance;
  quote: { exact: string; prefix?: string };
  reportedVia?: string;
}

export interface DemoClaim {
  ref: string;
  text: string;
  tags: string[];
  attributions: DemoAttribution[];
  status?: {
    to: 'CONTESTED' | 'CORROBORATED' | 'UNVERIFIED';
    rationale: string;
    evidence: string[];
  };
}

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    ref: 'talks',
    text: 'Argentina is in advanced talks with the United States to receive migrants deported from the US',
    tags: ['deportations', 'argentina-us-relations'],
    attributions: [
      {
        ref: 'nytTalks',
        actor: 'nyt',
        stance: 'REPORTS',
        quote: {
          exact:
            'The New York Times published an article suggesting that Buenos Aires and Washington are discussing a scheme under which migrants expelled from the US would be transferred to Argentine territory before returning to their countries of origin',
        },
      },
      {
        ref: 'mileiPushback',
        actor: 'milei',
        stance: 'DENIES',
        quote: {
          exact:
            'President Javier Milei has pushed back against reports claiming his government is engaged in “advanced talks”',
        },
      },
      {
        ref: 'mileiRepost',
        actor: 'milei',
        stance: 'DENIES',
        quote: {
          exact:
            'Milei addressed the report publicly for the first time on Friday by reposting a message on X from another user',
        },
      },
      {
        ref: 'xUserFalse',
        actor: 'xUser',
        stance: 'DENIES',
        quote: { exact: 'describing the information as “100 percent false.”' },
        reportedVia: 'mileiRepost',
      },
      {
        ref: 'stateDeclines',
        actor: 'stateSpokesperson',
        stance: 'DECLINES_TO_COMMENT',
        quote: {
          exact:
            'Both a US State Department spokesperson and Argentina’s Foreign Ministry declined to comment on the existence of talks.',
        },
      },
      {
        ref: 'ministryDeclines',
        actor: 'foreignMinistry',
        stance: 'DECLINES_TO_COMMENT',
        quote: {
          exact:
            'Both a US State Department spokesperson and Argentina’s Foreign Ministry declined to comment on the existence of talks.',
        },
      },
    ],
    status: {
      to: 'CONTESTED',
      rationale:
        'The New York Times reports the talks, citing an official proposal and anonymous sources; President Milei denies them by reposting a post calling the report "100 percent false"; the US State Department and Argentina\'s Foreign Ministry decline to comment.',
      evidence: ['nytTalks', 'mileiPushback', 'xUserFalse', 'stateDeclines'],
    },
  },
  {
    ref: 'deal',
    text: 'Under the deal, Argentina would receive deportees of other nationalities who are unable to return to their country of origin',
    tags: ['deportations'],
    attributions: [
      {
        ref: 'nytDeal',
        actor: 'nyt',
        stance: 'REPORTS',
        quote: {
          exact:
            '‘New York Times’ said deal would see Argentina receive deportees of other nationalities who are unable to return to country of origin',
        },
      },
    ],
  },
  {
    ref: 'proposal',
    text: 'An Argentine government official submitted a proposal outlining a possible "third-country" arrangement with the United States',
    tags: ['deportations', 'argentina-us-relations'],
    attributions: [
      {
        ref: 'nytProposal',
        actor: 'nyt',
        stance: 'REPORTS',
        quote: {
          exact:
            'According to the Times, an Argentine government official submitted a proposal earlier this month outlining a possible “third-country” arrangement with the United States.',
        },
      },
    ],
  },
  {
    ref: 'noDeal',
    text: 'No deal has been closed, but the negotiations are moving quickly',
    tags: ['deportations'],
    attributions: [
      {
        ref: 'nytNoDeal',
        actor: 'nyt',
        stance: 'REPORTS',
        quote: { exact: 'Sources familiar with the discussions told the newspaper' },
      },
      {
        ref: 'sourcesNoDeal',
        actor: 'sources',
        stance: 'ASSERTS',
        quote: { exact: 'while no deal has been closed, negotiations are moving quickly' },
        reportedVia: 'nytNoDeal',
      },
      {
        ref: 'nytNotFinalised',
        actor: 'nyt',
        stance: 'REPORTS',
        quote: { exact: 'The newspaper said any agreement has not yet been finalised.' },
      },
    ],
  },
  {
    ref: 'driveContext',
    text: "The initiative would form part of the Trump administration's mass deportation drive",
    tags: ['deportations', 'us-immigration-policy'],
    attributions: [
      {
        ref: 'perfilDrive',
        actor: 'perfil',
        stance: 'ASSERTS',
        quote: {
          exact:
            'The initiative would form part of the mass deportation drive launched by US President Donald Trump’s administration',
        },
      },
    ],
  },
  {
    ref: 'gesture',
    text: "Accepting such transfers would be a significant gesture by Milei's government to strengthen its alliance with the United States",
    tags: ['argentina-us-relations'],
    attributions: [
      {
        ref: 'nytGesture',
        actor: 'nyt',
        stance: 'ASSERTS',
        quote: {
          exact:
            'the Times noted that for Milei’s government, accepting such transfers would represent a significant gesture to strengthen its alliance with the United States',
        },
      },
    ],
  },
  {
    ref: 'expulsions',
    text: 'The Argentine government is stepping up domestic migration controls and reporting record expulsion figures',
    tags: ['argentina-migration-policy'],
    attributions: [
      {
        ref: 'casaRosadaRecord',
        actor: 'casaRosada',
        stance: 'ASSERTS',
        quote: { exact: 'highlights record expulsion figures' },
      },
      {
        ref: 'perfilControls',
        actor: 'perfil',
        stance: 'REPORTS',
        quote: {
          exact:
            'the Casa Rosada steps up domestic migration controls and highlights record expulsion figures',
        },
      },
    ],
  },
  {
    ref: 'safeThirdCountry',
    text: '"Safe third country" arrangements are used by the United States to relocate nationals of countries with which it has strained or no diplomatic relations, and to deter would-be migrants',
    tags: ['us-immigration-policy'],
    attributions: [
      {
        ref: 'whiteHouseSafeThird',
        actor: 'whiteHouse',
        stance: 'ASSERTS',
        quote: {
          exact:
            '“Safe third country” mechanisms or similar arrangements are typically used by the United States to relocate nationals of countries with which it has strained or no diplomatic relations, and are also intended as a deterrent to would-be migrants, according to the White House.',
        },
      },
    ],
  },
];

export const DEMO_RELATIONS: { from: string; to: string; relation: 'SUPPORTS' | 'REFINES' }[] = [
  { from: 'proposal', to: 'talks', relation: 'SUPPORTS' },
  { from: 'noDeal', to: 'talks', relation: 'SUPPORTS' },
  { from: 'deal', to: 'talks', relation: 'REFINES' },
];
