import { isMonth, isScale } from './date-words';
import type { WordEdit } from './similarity';

// Which word changes alter what a quote states as a fact a reader can check: a figure or a date.
// A re-anchored passage whose edits touch one needs an editor's eyes whatever its score: "12
// cranes" → "15 cranes" is a near-perfect fuzzy match and exactly the correction that matters.

/**
 * Weekdays and relative days (English, Spanish), number words, counts ("hundreds", "miles"),
 * ordinals and multiples. Months and scales ("million") are date-words.ts's.
 */
const FACT_WORDS = new Set(
  [
    'monday tuesday wednesday thursday friday saturday sunday',
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo',
    'yesterday today tomorrow ayer hoy mañana',
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
    'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety',
    'dozen half quarter hundreds thousands trillions dozens',
    'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth',
    'hundredth thousandth millionth twice thrice double triple doubled tripled halved',
    'cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince',
    'dieciséis dieciseis diecisiete dieciocho diecinueve veintiuno veintiún veintiuna veintidós',
    'veintidos veintitrés veintitres veinticuatro veinticinco veintiséis veintiseis veintisiete',
    'veintiocho veintinueve',
    'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento',
    'doscientos doscientas trescientos trescientas cuatrocientos cuatrocientas quinientos',
    'quinientas seiscientos seiscientas setecientos setecientas ochocientos ochocientas',
    'novecientos novecientas cientos centenares decenas docena docenas miles',
    'mitad cuarto doble triple',
    'primer primero primera segundo segunda tercer tercero tercera cuarta quinto quinta sexto',
    'sexta séptimo séptima octavo octava noveno novena décimo décima',
  ]
    .join(' ')
    .split(' '),
);

/** Months that are also common words ("may", "march", Spanish "mar"): months only capitalised. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar']);
/** Times of day, in capitals only ("10 PM"; "am" is a verb). */
const TIMES_OF_DAY = new Set(['AM', 'PM']);

/** A roman numeral of two letters or more, in capitals ("XXI", "II"; lone "I" is a pronoun). */
const ROMAN_NUMERAL =
  /^(?=[MDCLXVI]{2,}$)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

/**
 * Whether `word` states a figure or a date: it holds a digit, is a month, day, number word or
 * ordinal, or a roman numeral (the "siglo XXI").
 */
export function isFactWord(word: string): boolean {
  return (
    /\p{Nd}/u.test(word) ||
    FACT_WORDS.has(word.toLowerCase()) ||
    isScale(word) ||
    (isMonth(word) && (!AMBIGUOUS_MONTHS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word))) ||
    TIMES_OF_DAY.has(word) ||
    ROMAN_NUMERAL.test(word)
  );
}

/** Signs that belong to a figure but are no word: currencies, percent and the like, a.m./p.m. */
const FIGURE_MARK = /\p{Sc}|[%‰‱°]|(?<!\p{L})[ap]\.\s?m\./giu;

/**
 * Whether two texts differ in their figures' signs, in order ("$5" → "€5", "5%" → "5 points",
 * "10 a.m." → "10 p.m."): word edits do not see them.
 */
export function changesFigureMarks(before: string, after: string): boolean {
  const marks = (text: string) =>
    (text.match(FIGURE_MARK) ?? []).map((mark) => mark.toLowerCase().replace(/\s/gu, ''));
  return marks(before).join('\u0000') !== marks(after).join('\u0000');
}

/**
 * Whether the edits change a figure or a date (a word of either side of an edit is one). Edits too
 * long to list (null) count as changing one: what cannot be checked is left to an editor.
 */
export function changesFigures(edits: readonly WordEdit[] | null): boolean {
  if (edits === null) return true;
  return edits.some((edit) =>
    [edit.from, edit.to].some((side) => side?.split(/\s+/u).some(isFactWord)),
  );
}
