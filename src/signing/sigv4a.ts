// SigV4a (AWS4-ECDSA-P256-SHA256): the ECDSA P-256 key derived from an access key pair, DER
// signatures, and verification. The curve arithmetic is left to the injected SigningCrypto.
import { SIGV4A_ALGORITHM, SIGV4A_NEEDS_ECDSA } from './constants';
import { LruPromiseCache } from './lruPromiseCache';
import { derEcdsaToRaw } from './crypto/ecdsaDer';
import type { EcdsaP256PublicKey, SigningCrypto } from './crypto/signingCrypto';
import { toHex, utf8 } from './encoding';

/** Order n of the P-256 group. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

export { SIGV4A_NEEDS_ECDSA };
export { derEcdsaToRaw, p256Pkcs8, rawEcdsaToDer } from './crypto/ecdsaDer';

/** The derived SigV4a key: an imported private key handle and the public point. Never the scalar. */
export interface SigV4aKey {
  key: unknown;
  publicKey: { x: string; y: string };
  counter: number;
  /** The KDF input of the counter that produced the key, as hex. */
  kdfInputHex: string;
}

function bigIntFromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

function bytesFromBigInt(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0');
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export function hexToBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new Error(`Not a hex string: ${hex}`);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** 00000001 || "AWS4-ECDSA-P256-SHA256" || 00 || accessKeyId || counter || 00000100. */
export function sigv4aKdfInput(accessKeyId: string, counter: number): Uint8Array {
  const label = utf8(SIGV4A_ALGORITHM);
  const context = utf8(accessKeyId);
  const input = new Uint8Array(4 + label.length + 1 + context.length + 1 + 4);
  let at = 0;
  input.set([0, 0, 0, 1], at);
  at += 4;
  input.set(label, at);
  at += label.length + 1; // the 00 separator
  input.set(context, at);
  at += context.length;
  input[at++] = counter;
  input.set([0, 0, 1, 0], at); // 256 bits of output
  return input;
}

/**
 * The private scalar of the SigV4a key pair (NIST SP 800-108 counter-mode KDF with HMAC-SHA256,
 * key "AWS4A" + secret). Internal: only the derivation below sees it.
 */
async function derivePrivateScalar(
  crypto: SigningCrypto,
  accessKeyId: string,
  secretAccessKey: string,
): Promise<{ d: Uint8Array; counter: number; kdfInput: Uint8Array }> {
  const hmacKey = await crypto.importHmacKey(utf8(`AWS4A${secretAccessKey}`));
  for (let counter = 1; counter <= 254; counter++) {
    const kdfInput = sigv4aKdfInput(accessKeyId, counter);
    const c = bigIntFromBytes(await crypto.hmacSha256(hmacKey, kdfInput));
    if (c <= P256_ORDER - 2n) return { d: bytesFromBigInt(c + 1n, 32), counter, kdfInput };
  }
  throw new Error('SigV4a key derivation did not find a key within 254 counters.');
}

function requireEcdsa(crypto: SigningCrypto) {
  const { importEcdsaP256PrivateKey, ecdsaP256Sign } = crypto;
  if (importEcdsaP256PrivateKey === undefined || ecdsaP256Sign === undefined) {
    throw new Error(SIGV4A_NEEDS_ECDSA);
  }
  return { importEcdsaP256PrivateKey, ecdsaP256Sign };
}

/** Derives and imports the SigV4a key pair of an access key. */
export async function deriveSigV4aKey(
  crypto: SigningCrypto,
  accessKeyId: string,
  secretAccessKey: string,
): Promise<SigV4aKey> {
  const { importEcdsaP256PrivateKey } = requireEcdsa(crypto);
  const { d, counter, kdfInput } = await derivePrivateScalar(crypto, accessKeyId, secretAccessKey);
  const imported = await importEcdsaP256PrivateKey.call(crypto, d);
  d.fill(0);
  return {
    key: imported.key,
    publicKey: { x: toHex(imported.x), y: toHex(imported.y) },
    counter,
    kdfInputHex: toHex(kdfInput),
  };
}

/** Signs with a derived key: ECDSA P-256 over SHA-256(data), DER, lowercase hex. */
export async function sigv4aSign(
  crypto: SigningCrypto,
  key: SigV4aKey,
  data: Uint8Array,
): Promise<string> {
  const { ecdsaP256Sign } = requireEcdsa(crypto);
  return toHex(await ecdsaP256Sign.call(crypto, key.key, data));
}

/** A bounded LRU cache of SigV4a keys, keyed by secret and access key ID. */
export class SigV4aKeyCache {
  private readonly entries: LruPromiseCache<SigV4aKey>;

  constructor(
    private readonly crypto: SigningCrypto,
    maxEntries = 16,
  ) {
    this.entries = new LruPromiseCache(maxEntries);
  }

  get(accessKeyId: string, secretAccessKey: string): Promise<SigV4aKey> {
    return this.entries.get(JSON.stringify([secretAccessKey, accessKeyId]), () =>
      deriveSigV4aKey(this.crypto, accessKeyId, secretAccessKey),
    );
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Verifies a SigV4a signature (DER hex) over a string to sign with a public key (x, y as hex).
 * False for a wrong or malformed signature; throws when the crypto cannot verify ECDSA.
 */
export async function verifySigV4aSignature(
  publicKey: { x: string; y: string },
  stringToSign: string,
  derHexSignature: string,
  crypto: SigningCrypto,
): Promise<boolean> {
  if (crypto.ecdsaP256Verify === undefined) throw new Error(SIGV4A_NEEDS_ECDSA);
  let der: Uint8Array;
  try {
    der = hexToBytes(derHexSignature);
    derEcdsaToRaw(der);
  } catch {
    return false;
  }
  const point: EcdsaP256PublicKey = { x: hexToBytes(publicKey.x), y: hexToBytes(publicKey.y) };
  return crypto.ecdsaP256Verify(point, utf8(stringToSign), der);
}
