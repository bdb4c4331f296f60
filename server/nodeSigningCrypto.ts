import {
  createHmac,
  hash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { p256Pkcs8, type SigningCrypto } from '../src/signing';

const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
/** A digest's bytes without a copy (the gateway hashes three times per request). */
const bytesOf = (digest: Buffer) => new Uint8Array(digest.buffer, digest.byteOffset, digest.length);

function sha256HexSync(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}

function hmacSha256HexSync(key: unknown, data: string): string {
  return createHmac('sha256', key as Uint8Array)
    .update(data)
    .digest('hex');
}

/** SigningCrypto on node:crypto, for the local gateway and scripts (synchronous, no copies). */
export const nodeSigningCrypto: SigningCrypto = {
  name: 'node:crypto',
  // crypto.hash is one call into OpenSSL, without a Hash object to build and update (node ≥ 20.12).
  sha256: (data) => Promise.resolve(bytesOf(hash('sha256', data, 'buffer'))),
  importHmacKey: (key) => Promise.resolve(key),
  hmacSha256: (key, data) =>
    Promise.resolve(
      bytesOf(
        createHmac('sha256', key as Uint8Array)
          .update(data)
          .digest(),
      ),
    ),
  // Native hex: no byte view and no hex loop in JavaScript, and a string hashed as it is.
  sha256Hex: (data) => Promise.resolve(sha256HexSync(data)),
  hmacSha256Hex: (key, data) => Promise.resolve(hmacSha256HexSync(key, data)),
  sha256HexSync,
  hmacSha256HexSync,
  importEcdsaP256PrivateKey(d) {
    const key = createPrivateKey({ key: Buffer.from(p256Pkcs8(d)), format: 'der', type: 'pkcs8' });
    const jwk = createPublicKey(key).export({ format: 'jwk' });
    return Promise.resolve({ key, x: fromBase64Url(jwk.x!), y: fromBase64Url(jwk.y!) });
  },
  ecdsaP256Sign: (key, data) =>
    Promise.resolve(
      new Uint8Array(sign('sha256', data, { key: key as KeyObject, dsaEncoding: 'der' })),
    ),
  ecdsaP256Verify(publicKey, data, derSignature) {
    const key = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: Buffer.from(publicKey.x).toString('base64url'),
        y: Buffer.from(publicKey.y).toString('base64url'),
      },
      format: 'jwk',
    });
    try {
      return Promise.resolve(verify('sha256', data, { key, dsaEncoding: 'der' }, derSignature));
    } catch {
      return Promise.resolve(false);
    }
  },
};
