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

/** SHA-256's block, the size of HMAC's padded key. */
const BLOCK_BYTES = 64;

/**
 * An HMAC-SHA256 key with its inner and outer blocks computed once (RFC 2104: the key, hashed
 * first when longer than SHA-256's 64-byte block, padded with zeros and XORed with 0x36 and 0x5c).
 * The gateway signs with one cached key per identity and day, and HMAC through createHmac builds
 * an OpenSSL context per call (~2.7 µs on this machine); two one-shot hashes over the precomputed
 * blocks take ~1.6 µs. server/nodeSigningCrypto.test.ts checks it against createHmac.
 */
class PaddedHmacKey {
  readonly inner = Buffer.alloc(BLOCK_BYTES, 0x36);
  readonly outer = Buffer.alloc(BLOCK_BYTES, 0x5c);
  constructor(readonly raw: Uint8Array) {
    const key = raw.length > BLOCK_BYTES ? hash('sha256', raw, 'buffer') : raw;
    for (let i = 0; i < key.length; i++) {
      this.inner[i] = 0x36 ^ key[i]!;
      this.outer[i] = 0x5c ^ key[i]!;
    }
  }
}

/**
 * Where the inner block and the message are put together, reused: a string to sign, a date or a
 * region is at most a few hundred bytes. Longer messages (and keys not imported here) go through
 * createHmac.
 */
const innerInput = Buffer.allocUnsafe(BLOCK_BYTES + 4096);
const outerInput = Buffer.allocUnsafe(BLOCK_BYTES + 32);
const MAX_MESSAGE_BYTES = innerInput.length - BLOCK_BYTES;
/** At most 3 UTF-8 bytes per UTF-16 code unit: a text this long always fits. */
const MAX_MESSAGE_CHARS = Math.floor(MAX_MESSAGE_BYTES / 3);

/**
 * HMAC's outer block for a key imported here and a message that fits (the inner hash done), ready
 * for the last SHA-256; undefined otherwise, for createHmac. The block is this module's buffer,
 * filled anew by the next call: hash it at once.
 */
function outerBlock(key: unknown, data: string | Uint8Array): Buffer | undefined {
  const fits =
    typeof data === 'string' ? data.length <= MAX_MESSAGE_CHARS : data.length <= MAX_MESSAGE_BYTES;
  if (!(key instanceof PaddedHmacKey) || !fits) return undefined;
  key.inner.copy(innerInput, 0);
  let length = data.length;
  if (typeof data === 'string') length = innerInput.write(data, BLOCK_BYTES, 'utf8');
  else innerInput.set(data, BLOCK_BYTES);
  const innerDigest = hash('sha256', innerInput.subarray(0, BLOCK_BYTES + length), 'buffer');
  key.outer.copy(outerInput, 0);
  innerDigest.copy(outerInput, BLOCK_BYTES);
  return outerInput;
}

const viaCreateHmac = (key: unknown, data: string | Uint8Array) =>
  createHmac('sha256', key instanceof PaddedHmacKey ? key.raw : (key as Uint8Array)).update(data);

/** HMAC-SHA256 of a text (as UTF-8) or of bytes. */
function hmacSha256(key: unknown, data: string | Uint8Array): Buffer {
  const outer = outerBlock(key, data);
  return outer === undefined ? viaCreateHmac(key, data).digest() : hash('sha256', outer, 'buffer');
}

/** The same in hex, encoded natively: the gateway checks every signature this way. */
function hmacSha256HexSync(key: unknown, data: string): string {
  const outer = outerBlock(key, data);
  return outer === undefined
    ? viaCreateHmac(key, data).digest('hex')
    : hash('sha256', outer, 'hex');
}

/** SigningCrypto on node:crypto, for the local gateway and scripts (synchronous, no copies). */
export const nodeSigningCrypto: SigningCrypto = {
  name: 'node:crypto',
  // crypto.hash is one call into OpenSSL, without a Hash object to build and update (node ≥ 20.12).
  sha256: (data) => Promise.resolve(bytesOf(hash('sha256', data, 'buffer'))),
  importHmacKey: (key) => Promise.resolve(new PaddedHmacKey(key)),
  hmacSha256: (key, data) => Promise.resolve(bytesOf(hmacSha256(key, data))),
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
