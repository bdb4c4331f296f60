import { describe, expect, it } from 'vitest';
import { decodeBase32, hotp, matchTotp, totp } from './totp';

// RFC 6238 Appendix B, the SHA-1 rows: seed "12345678901234567890" (ASCII), 30 s steps, 8 digits.
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_SHA1_VECTORS: Array<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('totp', () => {
  it.each(RFC_SHA1_VECTORS)('gives RFC 6238 Appendix B’s SHA-1 code at T=%i', (seconds, code) => {
    expect(totp(RFC_SEED, seconds * 1000, 8)).toBe(code);
  });

  it('gives 6-digit codes as the last 6 digits of the same truncation', () => {
    for (const [seconds, code] of RFC_SHA1_VECTORS)
      expect(totp(RFC_SEED, seconds * 1000)).toBe(code.slice(2));
  });
});

describe('hotp', () => {
  // RFC 4226 Appendix D: the same seed, counters 0 and 9.
  it('gives RFC 4226 Appendix D’s codes', () => {
    expect(hotp(RFC_SEED, 0)).toBe('755224');
    expect(hotp(RFC_SEED, 9)).toBe('520489');
  });
});

describe('decodeBase32', () => {
  it('decodes the RFC seed as authenticator apps are given it (any case, spaces, padding)', () => {
    expect(decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toEqual(RFC_SEED);
    expect(decodeBase32('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SEED);
    expect(decodeBase32('MZXW6===')).toEqual(Buffer.from('foo'));
  });

  it('refuses characters outside the alphabet', () => {
    expect(decodeBase32('GEZD1')).toBeUndefined();
    expect(decodeBase32('GEZD!')).toBeUndefined();
  });
});

describe('matchTotp', () => {
  const at = 1111111111 * 1000;
  const step = Math.floor(1111111111 / 30);

  it('accepts the code of the current step and of one step either side', () => {
    expect(matchTotp(RFC_SEED, totp(RFC_SEED, at), at)).toBe(step);
    expect(matchTotp(RFC_SEED, totp(RFC_SEED, at - 30_000), at)).toBe(step - 1);
    expect(matchTotp(RFC_SEED, totp(RFC_SEED, at + 30_000), at)).toBe(step + 1);
  });

  it('refuses codes two steps away, wrong codes and codes that are not 6 digits', () => {
    expect(matchTotp(RFC_SEED, totp(RFC_SEED, at - 60_000), at)).toBeUndefined();
    expect(matchTotp(RFC_SEED, totp(RFC_SEED, at + 60_000), at)).toBeUndefined();
    const wrong = String((Number(totp(RFC_SEED, at)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotp(RFC_SEED, wrong, at)).toBeUndefined();
    expect(matchTotp(RFC_SEED, '12345', at)).toBeUndefined();
    expect(matchTotp(RFC_SEED, '１２３４５６', at)).toBeUndefined();
  });
});
