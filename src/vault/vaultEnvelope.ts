// The vault as it is stored and exported: a versioned envelope around AES-GCM ciphertext, with
// everything needed to derive the key again from the passphrase (the KDF, its parameters and the
// salt) except the passphrase itself. `v` and `kdf` let the parameters change later while old
// vaults still open.
import { base64ToBytes } from '../transport/base64';

export const VAULT_FORMAT = 'sigv4-playground-vault';
export const VAULT_VERSION = 1;

/** Argon2id's costs: memory in KiB, passes, lanes (RFC 9106 names m, t, p). */
export interface Argon2idParams {
  m: number;
  t: number;
  p: number;
}

export interface VaultEnvelope {
  format: typeof VAULT_FORMAT;
  v: typeof VAULT_VERSION;
  kdf: 'argon2id';
  params: Argon2idParams;
  /** Base64 of the 16 random bytes the key was derived with. */
  salt: string;
  /** Base64 of this write's 12 random bytes. */
  iv: string;
  /** Base64 of AES-GCM's output (ciphertext and 16-byte tag). */
  ciphertext: string;
}

export const SALT_BYTES = 16;
export const IV_BYTES = 12;
/** Far beyond a vault of credentials and profiles; bounds what a foreign file makes us parse. */
export const MAX_ENVELOPE_CHARS = 4 * 1024 * 1024;
/**
 * What a stored or imported envelope may ask of the KDF. A foreign file asking for gigabytes or
 * thousands of passes would freeze or crash the tab: it is refused before deriving anything.
 */
const PARAM_BOUNDS: Record<keyof Argon2idParams, [number, number]> = {
  m: [8 * 1024, 256 * 1024],
  t: [1, 10],
  p: [1, 4],
};

export type EnvelopeReading =
  | { ok: true; envelope: VaultEnvelope; salt: Uint8Array; iv: Uint8Array; ciphertext: Uint8Array }
  | { ok: false; message: string };

const NOT_A_VAULT = 'This is not a sigv4-playground vault file.';

/** The envelope in `text`, checked field by field; a clear sentence for anything else. */
export function readEnvelope(text: string): EnvelopeReading {
  if (text.length > MAX_ENVELOPE_CHARS)
    return { ok: false, message: `${NOT_A_VAULT} It is too large.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `${NOT_A_VAULT} It is not JSON.` };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, message: NOT_A_VAULT };
  const record = value as Record<string, unknown>;
  if (record.format !== VAULT_FORMAT) return { ok: false, message: NOT_A_VAULT };
  if (record.v !== VAULT_VERSION)
    return {
      ok: false,
      message: `This vault was written by another version of the page (format ${String(record.v)}); this page reads version ${VAULT_VERSION}.`,
    };
  if (record.kdf !== 'argon2id')
    return {
      ok: false,
      message: `This vault uses an unknown key derivation (${String(record.kdf)}).`,
    };
  const params = readParams(record.params);
  if (params === null)
    return {
      ok: false,
      message: 'The vault’s key-derivation parameters are missing or out of range.',
    };
  const salt = bytesOf(record.salt);
  const iv = bytesOf(record.iv);
  const ciphertext = bytesOf(record.ciphertext);
  if (
    salt?.length !== SALT_BYTES ||
    iv?.length !== IV_BYTES ||
    ciphertext === null ||
    ciphertext.length < 16
  )
    return {
      ok: false,
      message: 'The vault file is damaged: its salt, IV or ciphertext is not valid.',
    };
  return {
    ok: true,
    envelope: {
      format: VAULT_FORMAT,
      v: VAULT_VERSION,
      kdf: 'argon2id',
      params,
      salt: record.salt as string,
      iv: record.iv as string,
      ciphertext: record.ciphertext as string,
    },
    salt,
    iv,
    ciphertext,
  };
}

function readParams(value: unknown): Argon2idParams | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const params = { m: record.m, t: record.t, p: record.p };
  for (const [name, [low, high]] of Object.entries(PARAM_BOUNDS)) {
    const number = params[name as keyof Argon2idParams];
    if (!Number.isInteger(number) || (number as number) < low || (number as number) > high)
      return null;
  }
  return params as Argon2idParams;
}

function bytesOf(value: unknown): Uint8Array | null {
  if (typeof value !== 'string') return null;
  try {
    return base64ToBytes(value);
  } catch {
    return null;
  }
}

/**
 * What AES-GCM authenticates besides the ciphertext: the header, so a file whose KDF parameters or
 * salt were changed fails like a wrong passphrase instead of deriving some other key.
 */
export function envelopeHeader(envelope: Omit<VaultEnvelope, 'ciphertext'>): Uint8Array {
  const { format, v, kdf, params, salt, iv } = envelope;
  return new TextEncoder().encode(
    [format, v, kdf, params.m, params.t, params.p, salt, iv].join('|'),
  );
}
