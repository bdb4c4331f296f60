import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import type { SigningCrypto } from './crypto/signingCrypto';
import { deriveSigningKey, SigningKeyCache } from './deriveSigningKey';
import { toHex, utf8 } from './encoding';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const IAM_EXAMPLE = {
  secretAccessKey: SECRET,
  dateStamp: '20150830',
  region: 'us-east-1',
  service: 'iam',
};
/** kSigning of AWS's documented example ("Create a signature", IAM, 20150830). */
const IAM_EXAMPLE_K_SIGNING = 'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9';

const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** A SigningCrypto that counts HMACs and can be told to fail. */
function countingCrypto(base: SigningCrypto = nodeSigningCrypto) {
  const counts = { hmac: 0 };
  let failuresLeft = 0;
  const crypto: SigningCrypto = {
    name: 'counting',
    sha256: (data) => base.sha256(data),
    importHmacKey: (key) => base.importHmacKey(key),
    hmacSha256: (key, data) => {
      counts.hmac++;
      if (failuresLeft > 0) {
        failuresLeft--;
        return Promise.reject(new Error('HMAC failed'));
      }
      return base.hmacSha256(key, data);
    },
  };
  return { crypto, counts, failNext: (times = 1) => (failuresLeft = times) };
}

const scope = (secretAccessKey: string, region = 'us-east-1') => ({
  secretAccessKey,
  dateStamp: '20150830',
  region,
  service: 'service',
});

describe('deriveSigningKey', () => {
  it("gives AWS's documented kSigning for the IAM example, with each step of the chain", async () => {
    const kDate = hmac(`AWS4${SECRET}`, '20150830');
    const kRegion = hmac(kDate, 'us-east-1');
    const kService = hmac(kRegion, 'iam');
    const kSigning = hmac(kService, 'aws4_request');
    expect(kSigning.toString('hex')).toBe(IAM_EXAMPLE_K_SIGNING);

    const { chain } = await deriveSigningKey(nodeSigningCrypto, IAM_EXAMPLE);
    expect(chain).toEqual({
      kDate: kDate.toString('hex'),
      kRegion: kRegion.toString('hex'),
      kService: kService.toString('hex'),
      kSigning: IAM_EXAMPLE_K_SIGNING,
    });
  });

  it('returns a key that HMACs with kSigning', async () => {
    const { key } = await deriveSigningKey(nodeSigningCrypto, IAM_EXAMPLE);
    const signature = await nodeSigningCrypto.hmacSha256(key, utf8('string to sign'));
    expect(toHex(signature)).toBe(
      hmac(Buffer.from(IAM_EXAMPLE_K_SIGNING, 'hex'), 'string to sign').toString('hex'),
    );
  });

  it('hashes the secret as UTF-8 after the AWS4 prefix', async () => {
    const { chain } = await deriveSigningKey(nodeSigningCrypto, {
      ...IAM_EXAMPLE,
      secretAccessKey: 'ሴ',
    });
    expect(chain.kDate).toBe(hmac(Buffer.from('AWS4ሴ', 'utf8'), '20150830').toString('hex'));
  });

  it('runs exactly four HMACs', async () => {
    const { crypto, counts } = countingCrypto();
    await deriveSigningKey(crypto, IAM_EXAMPLE);
    expect(counts.hmac).toBe(4);
  });

  it('rejects when the crypto rejects', async () => {
    const { crypto, failNext } = countingCrypto();
    failNext();
    await expect(deriveSigningKey(crypto, IAM_EXAMPLE)).rejects.toThrow('HMAC failed');
  });
});

describe('SigningKeyCache', () => {
  it('serves a hit without recomputing, with the same chain', async () => {
    const { crypto, counts } = countingCrypto();
    const cache = new SigningKeyCache(crypto);
    const first = await cache.get(IAM_EXAMPLE);
    const second = await cache.get({ ...IAM_EXAMPLE });
    expect(counts.hmac).toBe(4);
    expect(second).toBe(first);
    expect(second.chain.kSigning).toBe(IAM_EXAMPLE_K_SIGNING);
    expect(cache.size).toBe(1);
  });

  it('shares one derivation between concurrent requests for the same scope', async () => {
    const { crypto, counts } = countingCrypto();
    const cache = new SigningKeyCache(crypto);
    const [a, b] = await Promise.all([cache.get(IAM_EXAMPLE), cache.get(IAM_EXAMPLE)]);
    expect(a).toBe(b);
    expect(counts.hmac).toBe(4);
  });

  it('never serves the old key after the secret changes', async () => {
    const cache = new SigningKeyCache(nodeSigningCrypto);
    const old = await cache.get(scope('secret-one'));
    const changed = await cache.get(scope('secret-two'));
    expect(changed.chain.kSigning).not.toBe(old.chain.kSigning);
    expect(changed.chain).toEqual(
      (await deriveSigningKey(nodeSigningCrypto, scope('secret-two'))).chain,
    );
  });

  it('derives again for a different date, region or service', async () => {
    const { crypto, counts } = countingCrypto();
    const cache = new SigningKeyCache(crypto);
    await cache.get(scope('s'));
    await cache.get({ ...scope('s'), dateStamp: '20150831' });
    await cache.get(scope('s', 'eu-west-1'));
    await cache.get({ ...scope('s'), service: 'iam' });
    expect(counts.hmac).toBe(16);
    expect(cache.size).toBe(4);
  });

  // The cache key joins secret, date, region and service with '\n', which any of them may hold
  // (region and service are free text in the UI, and the validator only warns about them), so two
  // different scopes can share a key: here a different secret is served another secret's key.
  it('keeps scopes apart even when a field contains the separator', async () => {
    const cache = new SigningKeyCache(nodeSigningCrypto);
    const first = await cache.get({
      secretAccessKey: 'secret\n20150830\nus-east-1',
      dateStamp: '20150830',
      region: 'R',
      service: 'S',
    });
    const second = await cache.get({
      secretAccessKey: 'secret',
      dateStamp: '20150830',
      region: 'us-east-1\n20150830\nR',
      service: 'S',
    });
    expect(second.chain.kSigning).not.toBe(first.chain.kSigning);
  });

  it("gives the last scope's key at once once it is derived, and nothing for another scope", async () => {
    const cache = new SigningKeyCache(nodeSigningCrypto);
    expect(cache.getDerived(scope('s'))).toBeUndefined();
    const pending = cache.get(scope('s'));
    expect(cache.getDerived(scope('s'))).toBeUndefined();
    const key = await pending;
    expect(cache.getDerived({ ...scope('s') })).toBe(key);
    expect(cache.getDerived(scope('s', 'eu-west-1'))).toBeUndefined();
    await cache.get(scope('s', 'eu-west-1'));
    expect(cache.getDerived(scope('s'))).toBeUndefined();
    cache.clear();
    expect(cache.getDerived(scope('s', 'eu-west-1'))).toBeUndefined();
  });

  it('never holds more than maxEntries keys', async () => {
    const cache = new SigningKeyCache(nodeSigningCrypto, 3);
    for (let i = 0; i < 10; i++) {
      await cache.get(scope(`secret-${i}`));
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.size).toBe(3);
  });

  it('evicts the least recently used key, a hit counting as a use', async () => {
    const { crypto, counts } = countingCrypto();
    const cache = new SigningKeyCache(crypto, 2);
    await cache.get(scope('a'));
    await cache.get(scope('b'));
    await cache.get(scope('a')); // hit: a is now the most recently used
    await cache.get(scope('c')); // evicts b
    expect(counts.hmac).toBe(12);

    await cache.get(scope('a'));
    expect(counts.hmac).toBe(12); // a survived
    await cache.get(scope('b'));
    expect(counts.hmac).toBe(16); // b was evicted; this evicts c (a was used after it)
    await cache.get(scope('a'));
    expect(counts.hmac).toBe(16);
    await cache.get(scope('c'));
    expect(counts.hmac).toBe(20);
  });

  it('uses 16 entries by default', async () => {
    const cache = new SigningKeyCache(nodeSigningCrypto);
    for (let i = 0; i < 20; i++) await cache.get(scope(`secret-${i}`));
    expect(cache.size).toBe(16);
  });

  it('does not cache a rejected derivation', async () => {
    const { crypto, counts, failNext } = countingCrypto();
    const cache = new SigningKeyCache(crypto);
    failNext();
    await expect(cache.get(IAM_EXAMPLE)).rejects.toThrow('HMAC failed');
    expect(cache.size).toBe(0);
    const retried = await cache.get(IAM_EXAMPLE);
    expect(retried.chain.kSigning).toBe(IAM_EXAMPLE_K_SIGNING);
    expect(counts.hmac).toBe(5);
    expect(cache.size).toBe(1);
  });

  it('forgets every key on clear()', async () => {
    const { crypto, counts } = countingCrypto();
    const cache = new SigningKeyCache(crypto);
    await cache.get(IAM_EXAMPLE);
    cache.clear();
    expect(cache.size).toBe(0);
    await cache.get(IAM_EXAMPLE);
    expect(counts.hmac).toBe(8);
  });
});
