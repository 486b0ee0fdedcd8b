/**
 * Quotation detection. Returns quoted passages (marks included) in document order.
 *
 * Curly double quotes pair “ with ” (and Spanish « with »); straight double quotes alternate. A quote still open at the
 * end of a paragraph runs to the paragraph's end (the news convention for quotes that continue
 * in the next paragraph). Single quotes (‘…’ or '…') count only outside a double quote, open
 * before a letter after a space, and close before a non-letter, so apostrophes are not quotes.
 */
import type { Range } from '../types';

export function findQuotes(text: string): Range[] {
  const quotes: Range[] = [];
  const lineBreak = /[^\n]+/g;
  for (let line = lineBreak.exec(text); line; line = lineBreak.exec(text)) {
    scanParagraph(text, line.index, line.index + line[0].length, quotes);
  }
  return quotes;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

function scanParagraph(text: string, start: number, end: number, out: Range[]): void {
  let doubleOpen = -1;
  let singleOpen = -1;
  for (let i = start; i < end; i++) {
    let ch = text[i];
    if (ch === "'" && text[i + 1] === "'") {
      // Two apostrophes stand for a double quote in some archives (''like this'').
      ch = '"';
      if (doubleOpen >= 0) {
        out.push({ start: doubleOpen, end: i + 2 });
        doubleOpen = -1;
      } else {
        doubleOpen = i;
        singleOpen = -1;
      }
      i++;
      continue;
    }
    if (ch === '«') ch = '“';
    else if (ch === '»') ch = '”';
    if (ch === '“' || (ch === '"' && doubleOpen < 0)) {
      if (doubleOpen < 0) {
        doubleOpen = i;
        singleOpen = -1;
      }
    } else if (ch === '”' || ch === '"') {
      if (doubleOpen >= 0) {
        out.push({ start: doubleOpen, end: i + 1 });
        doubleOpen = -1;
      }
    } else if ((ch === '‘' || ch === "'") && doubleOpen < 0 && singleOpen < 0) {
      const before = text[i - 1];
      if ((i === start || /[\s([—–-]/.test(before)) && isLetter(text[i + 1])) singleOpen = i;
    } else if ((ch === '’' || ch === "'") && singleOpen >= 0 && doubleOpen < 0) {
      if (!isLetter(text[i + 1]) && i > singleOpen + 1) {
        out.push({ start: singleOpen, end: i + 1 });
        singleOpen = -1;
      }
    }
  }
  if (doubleOpen >= 0) out.push({ start: doubleOpen, end });
}

/** The quote whose marks enclose `offset`, if any (`quotes` sorted by start). */
export function quoteContaining(quotes: Range[], offset: number): Range | undefined {
  let low = 0;
  let high = quotes.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const quote = quotes[mid];
    if (offset <= quote.start) high = mid - 1;
    else if (offset >= quote.end) low = mid + 1;
    else return quote;
  }
  return undefined;
}
