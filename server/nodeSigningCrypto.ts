import { createHash, createHmac } from 'node:crypto';
import type { SigningCrypto } from '../src/signing';

/** SigningCrypto on node:crypto, for the local gateway and scripts (synchronous, no copies). */
export const nodeSigningCrypto: SigningCrypto = {
  name: 'node:crypto',
  sha256: (data) => Promise.resolve(new Uint8Array(createHash('sha256').update(data).digest())),
  importHmacKey: (key) => Promise.resolve(key),
  hmacSha256: (key, data) =>
    Promise.resolve(
      new Uint8Array(
        createHmac('sha256', key as Uint8Array)
          .update(data)
          .digest(),
      ),
    ),
};
