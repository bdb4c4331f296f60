import { Sha256 as BrowserSha256 } from '@aws-crypto/sha256-browser';
import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../../server/nodeSigningCrypto';
import { toHex, utf8 } from '../encoding';
import { getDefaultSigningCrypto } from './defaultCrypto';
import { createSha256ConstructorSigning } from './sha256Constructor';
import type { SigningCrypto } from './signingCrypto';
import { createWebCryptoSigning } from './webCrypto';

const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const SHA256_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
// RFC 4231 test case 2 (short key) and test case 6 (131-byte key, hashed first).
const RFC4231_2 = {
  key: utf8('Jefe'),
  data: utf8('what do ya want for nothing?'),
  mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
};
const RFC4231_6 = {
  key: new Uint8Array(131).fill(0xaa),
  data: utf8('Test Using Larger Than Block-Size Key - Hash Key First'),
  mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
};

/** Behaviour every SigningCrypto must share. */
function describeSigningCrypto(name: string, make: () => SigningCrypto) {
  describe(`${name}: the SigningCrypto contract`, () => {
    it('hashes with SHA-256 (FIPS 180-2 "abc" and the empty string)', async () => {
      const crypto = make();
      expect(toHex(await crypto.sha256(utf8('abc')))).toBe(SHA256_ABC);
      expect(toHex(await crypto.sha256(new Uint8Array(0)))).toBe(SHA256_EMPTY);
    });

    it('hashes only the bytes a subarray view covers', async () => {
      const crypto = make();
      const buffer = utf8('xxabcyy');
      expect(toHex(await crypto.sha256(buffer.subarray(2, 5)))).toBe(SHA256_ABC);
    });

    it('computes HMAC-SHA256 (RFC 4231 test cases 2 and 6)', async () => {
      const crypto = make();
      for (const { key, data, mac } of [RFC4231_2, RFC4231_6]) {
        const imported = await crypto.importHmacKey(key);
        expect(toHex(await crypto.hmacSha256(imported, data))).toBe(mac);
      }
    });

    it('reuses an imported key for several messages', async () => {
      const crypto = make();
      const key = await crypto.importHmacKey(RFC4231_2.key);
      const first = toHex(await crypto.hmacSha256(key, RFC4231_2.data));
      const second = toHex(await crypto.hmacSha256(key, RFC4231_2.data));
      expect(second).toBe(first);
      expect(first).toBe(RFC4231_2.mac);
    });
  });
}

describeSigningCrypto('createSha256ConstructorSigning(sha256-js)', () =>
  createSha256ConstructorSigning(JsSha256),
);
describeSigningCrypto('createSha256ConstructorSigning(sha256-browser)', () =>
  createSha256ConstructorSigning(BrowserSha256),
);
describeSigningCrypto('createWebCryptoSigning', () =>
  createWebCryptoSigning(globalThis.crypto.subtle),
);
describeSigningCrypto('getDefaultSigningCrypto', () => getDefaultSigningCrypto());
describeSigningCrypto('nodeSigningCrypto', () => nodeSigningCrypto);

describe('createSha256ConstructorSigning', () => {
  it('names itself after the second argument, or sha256-constructor', () => {
    expect(createSha256ConstructorSigning(JsSha256).name).toBe('sha256-constructor');
    expect(createSha256ConstructorSigning(JsSha256, 'sha256-js').name).toBe('sha256-js');
  });
});

describe('createWebCryptoSigning', () => {
  it('imports the HMAC key once as a non-extractable CryptoKey', async () => {
    const key = await createWebCryptoSigning(globalThis.crypto.subtle).importHmacKey(RFC4231_2.key);
    expect(key).toBeInstanceOf(CryptoKey);
    expect((key as CryptoKey).extractable).toBe(false);
  });
});

describe('getDefaultSigningCrypto', () => {
  it('falls back to the pure-JS sha256-browser class in Node, where there is no window', () => {
    expect(getDefaultSigningCrypto().name).toBe('sha256-browser (pure JS)');
  });

  it('returns the same instance every time', () => {
    expect(getDefaultSigningCrypto()).toBe(getDefaultSigningCrypto());
  });
});
