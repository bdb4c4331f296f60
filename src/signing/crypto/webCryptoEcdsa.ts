// SigV4a's half of the WebCrypto signer: ECDSA P-256 keys, signatures and their DER form. Apart
// from webCrypto.ts because SigV4 (the first signature every visitor sees) never uses it: it
// loads with the first SigV4a signing or check.
import { derEcdsaToRaw, p256Pkcs8, rawEcdsaToDer } from './ecdsaDer';
import type { EcdsaP256PublicKey } from './signingCrypto';

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

export async function importEcdsaP256PrivateKey(subtle: SubtleCrypto, d: Uint8Array) {
  // Extractable only for the JWK export of x and y below; the handle never leaves the signer.
  const pkcs8 = p256Pkcs8(d) as Uint8Array<ArrayBuffer>;
  const extractable = await subtle.importKey('pkcs8', pkcs8, ECDSA_P256, true, ['sign']);
  const jwk = await subtle.exportKey('jwk', extractable);
  const key = await subtle.importKey('pkcs8', pkcs8, ECDSA_P256, false, ['sign']);
  pkcs8.fill(0);
  return { key, x: fromBase64Url(jwk.x!), y: fromBase64Url(jwk.y!) };
}

export async function ecdsaP256Sign(subtle: SubtleCrypto, key: unknown, data: Uint8Array) {
  // WebCrypto hashes the data itself and returns raw r || s.
  const raw = await subtle.sign(ECDSA_SHA256, key as CryptoKey, data as Uint8Array<ArrayBuffer>);
  return rawEcdsaToDer(new Uint8Array(raw));
}

export async function ecdsaP256Verify(
  subtle: SubtleCrypto,
  publicKey: EcdsaP256PublicKey,
  data: Uint8Array,
  derSignature: Uint8Array,
): Promise<boolean> {
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
}
