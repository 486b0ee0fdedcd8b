/** The characters that could end or open markup, and the line separators old parsers choke on. */
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

/**
 * A JSON-LD document as text that is safe to paste into a web page as it is: publishers embed a
 * ClaimReview in `<script type="application/ld+json">`, and claim text comes from third-party
 * articles, so a `</script>` in it would end the script and run what follows. `<`, `>`, `&` and
 * U+2028/U+2029 are written as `\uXXXX` escapes; the JSON reads back to the same values.
 */
export function jsonLdText(document: unknown): string {
  return JSON.stringify(document).replace(
    UNSAFE_IN_HTML,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
