import type { WordEdit } from './similarity';

// Which word changes alter what a quote states as a fact a reader can check: a figure or a date.
// A re-anchored passage whose edits touch one needs an editor's eyes whatever its score: "12
// cranes" → "15 cranes" is a near-perfect fuzzy match and exactly the correction that matters.

/** Months and weekdays (English, Spanish) and number words; "may" and "march" are left out. */
const FACT_WORDS = new Set(
  [
    'january february april june july august september october november december',
    'jan feb apr jun jul aug sep sept oct nov dec',
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre',
    'monday tuesday wednesday thursday friday saturday sunday',
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo',
    'yesterday today tomorrow ayer hoy mañana',
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen',
    'sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety',
    'hundred thousand million billion trillion dozen half quarter percent',
    'cero uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince',
    'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento mil millón',
    'millones billón billones mitad cuarto',
  ]
    .join(' ')
    .split(' '),
);

/** Whether `word` states a figure or a date: it holds a digit, or is a month, day or number word. */
export function isFactWord(word: string): boolean {
  return /\p{Nd}/u.test(word) || FACT_WORDS.has(word.toLowerCase());
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
