// Base64 for the relay protocol's bodies, in the browser (no Buffer there). Chunked so that a body
// of megabytes never becomes one huge argument list or string concatenation per byte.

const CHUNK = 0x8000;

/** Standard Base64 (RFC 4648, padded) of the bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** The bytes of standard Base64 text; throws a DOMException when it is not Base64. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
