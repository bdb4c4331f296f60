import { Sha256 } from '@aws-crypto/sha256-js';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { EXAMPLE_SECRET as SECRET, signJsonPost } from '../../test-support/signJsonPost';
import { createWireKeyCache } from './createWireKeyCache';
import { createSha256ConstructorSigning } from './crypto/sha256Constructor';
import type { SigningCrypto } from './crypto/signingCrypto';
import { utf8 } from './encoding';
import type { SigningInput, SigningResult } from './types';
import { verifyWireRequest, type WireRequest, type WireVerifyOptions } from './verifyWireRequest';

const NOW = Date.parse('2026-01-15T10:20:30Z');
const sign = (overrides: Partial<SigningInput> = {}) =>
  signJsonPost({
    url: 'https://h.example/prod/a%20b?x=1',
    signingDate: new Date(NOW),
    ...overrides,
  });

const wire = (signed: SigningResult, method = 'POST', body = '{"a":1}'): WireRequest => ({
  method,
  target: signed.url.replace(/^https:\/\/[^/]+/, ''),
  headers: signed.headers,
  body: utf8(body),
});

type Key = { secretAccessKey: string; name: string };
const options: WireVerifyOptions<Key, string> = {
  now: NOW,
  crypto: nodeSigningCrypto,
  lookUpKey: (accessKeyId) =>
    accessKeyId === 'AKIDEXAMPLE' ? { secretAccessKey: SECRET, name: 'demo' } : { refused: 'who?' },
};

describe('verifyWireRequest', () => {
  it('verifies alike with synchronous digests and keys (node:crypto, a key cache) and without', async () => {
    const asyncOnly: SigningCrypto = { ...nodeSigningCrypto };
    delete asyncOnly.sha256HexSync;
    delete asyncOnly.hmacSha256HexSync;
    const keyCache = createWireKeyCache(nodeSigningCrypto, 4);
    const signed = await sign();
    const requests = [
      wire(signed),
      wire(signed, 'POST', '{"a":2}'),
      wire(await sign({ body: '' }), 'POST', ''),
      wire(await sign({ mode: 'query', method: 'GET', body: '', headers: [] }), 'GET', ''),
    ];
    for (const request of requests) {
      const slow = await verifyWireRequest(request, {
        ...options,
        crypto: asyncOnly,
        lookUpKey: (accessKeyId, token) => Promise.resolve(options.lookUpKey(accessKeyId, token)),
      });
      // Twice: the second time the key cache has the key already derived.
      for (let i = 0; i < 2; i++) {
        const fast = await verifyWireRequest(request, { ...options, keyCache });
        expect(fast).toEqual(slow);
      }
    }
  });

  it('verifies SigV4 and SigV4A, in header and query mode, with the artifacts the signer made', async () => {
    for (const algorithm of ['sigv4', 'sigv4a'] as const) {
      for (const mode of ['header', 'query'] as const) {
        const get = mode === 'query';
        const signed = await sign({
          algorithm,
          mode,
          ...(get ? { method: 'GET', body: '', headers: [] } : {}),
        });
        const verified = await verifyWireRequest(
          wire(signed, get ? 'GET' : 'POST', get ? '' : '{"a":1}'),
          options,
        );
        expect(verified.verdict, `${algorithm} ${mode}`).toEqual({ kind: 'valid' });
        expect(verified.problems).toEqual([]);
        expect(verified.canonicalRequest).toBe(signed.canonicalRequest);
        expect(verified.stringToSign).toBe(signed.stringToSign);
        expect(verified.key).toEqual({ secretAccessKey: SECRET, name: 'demo' });
        // SigV4A signatures are random: verified, never recomputed.
        expect(verified.expectedSignature).toBe(
          algorithm === 'sigv4' ? signed.signature : undefined,
        );
      }
    }
  });

  it('says invalid for another secret or a changed request', async () => {
    for (const algorithm of ['sigv4', 'sigv4a'] as const) {
      const signed = await sign({ algorithm });
      const otherSecret = await verifyWireRequest(wire(signed), {
        ...options,
        lookUpKey: () => ({ secretAccessKey: 'other', name: 'x' }),
      });
      expect(otherSecret.verdict).toEqual({ kind: 'invalid' });
      const changed = await verifyWireRequest(wire(signed, 'POST', '{"a":2}'), options);
      expect(changed.verdict).toEqual({ kind: 'invalid' });
      expect(changed.canonicalRequest).not.toBe(signed.canonicalRequest);
    }
  });

  it('passes on the lookup’s refusal, and checks nothing more', async () => {
    const signed = await sign({ credentials: { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' } });
    const verified = await verifyWireRequest(wire(signed), options);
    expect(verified).toMatchObject({ verdict: { kind: 'unchecked', reason: 'refused' } });
    expect(verified.refused).toBe('who?');
    expect(verified.canonicalRequest).toBeUndefined();
  });

  it('rebuilds the canonical request and string to sign without a key', async () => {
    for (const algorithm of ['sigv4', 'sigv4a'] as const) {
      const signed = await sign({ algorithm });
      const verified = await verifyWireRequest(wire(signed), {
        ...options,
        lookUpKey: () => undefined,
      });
      expect(verified.verdict).toEqual({ kind: 'unchecked', reason: 'no-key' });
      expect(verified.stringToSign).toBe(signed.stringToSign);
    }
  });

  it('says when the crypto cannot verify SigV4A, instead of throwing', async () => {
    const pureJs = createSha256ConstructorSigning(Sha256, 'sha256-js');
    const signed = await sign({ algorithm: 'sigv4a' });
    const verified = await verifyWireRequest(wire(signed), { ...options, crypto: pureJs });
    expect(verified.verdict).toEqual({ kind: 'unchecked', reason: 'no-ecdsa' });
    expect(verified.canonicalRequest).toBe(signed.canonicalRequest);
    // SigV4 needs no ECDSA.
    const v4 = await verifyWireRequest(wire(await sign()), { ...options, crypto: pureJs });
    expect(v4.verdict).toEqual({ kind: 'valid' });
  });

  it('stops at the first problem when asked, and otherwise still verifies', async () => {
    const signed = await sign();
    const late = { ...options, now: NOW + 3_600_000 };
    const first = await verifyWireRequest(wire(signed), { ...late, firstProblemOnly: true });
    expect(first.problems.map((problem) => problem.kind)).toEqual(['expired']);
    expect(first.verdict).toEqual({ kind: 'unchecked', reason: 'problem' });
    const all = await verifyWireRequest(wire(signed), late);
    expect(all.problems.map((problem) => problem.kind)).toEqual(['expired']);
    expect(all.verdict).toEqual({ kind: 'valid' });
  });

  it('gives a problem for a request it cannot read', async () => {
    const verified = await verifyWireRequest(
      { method: 'GET', target: '/', headers: [['Host', 'h']], body: new Uint8Array() },
      options,
    );
    expect(verified).toEqual({
      verdict: { kind: 'unchecked', reason: 'problem' },
      problems: [{ kind: 'unsigned' }],
    });
  });

  it('follows S3’s rules when asked: the path as sent, the payload hash from the header', async () => {
    const signed = await sign({
      url: 'https://b.s3.us-east-1.amazonaws.com/a//b%20c',
      service: 's3',
      region: 'us-east-1',
      payload: 'unsigned',
    });
    const s3 = await verifyWireRequest(wire(signed), { ...options, s3: true });
    expect(s3.verdict).toEqual({ kind: 'valid' });
    expect(s3.payloadHash).toBe('UNSIGNED-PAYLOAD');
    const notS3 = await verifyWireRequest(wire(signed), options);
    expect(notS3.verdict).toEqual({ kind: 'invalid' });
  });

  it('computes SignedHeaders as written: a re-sorted list no longer verifies', async () => {
    const signed = await sign();
    const authorization = signed.headers.find(([name]) => name === 'Authorization')![1];
    const resorted = authorization.replace(
      'SignedHeaders=content-type;host;x-amz-date',
      'SignedHeaders=host;content-type;x-amz-date',
    );
    expect(resorted).not.toBe(authorization);
    const verified = await verifyWireRequest(
      {
        ...wire(signed),
        headers: signed.headers.map(([name, value]) =>
          name === 'Authorization' ? [name, resorted] : [name, value],
        ),
      },
      options,
    );
    expect(verified.verdict).toEqual({ kind: 'invalid' });
    expect(verified.canonicalRequest!.split('\n').at(-2)).toBe('host;content-type;x-amz-date');
  });

  it('verifies with cached keys as with fresh ones', async () => {
    const keyCache = createWireKeyCache(nodeSigningCrypto, 4);
    for (const algorithm of ['sigv4', 'sigv4a', 'sigv4', 'sigv4a'] as const) {
      const verified = await verifyWireRequest(wire(await sign({ algorithm })), {
        ...options,
        keyCache,
      });
      expect(verified.verdict).toEqual({ kind: 'valid' });
    }
  });
});
