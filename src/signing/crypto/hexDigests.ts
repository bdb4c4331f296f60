// SHA-256 and HMAC-SHA256 as lower-case hex, as SigV4 writes them: natively when the SigningCrypto
// can (node:crypto), else the bytes through toHex.
import { toHex, utf8 } from '../encoding';
import type { HmacKey, SigningCrypto } from './signingCrypto';

export function sha256Hex(crypto: SigningCrypto, data: Uint8Array | string): Promise<string> {
  if (crypto.sha256Hex) return crypto.sha256Hex(data);
  return crypto.sha256(typeof data === 'string' ? utf8(data) : data).then(toHex);
}

export function hmacSha256Hex(crypto: SigningCrypto, key: HmacKey, data: string): Promise<string> {
  if (crypto.hmacSha256Hex) return crypto.hmacSha256Hex(key, data);
  return crypto.hmacSha256(key, utf8(data)).then(toHex);
}
