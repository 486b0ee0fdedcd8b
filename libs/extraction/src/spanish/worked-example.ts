/**
 * The Spanish worked example: a short passage written for this project in the manner of wire
 * copy (not taken from any publication), with a denial, a refusal to comment and a relay of
 * anonymous sources by a newspaper. The unit and API tests read it.
 */
export const SPANISH_WORKED_EXAMPLE = [
  'El ministro de Economía, Luis Caputo, negó este martes que el Gobierno prepare una devaluación. «Es completamente falso», afirmó en una conferencia de prensa.',
  'Dijo además que las reservas crecerán en el segundo semestre.',
  'Consultado por este diario, un vocero de la Casa Rosada declinó hacer comentarios.',
  'El ministro renunciaría esta semana, según fuentes cercanas a la Casa Rosada, informó el diario La Nación.',
].join('\n');
