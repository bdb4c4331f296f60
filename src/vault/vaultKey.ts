// The vault's key: Argon2id over the passphrase (OWASP's password-storage parameters: 19 MiB,
// 2 passes, 1 lane), imported into WebCrypto as a non-extractable AES-GCM key. @noble/hashes is
// audited pure JavaScript, so the page's CSP needs no 'wasm-unsafe-eval'; it is loaded with
// import() the first time a vault is created or unlocked, so the first visit does not carry it.
// bench/vaultKdf.ts measures it in Chromium: about 250 ms per derivation on the idle 2-core
// machine it was chosen on (scrypt at OWASP's N=2^17 took ~900 ms; PBKDF2 600,000 ~80 ms).
import type { Argon2idParams } from './vaultEnvelope';

export const DEFAULT_KDF_PARAMS: Argon2idParams = { m: 19 * 1024, t: 2, p: 1 };

/** A non-extractable AES-GCM-256 key derived from `passphrase` and `salt`. */
export async function deriveVaultKey(
  passphrase: string,
  salt: Uint8Array,
  params: Argon2idParams,
): Promise<CryptoKey> {
  const { argon2idAsync } = await import('@noble/hashes/argon2.js');
  // NFC: the same passphrase typed on another system (composed or decomposed accents) opens it.
  const raw = await argon2idAsync(passphrase.normalize('NFC'), salt, { ...params, dkLen: 32 });
  try {
    return await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ]);
  } finally {
    raw.fill(0);
  }
}
