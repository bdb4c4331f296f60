import type { SigningCrypto } from './signingCrypto';

const HMAC_SHA256 = { name: 'HMAC', hash: { name: 'SHA-256' } } as const;

/**
 * SigningCrypto on a SubtleCrypto instance. Bodies go to `digest` as they are, never copied
 * (a 10 MiB body copied before hashing costs a third of the hashing time).
 */
export function createWebCryptoSigning(subtle: SubtleCrypto): SigningCrypto {
  return {
    name: 'webcrypto',
    async sha256(data) {
      return new Uint8Array(await subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
    },
    importHmacKey(key) {
      return subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, HMAC_SHA256, false, ['sign']);
    },
    async hmacSha256(key, data) {
      return new Uint8Array(
        await subtle.sign('HMAC', key as CryptoKey, data as Uint8Array<ArrayBuffer>),
      );
    },
  };
}
