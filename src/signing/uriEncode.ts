import { utf8 } from './encoding';

const UPPER_HEX = '0123456789ABCDEF';

/** RFC 3986 unreserved characters: the only bytes SigV4 leaves unencoded (plus '/' in paths). */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

/**
 * SigV4's UriEncode: every byte but the unreserved ones becomes %XX with upper-case hex
 * (get-utf8 pins the upper case: /ሴ → /%E1%88%B4).
 */
export function uriEncodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (isUnreserved(byte)) out += String.fromCharCode(byte);
    else out += '%' + UPPER_HEX[byte >> 4]! + UPPER_HEX[byte & 15]!;
  }
  return out;
}

const NEEDS_ENCODING = /[^A-Za-z0-9\-._~]/;

/** UriEncode of a string's UTF-8 bytes. */
export function uriEncode(text: string): string {
  // Fast path: most names and values are already unreserved ASCII.
  return NEEDS_ENCODING.test(text) ? uriEncodeBytes(utf8(text)) : text;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Bytes that a wire-form component stands for: each valid %XX becomes its byte, everything else
 * its UTF-8 bytes. A '%' not followed by two hex digits is kept as a literal '%', and '+' stays
 * '+' (RFC 3986; '+' means a space only in HTML forms, and AWS services read it as a plus).
 * Works on bytes, so escapes that are not valid UTF-8 survive unchanged.
 */
export function percentDecodeToBytes(text: string): Uint8Array {
  if (!text.includes('%')) return utf8(text);
  const raw = utf8(text);
  const out = new Uint8Array(raw.length);
  let length = 0;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!;
    if (byte === 0x25 && i + 2 < raw.length) {
      const high = hexValue(raw[i + 1]!);
      const low = hexValue(raw[i + 2]!);
      if (high >= 0 && low >= 0) {
        out[length++] = (high << 4) | low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

/** Re-encodes a wire-form component the way AWS does: decode what is escaped, then UriEncode. */
export function normalizeEncoding(text: string): string {
  return text.includes('%') ? uriEncodeBytes(percentDecodeToBytes(text)) : uriEncode(text);
}

/** Where a wire-form component departs from UriEncode's canonical form, and how. */
export type EncodingFlaw =
  /** An escape with lower-case hex, such as %2a (UriEncode writes %2A). */
  | { kind: 'lower-case-hex'; text: string }
  /** An escaped unreserved character, such as %41 for "A" (UriEncode leaves it as is). */
  | { kind: 'escaped-unreserved'; text: string; char: string }
  /** A character UriEncode escapes, left as it is: "*", ":", a space, "é". */
  | { kind: 'unescaped'; text: string }
  /** A '%' that starts no escape (UriEncode writes %25). */
  | { kind: 'bare-percent'; text: '%' };

/**
 * The first flaw that keeps a wire-form component from being its own canonical form, i.e. from
 * `normalizeEncoding(text) === text` (`keep`: characters left as they are, such as '/' in a path);
 * undefined when there is none.
 */
export function findEncodingFlaw(text: string, keep = ''): EncodingFlaw | undefined {
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    if (code === 0x25) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = hexValue(text.charCodeAt(i + 2));
      if (high < 0 || low < 0) return { kind: 'bare-percent', text: '%' };
      const escape = text.slice(i, i + 3);
      const byte = (high << 4) | low;
      if (isUnreserved(byte))
        return { kind: 'escaped-unreserved', text: escape, char: String.fromCharCode(byte) };
      if (escape !== escape.toUpperCase()) return { kind: 'lower-case-hex', text: escape };
      i += 3;
      continue;
    }
    if (!(code < 0x80 && isUnreserved(code)) && !keep.includes(char))
      return { kind: 'unescaped', text: char };
    i += char.length;
  }
  return undefined;
}
