// node:crypto's native hex digests (the gateway's fast path) give what the bytes through toHex give.
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../src/signing';
import { nodeSigningCrypto } from './nodeSigningCrypto';

const TEXTS = ['', 'AWS4-HMAC-SHA256\n20260115T102030Z', 'é ü 日本 😀', 'a'.repeat(10_000)];

describe('nodeSigningCrypto hex digests', () => {
  it.each(TEXTS.map((text) => [text.slice(0, 20), text]))(
    'sha256Hex(%j) of text and of bytes = toHex(sha256(utf8))',
    async (_, text) => {
      const expected = toHex(await nodeSigningCrypto.sha256(utf8(text)));
      expect(await nodeSigningCrypto.sha256Hex!(text)).toBe(expected);
      expect(await nodeSigningCrypto.sha256Hex!(utf8(text))).toBe(expected);
      expect(nodeSigningCrypto.sha256HexSync!(text)).toBe(expected);
      expect(nodeSigningCrypto.sha256HexSync!(utf8(text))).toBe(expected);
    },
  );

  it.each(TEXTS.map((text) => [text.slice(0, 20), text]))(
    'hmacSha256Hex(key, %j) = toHex(hmacSha256(key, utf8))',
    async (_, text) => {
      const key = await nodeSigningCrypto.importHmacKey(utf8('AWS4wJalrXUtnFEMI/K7MDENG'));
      const expected = toHex(await nodeSigningCrypto.hmacSha256(key, utf8(text)));
      expect(await nodeSigningCrypto.hmacSha256Hex!(key, text)).toBe(expected);
      expect(nodeSigningCrypto.hmacSha256HexSync!(key, text)).toBe(expected);
    },
  );
});
