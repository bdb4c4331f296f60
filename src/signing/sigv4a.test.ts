import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createSha256ConstructorSigning } from './crypto/sha256Constructor';
import type { SigningCrypto } from './crypto/signingCrypto';
import { createWebCryptoSigning } from './crypto/webCrypto';
import { toHex } from './encoding';
import { createSigner } from './signRequest';
import {
  derEcdsaToRaw,
  deriveSigV4aKey,
  rawEcdsaToDer,
  SIGV4A_NEEDS_ECDSA,
  SigV4aKeyCache,
  sigv4aKdfInput,
  verifySigV4aSignature,
} from './sigv4a';
import type { SigningInput } from './types';

// Values of AWS's SigV4a test suite (aws-c-auth v4a/, see test-vectors/aws/README.md).
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const PUBLIC_KEY = {
  x: 'b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1',
  y: '865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518',
};
// get-vanilla's header-string-to-sign.txt and header-signature.txt.
const GET_VANILLA_STS = 'AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\n';

const INPUT: SigningInput = {
  method: 'GET',
  url: 'https://example.amazonaws.com/',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
  region: 'us-east-1',
  service: 'service',
  signingDate: new Date('2015-08-30T12:36:00Z'),
  algorithm: 'sigv4a',
};

const cryptos: Array<[string, SigningCrypto]> = [
  ['webcrypto', createWebCryptoSigning(globalThis.crypto.subtle)],
  ['node:crypto', nodeSigningCrypto],
];

describe('sigv4aKdfInput', () => {
  it('is 00000001 || algorithm || 00 || access key || counter || 00000100', () => {
    expect(toHex(sigv4aKdfInput('AKIDEXAMPLE', 1))).toBe(
      '00000001' +
        Buffer.from('AWS4-ECDSA-P256-SHA256').toString('hex') +
        '00' +
        Buffer.from('AKIDEXAMPLE').toString('hex') +
        '01' +
        '00000100',
    );
  });
});

describe.each(cryptos)('SigV4a on %s', (_name, crypto) => {
  it("derives the suite's public key (counter 1) and never exposes the private key", async () => {
    const key = await deriveSigV4aKey(crypto, 'AKIDEXAMPLE', SECRET);
    expect(key.publicKey).toEqual(PUBLIC_KEY);
    expect(key.counter).toBe(1);
    expect(key.kdfInputHex).toBe(toHex(sigv4aKdfInput('AKIDEXAMPLE', 1)));
    // The scalar is HMAC + 1; no field of the key carries it.
    const c = createHmac('sha256', `AWS4A${SECRET}`)
      .update(sigv4aKdfInput('AKIDEXAMPLE', 1))
      .digest('hex');
    const d = (BigInt(`0x${c}`) + 1n).toString(16).padStart(64, '0');
    expect(JSON.stringify(key)).not.toContain(d);
  });

  it('signs in header mode: region set header, scope without region, DER signature', async () => {
    const result = await createSigner({ crypto }).signRequest(INPUT);
    expect(result.algorithm).toBe('sigv4a');
    expect(result.credentialScope).toBe('20150830/service/aws4_request');
    expect(result.signedHeaders).toBe('host;x-amz-date;x-amz-region-set');
    expect(result.headers).toContainEqual(['X-Amz-Region-Set', 'us-east-1']);
    expect(result.stringToSign.startsWith(GET_VANILLA_STS)).toBe(true);
    expect(result.authorization).toBe(
      `AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20150830/service/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=${result.signature}`,
    );
    // 70-72 bytes, fewer when r or s happen to start with zero bytes.
    expect(result.signature).toMatch(/^30(?:[0-9a-f]{2}){60,71}$/);
    expect(result.sigv4a?.publicKey).toEqual(PUBLIC_KEY);
    expect(result.sigv4a?.regionSet).toBe('us-east-1');
    expect(result.signingKeyChain).toEqual({ kDate: '', kRegion: '', kService: '', kSigning: '' });
    expect(
      await verifySigV4aSignature(PUBLIC_KEY, result.stringToSign, result.signature, crypto),
    ).toBe(true);
    expect(
      await verifySigV4aSignature(PUBLIC_KEY, `${result.stringToSign}x`, result.signature, crypto),
    ).toBe(false);
    expect(await verifySigV4aSignature(PUBLIC_KEY, result.stringToSign, '3000', crypto)).toBe(
      false,
    );
  });

  it('signs in query mode with X-Amz-Region-Set (several regions, comma encoded)', async () => {
    const result = await createSigner({ crypto }).signRequest({
      ...INPUT,
      mode: 'query',
      regionSet: ['us-east-1', 'eu-*'],
    });
    expect(result.canonicalQuery).toBe(
      'X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-Region-Set=us-east-1%2Ceu-%2A&X-Amz-SignedHeaders=host',
    );
    expect(result.url).toMatch(/&X-Amz-Region-Set=us-east-1%2Ceu-%2A&X-Amz-Signature=30[0-9a-f]+$/);
    expect(result.sigv4a?.regionSet).toBe('us-east-1,eu-*');
  });

  it('replaces a region set header the request already has', async () => {
    const result = await createSigner({ crypto }).signRequest({
      ...INPUT,
      headers: [['x-amz-region-set', 'old']],
    });
    expect(result.headers.filter(([name]) => name.toLowerCase() === 'x-amz-region-set')).toEqual([
      ['X-Amz-Region-Set', 'us-east-1'],
    ]);
  });
});

describe('SigV4a without ECDSA', () => {
  it('the sha256-constructor crypto rejects SigV4a with a clear error', async () => {
    const signer = createSigner({ crypto: createSha256ConstructorSigning(JsSha256) });
    await expect(signer.signRequest(INPUT)).rejects.toThrow(SIGV4A_NEEDS_ECDSA);
    // SigV4 still works on it.
    const v4 = await signer.signRequest({ ...INPUT, algorithm: 'sigv4' });
    expect(v4.algorithm).toBe('sigv4');
    expect(v4.sigv4a).toBeUndefined();
  });
});

describe('SigV4aKeyCache', () => {
  it('derives once per access key and secret, bounded', async () => {
    let hmacs = 0;
    const counting: SigningCrypto = {
      ...nodeSigningCrypto,
      hmacSha256: (key, data) => {
        hmacs++;
        return nodeSigningCrypto.hmacSha256(key, data);
      },
    };
    const cache = new SigV4aKeyCache(counting, 2);
    await cache.get('AKIDEXAMPLE', SECRET);
    await cache.get('AKIDEXAMPLE', SECRET);
    expect(hmacs).toBe(1);
    await cache.get('AKIDOTHER', SECRET);
    await cache.get('AKIDEXAMPLE', 'other');
    expect(cache.size).toBe(2);
  });
});

describe('DER conversion', () => {
  it('round-trips raw r || s through minimal DER', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (raw) => {
        const der = rawEcdsaToDer(raw);
        expect(der[0]).toBe(0x30);
        expect(derEcdsaToRaw(der)).toEqual(raw);
      }),
    );
  });

  it('encodes leading zero bytes away and adds one before a high bit', () => {
    const raw = new Uint8Array(64);
    raw[31] = 1;
    raw[32] = 0x80;
    expect(toHex(rawEcdsaToDer(raw))).toBe(`3026020101022100${'80'}${'00'.repeat(31)}`);
  });
});
