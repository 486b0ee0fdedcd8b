/**
 * Paragraph and sentence splitting for news prose.
 *
 * A sentence ends at `.`, `!` or `?` (plus closing quotes or brackets) followed by white space and
 * something that can start a sentence, unless the word before the period is an abbreviation
 * ("Mr.", "U.S.", "Sept.") or an initial ("J. Smith"). Paragraphs are lines.
 */
import type { Range } from '../types';

export interface Sentence extends Range {
  paragraph: number;
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr sen rep reps gov gen lt col capt sgt maj adm prof rev st jr sr sens ' +
    'inc co corp ltd bros no vs etc fig al pres supt det insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo ' +
    'mont neb nev okla ore pa tenn tex va vt wash wis wyo ' +
    'u.s u.k u.n a.m p.m d.c e.g i.e'
  ).split(' '),
);

const TERMINATOR = /[.!?]+["'”’»)\]]*(?=\s+["'“‘«¿¡—―([]*[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(text: string, periodIndex: number): boolean {
  if (text[periodIndex] !== '.') return false;
  let start = periodIndex;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1])) start--;
  const word = text.slice(start, periodIndex).toLowerCase();
  if (word.length === 1) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''));
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const lineBreak = /[^\n]+/g;
  let paragraph = 0;
  for (let line = lineBreak.exec(text); line; line = lineBreak.exec(text)) {
    const lineStart = line.index;
    const content = line[0];
    let start = 0;
    TERMINATOR.lastIndex = 0;
    for (let match = TERMINATOR.exec(content); match; match = TERMINATOR.exec(content)) {
      if (endsWithAbbreviation(content, match.index)) continue;
      pushTrimmed(sentences, content, lineStart, start, match.index + match[0].length, paragraph);
      start = match.index + match[0].length;
    }
    pushTrimmed(sentences, content, lineStart, start, content.length, paragraph);
    paragraph++;
  }
  return sentences;
}

function pushTrimmed(
  out: Sentence[],
  line: string,
  offset: number,
  start: number,
  end: number,
  paragraph: number,
): void {
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  if (end > start) out.push({ start: offset + start, end: offset + end, paragraph });
}
