import type { SigningCrypto } from './signingCrypto';

const HMAC_SHA256 = { name: 'HMAC', hash: { name: 'SHA-256' } } as const;

/**
 * SigningCrypto on a SubtleCrypto instance. Bodies go to `digest` as they are, never copied
 * (a 10 MiB body copied before hashing costs a third of the hashing time).
 */
export function createWebCryptoSigning(subtle: SubtleCrypto): SigningCrypto {
  // Plain promise chains rather than async functions: one less promise per call on a path where
  // the crypto itself takes only a few microseconds.
  return {
    name: 'webcrypto',
    sha256(data) {
      return subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>).then(toBytes);
    },
    importHmacKey(key) {
      return subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, HMAC_SHA256, false, ['sign']);
    },
    hmacSha256(key, data) {
      return subtle.sign('HMAC', key as CryptoKey, data as Uint8Array<ArrayBuffer>).then(toBytes);
    },
    // SigV4a's ECDSA loads with its first use (webCryptoEcdsa.ts).
    importEcdsaP256PrivateKey: (d) => ecdsa().then((m) => m.importEcdsaP256PrivateKey(subtle, d)),
    ecdsaP256Sign: (key, data) => ecdsa().then((m) => m.ecdsaP256Sign(subtle, key, data)),
    ecdsaP256Verify: (publicKey, data, derSignature) =>
      ecdsa().then((m) => m.ecdsaP256Verify(subtle, publicKey, data, derSignature)),
  };
}

const toBytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);
const ecdsa = () => import('./webCryptoEcdsa');
