// Words a date or a figure is written with: months and number scales. The whole-units rule keeps
// them with their numbers ("September 15", "580 million"); the figures rule (figures.ts) asks a
// reviewer when a correction changes one.

/** Month names (English with abbreviations, Spanish, Portuguese), lower case. */
export const MONTHS = new Set([
  // English (and common abbreviations)
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  // Spanish
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  // Portuguese
  'janeiro',
  'fevereiro',
  'março',
  'maio',
  'junho',
  'julho',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
]);

/** Words that scale a number ("580 million", "15 percent"), lower case. */
export const SCALES = new Set([
  'hundred',
  'thousand',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'percent',
  'bn',
  'mil',
  'millón',
  'millones',
  'billón',
  'billones',
  'milhão',
  'milhões',
  'bilhão',
  'bilhões',
]);

export const isMonth = (word: string): boolean => MONTHS.has(word.toLowerCase());
export const isScale = (word: string): boolean => SCALES.has(word.toLowerCase());
