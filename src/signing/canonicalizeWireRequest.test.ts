import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { canonicalizeWireRequest } from './canonicalizeWireRequest';
import { EMPTY_SHA256 } from './constants';
import { createSigner } from './signRequest';

const signer = createSigner({ crypto: nodeSigningCrypto });
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('canonicalizeWireRequest', () => {
  it('rebuilds the canonical request a header signature was made over', async () => {
    const signed = await signer.signRequest({
      method: 'GET',
      url: 'https://example.amazonaws.com/a%20b/./c?z=1&a=x y&a=%2B',
      headers: [['X-Custom', '  two   words ']],
      credentials,
      region: 'us-east-1',
      service: 'execute-api',
      signingDate: new Date('2015-08-30T12:36:00Z'),
    });
    const rebuilt = canonicalizeWireRequest({
      method: 'GET',
      target: '/a%20b/./c?z=1&a=x y&a=%2B',
      headers: signed.headers,
      signedHeaders: signed.signedHeaders,
      payloadHash: EMPTY_SHA256,
      normalizePath: true,
      doubleEncodePath: true,
    });
    expect(rebuilt.canonicalRequest).toBe(signed.canonicalRequest);
    expect(rebuilt.canonicalUri).toBe('/a%2520b/c');
    expect(rebuilt.canonicalQuery).toBe('a=%2B&a=x%20y&z=1');
  });

  it('leaves out excluded query parameters, compared after re-encoding', () => {
    const rebuilt = canonicalizeWireRequest({
      method: 'GET',
      target: '/?X-Amz-Signature=abc&X%2DAmz%2DSignature=def&b=1',
      headers: [['host', 'h']],
      signedHeaders: 'host',
      payloadHash: EMPTY_SHA256,
      normalizePath: true,
      doubleEncodePath: true,
      excludeQueryParams: ['X-Amz-Signature'],
    });
    expect(rebuilt.canonicalQuery).toBe('b=1');
  });

  it('keeps the S3 path rules when asked', () => {
    const rebuilt = canonicalizeWireRequest({
      method: 'PUT',
      target: '/bucket//key%20name',
      headers: [['Host', 'h']],
      signedHeaders: 'Host',
      payloadHash: 'UNSIGNED-PAYLOAD',
      normalizePath: false,
      doubleEncodePath: false,
    });
    expect(rebuilt.canonicalRequest).toBe(
      'PUT\n/bucket//key%20name\n\nhost:h\n\nHost\nUNSIGNED-PAYLOAD',
    );
  });

  it('signs only the named headers that the request carries', () => {
    const rebuilt = canonicalizeWireRequest({
      method: 'GET',
      target: '/',
      headers: [
        ['Host', 'h'],
        ['X-Other', 'o'],
      ],
      signedHeaders: 'host;x-missing',
      payloadHash: EMPTY_SHA256,
      normalizePath: true,
      doubleEncodePath: true,
    });
    expect(rebuilt.canonicalHeaders).toBe('host:h\n');
  });

  it('writes SignedHeaders as given: AWS hashes the list as sent, not a re-sorted one', () => {
    const headers: Array<[string, string]> = [
      ['Host', 'h'],
      ['X-Amz-Date', '20150830T123600Z'],
    ];
    for (const signedHeaders of ['Host;x-amz-date', 'x-amz-date;host', 'host;host;x-amz-date']) {
      const rebuilt = canonicalizeWireRequest({
        method: 'GET',
        target: '/',
        headers,
        signedHeaders,
        payloadHash: EMPTY_SHA256,
        normalizePath: true,
        doubleEncodePath: true,
      });
      // The header lines are still the canonical ones, sorted and once per name.
      expect(rebuilt.canonicalHeaders).toBe('host:h\nx-amz-date:20150830T123600Z\n');
      expect(rebuilt.canonicalRequest.split('\n').at(-2)).toBe(signedHeaders);
    }
  });
});
