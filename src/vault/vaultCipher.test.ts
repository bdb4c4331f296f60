import { describe, expect, it } from 'vitest';
import { createVaultKey, openVault, sealVault, WRONG_PASSPHRASE } from './vaultCipher';
import { DEFAULT_KDF_PARAMS } from './vaultKey';
import { readEnvelope } from './vaultEnvelope';

// The smallest memory cost the envelope accepts keeps the tests quick; the page uses the default.
const PARAMS = { m: 8 * 1024, t: 1, p: 1 };
const CONTENTS = { credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'top-secret' } };

async function sealed(passphrase = 'correct horse battery') {
  return sealVault(await createVaultKey(passphrase, PARAMS), CONTENTS);
}

describe('sealVault / openVault', () => {
  it('round-trips the contents with the passphrase, and the envelope shows none of them', async () => {
    const text = await sealed();
    expect(text).not.toContain('top-secret');
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain(btoa('top-secret').slice(0, 8));
    const envelope = JSON.parse(text);
    expect(envelope).toMatchObject({
      format: 'sigv4-playground-vault',
      v: 1,
      kdf: 'argon2id',
      params: PARAMS,
    });
    const opened = await openVault(text, 'correct horse battery');
    expect(opened).toMatchObject({ ok: true, contents: CONTENTS });
  });

  it('writes with a fresh IV every time, under the same key and salt', async () => {
    const key = await createVaultKey('pass phrase long', PARAMS);
    const [first, second] = [
      JSON.parse(await sealVault(key, 1)),
      JSON.parse(await sealVault(key, 1)),
    ];
    expect(first.salt).toBe(second.salt);
    expect(first.iv).not.toBe(second.iv);
  });

  it('says "Wrong passphrase" for a wrong passphrase, and nothing more', async () => {
    const opened = await openVault(await sealed(), 'correct horse battery!');
    expect(opened).toEqual({ ok: false, reason: 'wrong-passphrase', message: WRONG_PASSPHRASE });
  });

  it('refuses a tampered ciphertext or header like a wrong passphrase', async () => {
    const envelope = JSON.parse(await sealed());
    const bytes = Uint8Array.from(atob(envelope.ciphertext), (c) => c.charCodeAt(0));
    bytes[0] = bytes[0]! ^ 1;
    const tampered = { ...envelope, ciphertext: btoa(String.fromCharCode(...bytes)) };
    expect(await openVault(JSON.stringify(tampered), 'correct horse battery')).toMatchObject({
      ok: false,
      reason: 'wrong-passphrase',
    });
    const otherParams = { ...envelope, params: { ...PARAMS, t: 2 } };
    expect(await openVault(JSON.stringify(otherParams), 'correct horse battery')).toMatchObject({
      ok: false,
      reason: 'wrong-passphrase',
    });
  });

  it('uses at least OWASP’s Argon2id parameters by default', () => {
    expect(DEFAULT_KDF_PARAMS.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(DEFAULT_KDF_PARAMS.t).toBeGreaterThanOrEqual(2);
  });
});

describe('readEnvelope', () => {
  it.each([
    ['not JSON', 'not json {', 'not JSON'],
    ['JSON of something else', '{"hello":1}', 'not a sigv4-playground vault'],
    ['null', 'null', 'not a sigv4-playground vault'],
    ['a future version', '{"format":"sigv4-playground-vault","v":9}', 'another version'],
  ])('says %s is not a vault it can read', (_, text, message) => {
    const reading = readEnvelope(text);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message).toContain(message);
  });

  it('refuses KDF parameters that would freeze the tab, before deriving anything', async () => {
    const envelope = JSON.parse(await sealed());
    const greedy = JSON.stringify({ ...envelope, params: { m: 4 * 1024 * 1024, t: 2, p: 1 } });
    expect(readEnvelope(greedy)).toMatchObject({
      ok: false,
      message: expect.stringContaining('out of range'),
    });
    expect(await openVault(greedy, 'x')).toMatchObject({ ok: false, reason: 'not-a-vault' });
  });

  it('refuses a damaged salt, IV or ciphertext', async () => {
    const envelope = JSON.parse(await sealed());
    for (const field of ['salt', 'iv', 'ciphertext']) {
      const damaged = JSON.stringify({ ...envelope, [field]: '***' });
      expect(readEnvelope(damaged)).toMatchObject({
        ok: false,
        message: expect.stringContaining('damaged'),
      });
    }
  });
});
