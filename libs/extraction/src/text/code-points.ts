/**
 * JavaScript strings index UTF-16 code units; the public API speaks Unicode code points.
 * `codePointOffsets(text)` returns a converter from UTF-16 offsets to code-point offsets.
 */
export function codePointOffsets(text: string): (utf16Offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const map = new Uint32Array(text.length + 1);
  let codePoint = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = codePoint;
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    if (isHighSurrogate) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        map[i + 1] = codePoint;
        i++;
      }
    }
    codePoint++;
  }
  map[text.length] = codePoint;
  return (offset) => map[offset];
}
