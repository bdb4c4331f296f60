import type { SigningCrypto } from './signingCrypto';

/** The hash interface shared by the AWS SDKs (`@aws-crypto/*`, `@smithy/hash-node`). */
export interface Sha256Hash {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
}
export type Sha256Constructor = new (secret?: Uint8Array) => Sha256Hash;

/** SigningCrypto on an SDK-style hash class, e.g. `Sha256` from `@aws-crypto/sha256-browser`. */
export function createSha256ConstructorSigning(
  Sha256: Sha256Constructor,
  name = 'sha256-constructor',
): SigningCrypto {
  return {
    name,
    sha256(data) {
      const hash = new Sha256();
      hash.update(data);
      return hash.digest();
    },
    importHmacKey(key) {
      return Promise.resolve(key);
    },
    hmacSha256(key, data) {
      const hmac = new Sha256(key as Uint8Array);
      hmac.update(data);
      return hmac.digest();
    },
  };
}
