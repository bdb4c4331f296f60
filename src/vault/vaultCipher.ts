// Sealing and opening the vault's contents (any JSON value): AES-GCM-256 with a fresh random IV
// on every write, the envelope's header authenticated with it (vaultEnvelope.ts).
import { bytesToBase64 } from '../transport/base64';
import { deriveVaultKey } from './vaultKey';
import {
  envelopeHeader,
  IV_BYTES,
  readEnvelope,
  SALT_BYTES,
  VAULT_FORMAT,
  VAULT_VERSION,
  type Argon2idParams,
  type VaultEnvelope,
} from './vaultEnvelope';

/** What an unlocked vault keeps in memory to write again: never the passphrase. */
export interface VaultKey {
  key: CryptoKey;
  salt: string;
  params: Argon2idParams;
}

export const WRONG_PASSPHRASE =
  'Wrong passphrase — or the vault was changed since it was saved. Nothing was opened.';

/** A new key for a new vault: a fresh random salt. */
export async function createVaultKey(
  passphrase: string,
  params: Argon2idParams,
): Promise<VaultKey> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return { key: await deriveVaultKey(passphrase, salt, params), salt: bytesToBase64(salt), params };
}

/** `contents` encrypted under `vaultKey`, as the envelope's JSON text. */
export async function sealVault(vaultKey: VaultKey, contents: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const header = {
    format: VAULT_FORMAT,
    v: VAULT_VERSION,
    kdf: 'argon2id',
    params: vaultKey.params,
    salt: vaultKey.salt,
    iv: bytesToBase64(iv),
  } as const;
  const plaintext = new TextEncoder().encode(JSON.stringify(contents));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: envelopeHeader(header) as Uint8Array<ArrayBuffer> },
    vaultKey.key,
    plaintext,
  );
  const envelope: VaultEnvelope = {
    ...header,
    ciphertext: bytesToBase64(new Uint8Array(ciphertext)),
  };
  return JSON.stringify(envelope);
}

export type VaultOpening =
  | { ok: true; vaultKey: VaultKey; contents: unknown }
  | { ok: false; reason: 'not-a-vault' | 'wrong-passphrase'; message: string };

/**
 * The contents of the envelope in `text` and the key to write them again; a sentence when the
 * text is not a vault or the passphrase does not open it (AES-GCM's tag check: it cannot tell a
 * wrong passphrase from altered bytes, and says nothing about either).
 */
export async function openVault(text: string, passphrase: string): Promise<VaultOpening> {
  const reading = readEnvelope(text);
  if (!reading.ok) return { ok: false, reason: 'not-a-vault', message: reading.message };
  const { envelope, salt, iv, ciphertext } = reading;
  const key = await deriveVaultKey(passphrase, salt, envelope.params);
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: iv as Uint8Array<ArrayBuffer>,
        additionalData: envelopeHeader(envelope) as Uint8Array<ArrayBuffer>,
      },
      key,
      ciphertext as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return { ok: false, reason: 'wrong-passphrase', message: WRONG_PASSPHRASE };
  }
  let contents: unknown;
  try {
    contents = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    return {
      ok: false,
      reason: 'not-a-vault',
      message: 'The vault opened but its contents are not readable.',
    };
  }
  return { ok: true, vaultKey: { key, salt: envelope.salt, params: envelope.params }, contents };
}
