// TOTP (RFC 6238) as AWS's virtual MFA devices use it: HMAC-SHA-1, 30-second steps from the Unix
// epoch, 6 digits. The local STS checks an AssumeRole's TokenCode with it against the secret a
// configured MFA device holds (base32, as authenticator apps take it). node:crypto's HMAC is all
// it needs, so no library: the RFC's own test vectors (totp.test.ts) pin it down.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes one step either side of now are accepted, for clocks that differ a little (AWS does too). */
export const TOTP_WINDOW_STEPS = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * RFC 4648 base32 to bytes: case-insensitive, spaces and '=' padding ignored. Undefined for any
 * other character, so a mistyped secret is reported at load rather than silently shortened.
 */
export function decodeBase32(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** HOTP (RFC 4226) for one counter value: HMAC, dynamic truncation, the low `digits` digits. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step an instant (epoch ms) falls in. */
export const totpStep = (epochMs: number) => Math.floor(epochMs / 1000 / TOTP_STEP_SECONDS);

/** The TOTP code at an instant (epoch ms). */
export function totp(secret: Uint8Array, epochMs: number, digits = TOTP_DIGITS): string {
  return hotp(secret, totpStep(epochMs), digits);
}

/**
 * The step whose code `code` is, within TOTP_WINDOW_STEPS of now, or undefined. Every candidate
 * is computed and compared in constant time, so the answer's timing says nothing about the code.
 */
export function matchTotp(secret: Uint8Array, code: string, epochMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const now = totpStep(epochMs);
  let found: number | undefined;
  for (let step = now - TOTP_WINDOW_STEPS; step <= now + TOTP_WINDOW_STEPS; step++) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code)) && found === undefined)
      found = step;
  }
  return found;
}
