/** Closed word classes the rules rely on. */

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));

export const SUBJECT_PRONOUNS = set('he she they it we i you');
export const PERSON_PRONOUNS = set('he she');

/** Auxiliaries, modals, negation and adverbs that belong to a cue's verb group ("has also said"). */
export const VERB_GROUP_WORDS = set(
  'has have had is was were are be been will would could should may might can did does do ' +
    "not n't never also later previously again often repeatedly recently once already publicly " +
    'privately reportedly still even then just first further initially flatly quickly ' +
    'immediately openly strongly subsequently always vehemently sharply angrily ' +
    'has had reportedly long frequently explicitly directly simply',
);

export const NEGATIONS = set("not n't never");

/** Words that end a subject when walking left from a cue. */
export const CLAUSE_BOUNDARY_WORDS = set(
  'that which whom but or while as because if when after before although though since where ' +
    'so than whether until unless once whereas what how why',
);

/** Words that begin a clause but are not part of its subject ("But officials said"). */
export const LEADING_NON_SUBJECT = set(
  'but and so yet still however meanwhile instead now then also indeed later earlier ' +
    'separately previously already even just here there today yesterday thus',
);

export const DETERMINERS = set(
  'the a an his her their its our my your this that these those no any some such every each another',
);

export const PREPOSITIONS = set(
  'to for of about in on at with from by into over under against during without through',
);

export const TIME_WORDS = set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight ' +
    'morning afternoon evening night last this week month year earlier later recently ' +
    'on in at during late early',
);

/** Head nouns that make an evidential subject ("a poll found", "the data show"). */
export const EVIDENCE_NOUNS = set(
  'poll polls survey surveys study studies data report reports analysis analyses research ' +
    'numbers figures records documents document results investigation investigations review ' +
    'audit estimates findings evidence tests statistics memo email emails filing filings ' +
    'letter statement statements census model models forecast projections ratings index ' +
    'video videos footage transcript transcripts average averages photo photos image images ' +
    'recording recordings tape tapes chart map survey surveys count tally ad ads',
);

/** Words for news media: a source built on one relays rather than asserts. */
export const MEDIA_WORDS = set(
  'times post journal newspaper paper reuters ap bloomberg cnn bbc fox nbc abc cbs msnbc npr ' +
    'politico axios guardian outlet magazine tabloid daily network broadcaster agency ' +
    'telegraph independent economist tribune herald gazette globe chronicle breitbart ' +
    'huffpost huffington newsweek atlantic report reports media press wire news',
);

/** Words marking an organisation rather than a person (for pronoun agreement). */
export const ORGANIZATION_WORDS = set(
  'department ministry house office government administration campaign committee council ' +
    'agency company party court congress senate commission group organization foundation ' +
    'institute university center bank board service police army military union association ' +
    'times post journal newspaper network poll survey study report',
);

/** Titles that mark a person ("Mr.", "President"). */
export const PERSON_TITLES = set(
  'mr. mrs. ms. dr. sen. rep. gov. gen. president senator governor secretary minister ' +
    'spokesman spokeswoman spokesperson judge mayor chancellor prime pope king queen prince ' +
    'candidate nominee chairman chairwoman director',
);

/** Spanish words for news media, after an article: "el diario", "la agencia Efe". */
export const SPANISH_MEDIUM =
  /^(?:el|la|los|las|un|una|este|esta)\s+(?:diario|periódico|agencia|cadena|emisora|canal|radio|revista|portal|semanario|matutino|medio|televisora|rotativo|sitio)\b/i;
