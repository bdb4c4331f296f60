// The keys a server verifies with, kept between requests. A server loads SigV4A's module up
// front rather than on demand: an import on a request's path would put a turn of the event loop
// between the request and its answer, and a client that half-closes its connection after
// sending would get none.
import type { SigningCrypto } from './crypto/signingCrypto';
import { SigningKeyCache } from './deriveSigningKey';
import { SigV4aKeyCache, verifySigV4aSignature } from './sigv4a';
import type { WireKeyCache } from './verifyWireRequest';

/** Bounded caches of SigV4 signing keys and SigV4A key pairs, `maxEntries` of each. */
export function createWireKeyCache(crypto: SigningCrypto, maxEntries: number): WireKeyCache {
  const sigv4 = new SigningKeyCache(crypto, maxEntries);
  const sigv4a = new SigV4aKeyCache(crypto, maxEntries);
  return {
    sigv4: (parts) => sigv4.get(parts),
    sigv4Derived: (parts) => sigv4.getDerived(parts),
    sigv4a: (accessKeyId, secretAccessKey) => sigv4a.get(accessKeyId, secretAccessKey),
    verifySigV4a: (publicKey, stringToSign, signature) =>
      verifySigV4aSignature(publicKey, stringToSign, signature, crypto),
  };
}
