/** The most words of context a text fragment takes on each side of an ambiguous quote. */
const CONTEXT_WORDS = 3;
/** Quotes longer than this many words are written as their first and last words (textStart,textEnd). */
const MAX_WORDS = 10;
const EDGE_WORDS = 4;

/**
 * One term of a text directive, percent-encoded: everything encodeURIComponent encodes, plus the
 * characters the directive itself uses (`-` marks prefix and suffix, `,` separates terms, `&`
 * separates directives) and those some browsers treat specially in a fragment.
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(
    /[-!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function words(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** The whole words of a context: its first (or last) word is dropped when the context cut it. */
function contextWords(context: string, side: 'before' | 'after'): string[] {
  const all = words(context);
  if (side === 'before') {
    if (all.length > 1 && !/^\s/u.test(context)) all.shift();
    return all.slice(-CONTEXT_WORDS);
  }
  if (all.length > 1 && !/\s$/u.test(context)) all.pop();
  return all.slice(0, CONTEXT_WORDS);
}

/**
 * A URL that opens the page at a quote (the W3C "URL Fragment Text Directives": `#:~:text=`): the
 * quote's words (a long one as its first and last words), with the words just before and after it
 * as `prefix-,` and `,-suffix` when the quote occurs more than once in the text (`ambiguous`, as a
 * browser matches: ignoring case) or is long, so the browser scrolls to the right occurrence. An existing fragment of `url` is replaced; a URL that is no web page (`urn:`) is left as it is. Linear in its input.
 */
export function textFragmentUrl(
  url: string,
  quote: { exact: string; prefix?: string | null; suffix?: string | null },
  ambiguous: boolean,
): string {
  // a text directive is for a web page; a urn: names a work no browser opens at a quote
  if (!isWebUrl(url)) return url;
  const base = url.split('#', 1)[0];
  const quoted = words(quote.exact);
  if (quoted.length === 0) return base;
  // a long quote's first words may occur before it, and its last words inside it: its context
  // pins both ends, as it picks the occurrence of an ambiguous one
  const long = quoted.length > MAX_WORDS;
  const withContext = ambiguous || long;
  const terms: string[] = [];
  if (withContext) {
    const before = contextWords(quote.prefix ?? '', 'before');
    if (before.length) terms.push(`${encodeFragmentTerm(before.join(' '))}-`);
  }
  if (long) {
    terms.push(encodeFragmentTerm(quoted.slice(0, EDGE_WORDS).join(' ')));
    terms.push(encodeFragmentTerm(quoted.slice(-EDGE_WORDS).join(' ')));
  } else {
    terms.push(encodeFragmentTerm(quoted.join(' ')));
  }
  if (withContext) {
    const after = contextWords(quote.suffix ?? '', 'after');
    if (after.length) terms.push(`-${encodeFragmentTerm(after.join(' '))}`);
  }
  return `${base}#:~:text=${terms.join(',')}`;
}

/** Whether a browser opens `url` as a web page (http: or https:), not a name such as a urn:. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//iu.test(url);
}
