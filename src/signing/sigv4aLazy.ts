// Entry points into ./sigv4a that load it on first call, so that importing the signing core's
// index does not put SigV4a's code in the initial bundle.
import type { SigningCrypto } from './crypto/signingCrypto';
import type { SigV4aKey } from './sigv4a';

/**
 * Verifies a SigV4a signature (DER, hex) over a string to sign with a public key (x, y as hex):
 * ECDSA P-256 over SHA-256(string to sign). False for a wrong or malformed signature; throws when
 * the crypto has no ECDSA.
 */
export function verifySigV4aSignature(
  publicKey: { x: string; y: string },
  stringToSign: string,
  derHexSignature: string,
  crypto: SigningCrypto,
): Promise<boolean> {
  return import('./sigv4a').then((module) =>
    module.verifySigV4aSignature(publicKey, stringToSign, derHexSignature, crypto),
  );
}

/** Derives and imports the SigV4a key pair of an access key (the private key stays a handle). */
export function deriveSigV4aKey(
  crypto: SigningCrypto,
  accessKeyId: string,
  secretAccessKey: string,
): Promise<SigV4aKey> {
  return import('./sigv4a').then((module) =>
    module.deriveSigV4aKey(crypto, accessKeyId, secretAccessKey),
  );
}
