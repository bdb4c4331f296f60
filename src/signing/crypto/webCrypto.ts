import { derEcdsaToRaw, p256Pkcs8, rawEcdsaToDer } from './ecdsaDer';
import type { SigningCrypto } from './signingCrypto';

const HMAC_SHA256 = { name: 'HMAC', hash: { name: 'SHA-256' } } as const;
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: { name: 'SHA-256' } } as const;

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

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
    async importEcdsaP256PrivateKey(d) {
      // Extractable only for the JWK export of x and y below; the handle never leaves the signer.
      const pkcs8 = p256Pkcs8(d) as Uint8Array<ArrayBuffer>;
      const extractable = await subtle.importKey('pkcs8', pkcs8, ECDSA_P256, true, ['sign']);
      const jwk = await subtle.exportKey('jwk', extractable);
      const key = await subtle.importKey('pkcs8', pkcs8, ECDSA_P256, false, ['sign']);
      pkcs8.fill(0);
      return { key, x: fromBase64Url(jwk.x!), y: fromBase64Url(jwk.y!) };
    },
    ecdsaP256Sign(key, data) {
      // WebCrypto hashes the data itself and returns raw r || s.
      return subtle
        .sign(ECDSA_SHA256, key as CryptoKey, data as Uint8Array<ArrayBuffer>)
        .then((raw) => rawEcdsaToDer(new Uint8Array(raw)));
    },
    async ecdsaP256Verify(publicKey, data, derSignature) {
      const key = await subtle.importKey(
        'jwk',
        { kty: 'EC', crv: 'P-256', x: toBase64Url(publicKey.x), y: toBase64Url(publicKey.y) },
        ECDSA_P256,
        false,
        ['verify'],
      );
      let raw: Uint8Array;
      try {
        raw = derEcdsaToRaw(derSignature);
      } catch {
        return false;
      }
      return subtle.verify(
        ECDSA_SHA256,
        key,
        raw as Uint8Array<ArrayBuffer>,
        data as Uint8Array<ArrayBuffer>,
      );
    },
  };
}

const toBytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);
