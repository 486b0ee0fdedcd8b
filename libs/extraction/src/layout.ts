/**
 * Attributions signalled by layout rather than by a reporting word, as news pages print them:
 *
 * - a headline or lead-in "Name: content" ("Sanders: Clinton Must Focus on Jobs"), the colon
 *   being the cue;
 * - a transcript speaker label at the start of a paragraph ("SMITH: Thank you, senator."),
 *   the content running to the end of the paragraph;
 * - a credit line after a quotation (`“We will win.” ― Jane Doe`), the dash being the cue and
 *   the quotation the content.
 *
 * Everything here works on paragraphs (lines) with regular expressions, so it is cheap.
 */
import { quoteEndingAt } from './content';
import type { Range } from './types';

export interface LayoutAttribution {
  cue: Range;
  source: Range;
  content: Range;
}

/** Labels that open a line with a colon but name no speaker ("UPDATE:", "Editor’s note:"). */
const NOT_SPEAKERS =
  /^(?:update[sd]?|breaking(?: news)?|watch|video|photos?|read(?: more)?|related|note|editor[’']?s note|sources?|correction|clarification|transcript|exclusive|analysis|opinion|live|listen|see also|more|q|a|by|via|tags?|topics?|filed under|share|email|subscribe|advertisement|warning|disclosure|full text|caption|credit|getty|reuters|ap|associated press|president|senator|question|answer|audience|moderator|narrator|announcer|unidentified (?:male|female)|crosstalk|laughter|applause|end|here|this|that|first|second|third|fourth|bottom line|the bottom line|why|how|what|where|who|when)$/i;

/** Capitalised function words that show a title-cased phrase rather than a name. */
const TITLE_WORDS =
  /(?:^The\s+(?:Latest|Big|Last|First|Truth|Case|End|Rules?|Week|Day|Answer|Question)\b|\s(?:Over|In|On|At|For|With|To|From|By|And|Or|The|A|An|Is|Are|Was|Of|About|After|Before|Into|Vs\.?)(?:\s|$))/;

/** A name-like run: 1–4 capitalised words, initials and titles ("Sen. Jane Q. Doe", "Politifact"). */
const NAME = String.raw`(?:\p{Lu}[\p{L}’'.\-]*)(?:[^\S\n]+(?:\p{Lu}[\p{L}’'.\-]*|of|de|la|van|von)){0,3}`;

/** "Name: Content …" at the start of a line; the content must have three words or more. */
const HEADLINE_COLON = new RegExp(String.raw`^(${NAME})(:)[^\S\n]+(\S.*)$`, 'gmu');

/** `"SMITH:` or `MR. SMITH:` at the start of a line: an upper-case speaker label. */
const SPEAKER_LABEL =
  /^(["“]?)((?:[A-Z][A-Z'’.-]*[^\S\n]+){0,2}[A-Z][A-Z'’-]+)(:)[^\S\n]*(\S.*)$/gm;

/** A dash after a closing quotation mark, then a name that ends its line or sentence. */
const CREDIT_LINE = new RegExp(
  String.raw`([”"])[^\S\n]*(―|—|–|--)[^\S\n]*(${NAME})[^\S\n]*\.?[^\S\n]*$`,
  'gmu',
);

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The content of a line after its label: trailing white space and a final period dropped. */
function lineContent(start: number, text: string): Range {
  const trimmed = text.replace(/\s+$/, '');
  return { start, end: start + trimmed.length };
}

function headlineColons(text: string, out: LayoutAttribution[]): void {
  HEADLINE_COLON.lastIndex = 0;
  for (let match = HEADLINE_COLON.exec(text); match; match = HEADLINE_COLON.exec(text)) {
    const [, name, , rest] = match;
    if (NOT_SPEAKERS.test(name.replace(/\.$/, '')) || wordCount(rest) < 3) continue;
    // A title-cased phrase ("Stealth Over Health:", "The Latest:") is a headline, not a name.
    if (TITLE_WORDS.test(name)) continue;
    const start = match.index;
    const colon = start + name.length;
    out.push({
      cue: { start: colon, end: colon + 1 },
      source: { start, end: colon },
      content: lineContent(match.index + match[0].length - rest.length, rest),
    });
  }
}

function speakerLabels(text: string, out: LayoutAttribution[]): void {
  SPEAKER_LABEL.lastIndex = 0;
  for (let match = SPEAKER_LABEL.exec(text); match; match = SPEAKER_LABEL.exec(text)) {
    const [, quote, label, , rest] = match;
    if (NOT_SPEAKERS.test(label.replace(/\.$/, '')) || label.length < 2) continue;
    const start = match.index + quote.length;
    const colon = start + label.length;
    out.push({
      cue: { start: colon, end: colon + 1 },
      source: { start, end: colon },
      content: lineContent(match.index + match[0].length - rest.length, rest),
    });
  }
}

function creditLines(text: string, quotes: Range[], out: LayoutAttribution[]): void {
  CREDIT_LINE.lastIndex = 0;
  for (let match = CREDIT_LINE.exec(text); match; match = CREDIT_LINE.exec(text)) {
    const [whole, closing, dash, name] = match;
    const quoteEnd = match.index + closing.length;
    const cueStart = match.index + whole.indexOf(dash, closing.length);
    const nameStart =
      cueStart + dash.length + whole.slice(cueStart - match.index + dash.length).indexOf(name);
    const quote = quoteEndingAt(quotes, quoteEnd);
    let contentStart = quote?.start;
    if (contentStart === undefined) {
      // An unpaired closing mark: the content runs from the start of the line.
      contentStart = text.lastIndexOf('\n', match.index) + 1;
    }
    out.push({
      cue: { start: cueStart, end: cueStart + dash.length },
      source: { start: nameStart, end: nameStart + name.replace(/\.$/, '').length },
      content: { start: contentStart, end: quoteEnd },
    });
  }
}

/** Every layout attribution of a text, in text order. `quotes` as found by findQuotes. */
export function findLayoutAttributions(text: string, quotes: Range[]): LayoutAttribution[] {
  const out: LayoutAttribution[] = [];
  speakerLabels(text, out);
  const labelled = new Set(out.map((item) => item.cue.start));
  const headlines: LayoutAttribution[] = [];
  headlineColons(text, headlines);
  out.push(...headlines.filter((item) => !labelled.has(item.cue.start)));
  creditLines(text, quotes, out);
  return out.sort((a, b) => a.cue.start - b.cue.start);
}
