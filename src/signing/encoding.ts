const utf8Encoder = new TextEncoder();

/** Below this length an ASCII check and copy beats TextEncoder's call overhead. */
const ASCII_FAST_PATH_MAX = 4096;

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as on the wire). */
export function utf8(text: string): Uint8Array {
  const length = text.length;
  if (length <= ASCII_FAST_PATH_MAX) {
    // Canonical requests, strings to sign and scope parts are nearly always ASCII: copying them
    // costs a tenth of what TextEncoder.encode does for short strings (measured in Chromium).
    const bytes = new Uint8Array(length);
    let i = 0;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) break;
      bytes[i] = code;
    }
    if (i === length) return bytes;
  }
  return utf8Encoder.encode(text);
}

const HEX_DIGITS = '0123456789abcdef';
const BYTE_TO_HEX: string[] = Array.from(
  { length: 256 },
  (_, byte) => HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!,
);

/** Lower-case hex, as SigV4 writes hashes and signatures. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += BYTE_TO_HEX[bytes[i]!]!;
  return hex;
}

/** Bytes of an even-length hex string; throws on anything else (callers pass hex they produced). */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-fA-F]/.test(hex)) {
    throw new TypeError(`fromHex: "${hex.slice(0, 16)}…" is not an even-length hex string.`);
  }
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

const SLAB_SIZE = 64 * 1024;
let slab = new Uint8Array(0);
let slabOffset = 0;

/**
 * A zeroed byte array carved out of a shared slab. Allocating a typed array of more than a few
 * dozen bytes gives it a backing store of its own, which costs more than the SigV4 work it holds;
 * views into one large buffer cost almost nothing. Regions are handed out once and never reused
 * (a spent slab is collected when its last view is), so a view cannot change under its holder.
 */
export function allocateBytes(length: number): Uint8Array {
  if (length > SLAB_SIZE / 8) return new Uint8Array(length);
  if (slabOffset + length > slab.length) {
    slab = new Uint8Array(SLAB_SIZE);
    slabOffset = 0;
  }
  const bytes = slab.subarray(slabOffset, slabOffset + length);
  slabOffset += length;
  return bytes;
}
