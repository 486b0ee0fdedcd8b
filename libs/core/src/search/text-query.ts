/**
 * Turns what a person typed into the pieces of a PostgreSQL full-text search, shared by `search`
 * and `claims(filter: {search})`. Nothing typed is ever SQL or tsquery syntax: the query goes to
 * `websearch_to_tsquery` (which never raises) as a bind parameter, and the prefix query below is
 * built only from letters and digits.
 *
 * Matching combines three layers of the `search_vector` columns:
 * - the query stemmed in English and in Spanish (weight A of a row holds its stems in its own
 *   language; a stem of the other language rarely collides),
 * - the query's unaccented words as they are (`simple`, weight B),
 * - a prefix of each word (`deport:*`), so that inflections the stemmers map apart (deportees,
 *   deportation, deportaciones, deported) still meet; ranked below the exact layers.
 */
export interface TextQuery {
  /** the text for websearch_to_tsquery */
  websearch: string;
  /** a to_tsquery('simple', …) expression of word prefixes, or null when nothing is searchable */
  prefix: string | null;
  /** the words to highlight: lower-case, unaccented, with the prefix each one matches by */
  terms: SearchTerm[];
}

export interface SearchTerm {
  word: string;
  prefix: string;
}

/** The length a word is cut to for prefix matching (`deportaciones` → `deport`). */
export const PREFIX_LENGTH = 6;
/** Shorter words ("de", "of") are left to the exact layers. */
const MIN_WORD = 3;
/** Words shorter than this are matched whole, never by prefix. */
export const MIN_PREFIX_WORD = 4;
const MAX_TERMS = 16;
const WORD = /(-?)([\p{L}\p{N}]+)/gu;
const WEBSEARCH_OPERATORS = new Set(['or']);

/** Lower-cases and removes accents (the same folding as claimtrace_unaccent for Latin text). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function parseTextQuery(query: string): TextQuery {
  const include: SearchTerm[] = [];
  const exclude: string[] = [];
  const seen = new Set<string>();
  for (const match of query.matchAll(WORD)) {
    const word = foldText(match[2]);
    if (!word || WEBSEARCH_OPERATORS.has(word) || seen.has(word)) continue;
    seen.add(word);
    if (match[1] === '-' && startsWord(query, match.index ?? 0)) {
      exclude.push(word);
      continue;
    }
    if ([...word].length < MIN_WORD) continue;
    const prefix =
      word.length >= MIN_PREFIX_WORD ? [...word].slice(0, PREFIX_LENGTH).join('') : word;
    include.push({ word, prefix });
    if (include.length >= MAX_TERMS) break;
  }
  const parts = include.map((term) =>
    term.word.length >= MIN_PREFIX_WORD ? `${term.prefix}:*` : term.word,
  );
  for (const word of exclude) parts.push(`!${word}`);
  return {
    // PostgreSQL text cannot hold NUL; anything else goes to websearch_to_tsquery as typed
    websearch: query.replaceAll('\u0000', ' '),
    prefix: include.length > 0 ? parts.join(' & ') : null,
    terms: include,
  };
}

function startsWord(query: string, index: number): boolean {
  return index === 0 || /\s/u.test(query[index - 1]);
}

/**
 * SQL for the tsqueries of a search, given the placeholders of `websearch` and `prefix`
 * (`prefix` may be NULL). `exact` ranks above `prefix`; `any` is what rows must match.
 */
export function textQuerySql(websearch: string, prefix: string) {
  const exact = `(websearch_to_tsquery('english', ${websearch}) || websearch_to_tsquery('spanish', ${websearch}) || websearch_to_tsquery('simple', claimtrace_unaccent(${websearch})))`;
  const fuzzy = `coalesce(to_tsquery('simple', ${prefix}), ''::tsquery)`;
  return { exact, fuzzy, any: `(${exact} || ${fuzzy})` };
}
