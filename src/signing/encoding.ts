const utf8Encoder = new TextEncoder();

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as on the wire). */
export function utf8(text: string): Uint8Array {
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
