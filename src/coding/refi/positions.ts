// Positions in text, as the platform and REFI-QDA count them. Pure: no framework imports.
//
// JavaScript strings (and a browser's text selection) count UTF-16 code units: an emoji is two. REFI-QDA counts
// Unicode code points of the plain text source: an emoji is one. A PlainTextSelection runs from startPosition
// (the code points before its first character) to endPosition (the code points before the character after its
// last one), so "Hallo" in "Hallo 👍 daar" is 0–5 and "daar" is 8–12 although its UTF-16 indices are 9–13.
//
// Another tool may save our sources with CR LF line endings, a byte-order mark, or an extra line break at the
// end, and then counts its positions in that file: every CR is one more code point (some tools count in the text
// they display instead, where a CR LF is one). `alignSource` maps such positions back onto our own text (LF line
// endings) by walking both texts together.

/** The number of code points in the text. */
export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isLowSurrogateAfterHigh(text, i)) length++;
  }
  return length;
}

/** For each code point position 0…n, its UTF-16 index in the text (entry n is text.length). */
export function codePointIndex(text: string): number[] {
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isLowSurrogateAfterHigh(text, i)) index.push(i);
  }
  index.push(text.length);
  return index;
}

/** The REFI position of a UTF-16 index; null when it is outside the text or splits a surrogate pair. */
export function toCodePoint(text: string, utf16Index: number): number | null {
  if (!Number.isInteger(utf16Index) || utf16Index < 0 || utf16Index > text.length) return null;
  if (isLowSurrogateAfterHigh(text, utf16Index)) return null;
  return codePointLength(text.slice(0, utf16Index));
}

/** The UTF-16 index of a REFI position; null when the text has fewer code points. */
export function toUtf16(text: string, codePoint: number): number | null {
  if (!Number.isInteger(codePoint) || codePoint < 0) return null;
  let position = 0;
  for (let i = 0; i <= text.length; i++) {
    if (isLowSurrogateAfterHigh(text, i)) continue;
    if (position === codePoint) return i;
    position++;
  }
  return null;
}

function isLowSurrogateAfterHigh(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const low = text.charCodeAt(i);
  const high = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** A source text as another tool saved it, lined up with ours. */
export interface SourceAlignment {
  /** Our UTF-16 index for one of their positions (code points in their file); null beyond their text. */
  toOurs(theirPosition: number): number | null;
}

const BOM = '\uFEFF';

/**
 * How the other tool counted a CR LF in the file it saved: as two positions (the file's code points, the
 * default) or as one (tools that count in the text they display, where the CR is gone).
 */
export type CrLfCounting = 'two' | 'one';

/**
 * Lines up the text another tool saved with the text we exported; null when they differ in more than line
 * endings (CR LF, CR or LF), a leading byte-order mark and whitespace at the very end.
 *
 * A position between the CR and the LF of their line break maps to the start of our line break; a position
 * in whitespace they added at the end maps to the end of our text.
 */
export function alignSource(theirs: string, ours: string, crlf: CrLfCounting = 'two'): SourceAlignment | null {
  const withoutBom = theirs.startsWith(BOM) ? theirs.slice(BOM.length) : theirs;
  const text = crlf === 'one' ? withoutBom.replace(/\r\n/g, '\n') : withoutBom;
  const their = [...text];
  const our = codePointIndex(ours);
  const map: number[] = [];
  let t = 0;
  let o = 0;
  const ourChar = (k: number) => ours.slice(our[k], our[k + 1]);
  const breakLength = (chars: (k: number) => string, k: number) =>
    chars(k) === '\r' && chars(k + 1) === '\n' ? 2 : chars(k) === '\r' || chars(k) === '\n' ? 1 : 0;
  const theirChar = (k: number) => their[k] ?? '';
  const ourLength = our.length - 1;

  while (t < their.length && o < ourLength) {
    const theirBreak = breakLength(theirChar, t);
    const ourBreak = breakLength(ourChar, o);
    if (theirBreak > 0 && ourBreak > 0) {
      for (let k = 0; k < theirBreak; k++) map[t + k] = our[o];
      t += theirBreak;
      o += ourBreak;
    } else if (their[t] === ourChar(o)) {
      map[t++] = our[o++];
    } else {
      return null;
    }
  }
  const rest = (chars: string) => /^\s*$/u.test(chars);
  if (!rest(their.slice(t).join('')) || !rest(ours.slice(our[o]))) return null;
  for (; t <= their.length; t++) map[t] = our[o];
  return {
    toOurs(position) {
      return Number.isInteger(position) && position >= 0 && position < map.length ? map[position] : null;
    },
  };
}
