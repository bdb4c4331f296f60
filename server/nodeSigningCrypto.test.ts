// node:crypto's native hex digests (the gateway's fast path) give what the bytes through toHex give.
import { createHmac, randomBytes } from 'node:crypto';
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

describe('nodeSigningCrypto HMAC from precomputed key blocks', () => {
  // Key lengths around SHA-256's 64-byte block (a longer key is hashed first), and messages
  // around the 1,365 characters that always fit the reused buffer (longer go through createHmac).
  const KEY_LENGTHS = [0, 1, 32, 44, 63, 64, 65, 200];
  const MESSAGES = [
    '',
    'AWS4-HMAC-SHA256\n20260115T102030Z',
    'é 日本 😀 \ud800',
    'x'.repeat(1365),
    'é'.repeat(1366),
    '日'.repeat(5000),
  ];

  it.each(KEY_LENGTHS)(
    'a %i-byte key gives createHmac’s digest for every message',
    async (length) => {
      const raw = new Uint8Array(randomBytes(length));
      const key = await nodeSigningCrypto.importHmacKey(raw);
      for (const message of MESSAGES) {
        const expected = createHmac('sha256', raw).update(message).digest('hex');
        expect(nodeSigningCrypto.hmacSha256HexSync!(key, message)).toBe(expected);
        expect(await nodeSigningCrypto.hmacSha256Hex!(key, message)).toBe(expected);
        expect(toHex(await nodeSigningCrypto.hmacSha256(key, utf8(message)))).toBe(
          createHmac('sha256', raw).update(utf8(message)).digest('hex'),
        );
      }
    },
  );

  it('one key, many messages: nothing of one message is left for the next', async () => {
    const raw = new Uint8Array(randomBytes(32));
    const key = await nodeSigningCrypto.importHmacKey(raw);
    for (const message of ['a'.repeat(1000), 'b', '', 'c'.repeat(500)]) {
      expect(nodeSigningCrypto.hmacSha256HexSync!(key, message)).toBe(
        createHmac('sha256', raw).update(message).digest('hex'),
      );
    }
  });
});
