// Characters XML 1.0 cannot carry at all (C0 controls but tab, LF, CR; lone surrogates; FFFE/FFFF).
// (With the u flag a surrogate class matches only a lone half; a pair is one code point.)
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
// a quick test without the u flag: anything that may need escaping or replacing
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/**
 * Text for an XML attribute value or element content: markup characters escaped, whitespace that
 * attribute normalisation would fold kept as character references, and characters XML 1.0 cannot
 * carry replaced by U+FFFD.
 */
export function xmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID_XML, '\uFFFD').replace(/[&<>"'\r\n\t]/g, (c) => ESCAPES[c]);
}
