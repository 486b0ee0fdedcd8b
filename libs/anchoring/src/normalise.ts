// Matching ignores what a reader cannot see. The normalised form of a text:
// - turns every run of whitespace (space, tab, newline, no-break space, thin spaces…) into one space;
// - drops invisible format characters (soft hyphen, zero-width space, word joiner, BOM, bidi marks);
// - turns every double quotation mark (" “ ” „ ‟ « » …) into " and every single one (' ‘ ’ ‚ ‛ ` ´ ‹ › …) into ';
// - composes accented letters (NFC), so "é" typed as e + U+0301 equals the precomposed "é".
// Each unit of the normalised text remembers the span of the original it came from, so a match
// in the normalised text maps back to exact offsets in the stored text.

/** A normalised text and, for each of its UTF-16 units, the span of the original it came from. */
export interface NormalisedText {
  readonly value: string;
  /** `sourceStart[i]`: UTF-16 index in the original where the character behind `value[i]` starts. */
  readonly sourceStart: Int32Array;
  /** `sourceEnd[i]`: UTF-16 index in the original where the character behind `value[i]` ends. */
  readonly sourceEnd: Int32Array;
}

const DOUBLE_QUOTES = [
  0x22, 0xab, 0xbb, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x301d, 0x301e, 0x301f, 0xff02,
];
const SINGLE_QUOTES = [
  0x27, 0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2039, 0x203a, 0xff07,
];
const QUOTE_OF = new Map<number, number>([
  ...DOUBLE_QUOTES.map((c): [number, number] => [c, 0x22]),
  ...SINGLE_QUOTES.map((c): [number, number] => [c, 0x27]),
]);

/** Whitespace a reader sees as "a space": `\s` of JavaScript plus NEL, minus the BOM (ignored instead). */
export function isWhitespace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Invisible format characters that matching skips entirely. */
function isIgnorable(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x200b ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

const MARK = /^\p{M}$/u;
const extenderCache = new Uint8Array(0x10000); // 0 unknown, 1 no, 2 yes

/** Code points that belong to the character before them: combining marks and Hangul medial/final jamo. */
function isExtender(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp >= 0x1160 && cp <= 0x11ff) return true;
  if (cp > 0xffff) return MARK.test(String.fromCodePoint(cp));
  if (extenderCache[cp] === 0) extenderCache[cp] = MARK.test(String.fromCharCode(cp)) ? 2 : 1;
  return extenderCache[cp] === 2;
}

const nfcCache = new Map<number, string>();

/** The normalised form of one code point that stands alone (no combining marks after it). */
function normaliseCodePoint(cp: number): string {
  const quote = QUOTE_OF.get(cp);
  if (quote !== undefined) return String.fromCharCode(quote);
  if (cp < 0x300) return String.fromCharCode(cp);
  let nfc = nfcCache.get(cp);
  if (nfc === undefined) {
    nfc = String.fromCodePoint(cp).normalize('NFC');
    nfcCache.set(cp, nfc);
  }
  return nfc;
}

const LATIN_SPACE = 0xffff;
const LATIN_IGNORED = 0xfffe;
/** For each unit below U+0300: its normalised unit, LATIN_SPACE or LATIN_IGNORED. */
const LATIN = Uint16Array.from({ length: 0x300 }, (_, unit) => {
  if (isWhitespace(unit)) return LATIN_SPACE;
  if (isIgnorable(unit)) return LATIN_IGNORED;
  return QUOTE_OF.get(unit) ?? unit;
});

/** Growable buffers for the normalised units and their source spans. */
class Builder {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  build(): NormalisedText {
    let value = '';
    for (let i = 0; i < this.length; i += 8192) {
      const chunk = this.units.subarray(i, Math.min(this.length, i + 8192));
      value += String.fromCharCode.apply(null, chunk as unknown as number[]);
    }
    return {
      value,
      sourceStart: this.starts.slice(0, this.length),
      sourceEnd: this.ends.slice(0, this.length),
    };
  }
}

/** Normalises `text` for matching and keeps, for every normalised unit, where it came from. */
export function normalise(text: string): NormalisedText {
  const out = new Builder(text.length + 16);
  let spaceAt = -1; // index in `out` of the space standing for the current whitespace run, or -1
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit < 0x300 && (i + 1 === text.length || text.charCodeAt(i + 1) < 0x300)) {
      // Fast path: a Latin character with no combining mark after it (NFC leaves it alone).
      const kind = LATIN[unit];
      if (kind === LATIN_SPACE) {
        if (spaceAt < 0) {
          spaceAt = out.length;
          out.push(0x20, i, i + 1);
        }
        out.ends[spaceAt] = i + 1;
      } else if (kind !== LATIN_IGNORED) {
        spaceAt = -1;
        out.push(kind, i, i + 1);
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    let next = i + (cp > 0xffff ? 2 : 1);
    const single = next >= text.length || !isExtender(text.codePointAt(next)!);
    if (single && isIgnorable(cp)) {
      i = next;
      continue;
    }
    if (single && isWhitespace(cp)) {
      if (spaceAt < 0) {
        spaceAt = out.length;
        out.push(0x20, i, next);
      }
      out.ends[spaceAt] = next;
      i = next;
      continue;
    }
    spaceAt = -1;
    let normalised: string;
    if (single) {
      normalised = normaliseCodePoint(cp);
    } else {
      while (next < text.length) {
        const mark = text.codePointAt(next)!;
        if (!isExtender(mark)) break;
        next += mark > 0xffff ? 2 : 1;
      }
      const composed = text.slice(i, next).normalize('NFC');
      normalised = Array.from(composed, (ch) => normaliseCodePoint(ch.codePointAt(0)!)).join('');
    }
    for (let k = 0; k < normalised.length; k++) out.push(normalised.charCodeAt(k), i, next);
    i = next;
  }
  return out.build();
}

/** The normalised form of `text` alone, for queries (quote, prefix, suffix). */
export function normaliseForMatching(text: string): string {
  return normalise(text).value;
}

/** Whether normalised index `i` starts a character of the original (a match may begin or end there). */
export function isBoundary(normalised: NormalisedText, i: number): boolean {
  return (
    i <= 0 ||
    i >= normalised.value.length ||
    normalised.sourceStart[i] !== normalised.sourceStart[i - 1]
  );
}

/** The UTF-16 span of the original behind the normalised span `[start, end)` (non-empty). */
export function sourceSpan(
  normalised: NormalisedText,
  start: number,
  end: number,
): [number, number] {
  return [normalised.sourceStart[start], normalised.sourceEnd[end - 1]];
}
